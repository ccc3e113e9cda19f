package io.jstrace.output;

import io.jstrace.model.CallStatus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Value variant as JSON, each checked against the schema's value definition; JSON lines from events. */
class JsonValuesTest {
    private static SchemaCheck schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        schema = SchemaCheck.load(Path.of("docs/jstrace-jsonl.schema.json"));
    }

    private static String json(Value v) throws Exception {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            JsonValues.write(g, v);
        }
        String s = w.toString();
        List<String> errors = schema.errors(JsonTree.parse(s), "#/$defs/value");
        assertTrue(errors.isEmpty(), s + ": " + errors);
        return s;
    }

    private static Value str(String s) {
        return new Value.Str(s.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void numbersAreNumbersAndUnsignedWhereStracePrintsThemSo() throws Exception {
        assertEquals("-1", json(Value.Num.dec(-1)));
        assertEquals("18446744073709551615", json(Value.Num.hex(-1)));
        assertEquals("420", json(Value.Num.oct(0644)));
        assertEquals("{\"addr\":0}", json(Value.NULL_PTR));
        assertEquals("{\"addr\":18446744073709551615}", json(new Value.Addr(-1)));
        assertEquals("{\"unreadable\":140737488351232}", json(new Value.Unreadable(0x7ffffffff000L)));
    }

    @Test
    void constantsAndFlagsKeepNamesAndValues() throws Exception {
        assertEquals("{\"sym\":\"AT_FDCWD\",\"value\":-100}", json(new Value.Sym("AT_FDCWD", -100)));
        assertEquals("{\"flags\":[\"O_RDONLY\",\"O_CLOEXEC\"],\"value\":524288}",
                json(new Value.Flags(List.of("O_RDONLY", "O_CLOEXEC"), 0, Value.Radix.HEX, 0x80000)));
        assertEquals("{\"flags\":[\"S_IFREG\"],\"rest\":420,\"value\":33188}",
                json(new Value.Flags(List.of("S_IFREG"), 0644, Value.Radix.OCT, 0100644)));
        assertEquals("{\"flags\":[],\"value\":0}", json(new Value.Flags(List.of(), 0, Value.Radix.HEX, 0)));
    }

    @Test
    void stringsAreTextWhenUtf8AndHexOtherwise() throws Exception {
        assertEquals("{\"str\":\"caf\u00e9\\n\"}", json(str("caf\u00e9\n")));
        assertEquals("{\"str\":\"abc\",\"truncated\":true}", json(new Value.Str("abc".getBytes(), true)));
        assertEquals("{\"hex\":\"7f454c46ff\"}", json(new Value.Str(new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff}, false)));
    }

    @Test
    void pidsCarryNamesAndTracerIds() throws Exception {
        assertEquals("{\"pid\":2}", json(new Value.Pid(2, null, 0)));
        assertEquals("{\"pid\":2,\"comm\":\"sh\"}", json(new Value.Pid(2, "sh", 0)));
        assertEquals("{\"pid\":2,\"comm\":\"sh\",\"tracer_pid\":1234}", json(new Value.Pid(2, "sh", 1234)));
    }

    @Test
    void fdsCarryTheirPathsUnderY() throws Exception {
        assertEquals("{\"fd\":3}", json(new Value.Fd(3, null, null)));
        assertEquals("{\"fd\":3,\"path\":\"/etc/hostname\"}", json(new Value.Fd(3, "/etc/hostname", null)));
        assertEquals("{\"fd\":4,\"detail\":\"UNIX-STREAM:[1->2]\"}", json(new Value.Fd(4, null, "UNIX-STREAM:[1->2]")));
        assertEquals("{\"with_path\":{\"sym\":\"AT_FDCWD\",\"value\":-100},\"path\":\"/tmp\"}",
                json(new Value.WithPath(new Value.Sym("AT_FDCWD", -100), "/tmp")));
    }

    @Test
    void containersNest() throws Exception {
        Value stat = new Value.Struct(List.of(new Value.Field("st_size", Value.Num.dec(5)),
                new Value.Field(null, new Value.Call("makedev", List.of(Value.Num.hex(8), Value.Num.hex(1))))), true);
        assertEquals("{\"struct\":{\"st_size\":5,\"#1\":{\"call\":\"makedev\",\"args\":[8,1]}},\"truncated\":true}", json(stat));
        assertEquals("{\"array\":[{\"str\":\"ls\"}],\"truncated\":true}", json(new Value.Arr(List.of(str("ls")), true)));
        assertEquals("{\"set\":[{\"sym\":\"SIGCHLD\",\"value\":17}],\"inverted\":true}",
                json(new Value.BitSet(List.of(new Value.Sym("SIGCHLD", 17)), true)));
        assertEquals("{\"commented\":{\"addr\":4096},\"comment\":\"3 vars\"}", json(new Value.Commented(new Value.Addr(4096), "3 vars")));
        assertEquals("{\"elided\":true}", json(Value.ELLIPSIS));
        assertEquals("{\"unknown\":31,\"expected\":\"EV_???\"}", json(new Value.Unknown(31, Value.Radix.HEX, "EV_???")));
        assertEquals("{\"with_raw\":{\"set\":[{\"sym\":\"KEY_1\",\"value\":2}]},\"raw\":{\"array\":[4]}}",
                json(new Value.WithRaw(new Value.BitSet(List.of(new Value.Sym("KEY_1", 2)), false),
                        new Value.Arr(List.of(Value.Num.hex(4)), false), true)));
        assertEquals("{\"raw\":21506,\"decoded\":{\"one_of\":[{\"sym\":\"A\",\"value\":21506},{\"sym\":\"B\",\"value\":21506}]}}",
                json(new Value.Decoded(0x5402, Value.Radix.HEX, new Value.OneOf(List.of(new Value.Sym("A", 0x5402),
                        new Value.Sym("B", 0x5402))), true)));
        assertEquals("{\"raw\":16388,\"decoded\":{\"call\":\"IOPRIO_PRIO_VALUE\",\"args\":[{\"sym\":\"IOPRIO_CLASS_BE\",\"value\":2},4]}}",
                json(new Value.Decoded(16388, new Value.Call("IOPRIO_PRIO_VALUE", List.of(new Value.Sym("IOPRIO_CLASS_BE", 2), Value.Num.dec(4))))));
        assertEquals("{\"sum\":{\"sym\":\"SKF_AD_OFF\",\"value\":4294963200},\"plus\":4}",
                json(new Value.Sum(new Value.Sym("SKF_AD_OFF", 0xfffff000L), Value.Num.udec(4))));
        assertEquals("{\"bytes_from\":2,\"bytes_to\":3,\"value\":{\"hex\":\"00ff\"}}",
                json(new Value.ByteRange(2, 3, new Value.Str(new byte[] {0, (byte) 0xff}, false, true))));
        Value port = new Value.Call("htons", List.of(Value.Num.udec(80)));
        assertEquals("{\"encoded\":{\"hex\":\"0050\"},\"meaning\":{\"call\":\"htons\",\"args\":[80]}}",
                json(new Value.Styled(new Value.Str(new byte[] {0, 0x50}, false, true), port, port)));
    }

    /** Expressions and the other shapes strace prints with punctuation carry their meaning, not the punctuation. */
    @Test
    void expressionsAreSemantic() throws Exception {
        Value sigchld = new Value.Sym("SIGCHLD", 17);
        assertEquals("{\"or\":[{\"flags\":[\"CLONE_VM\"],\"value\":256},{\"sym\":\"SIGCHLD\",\"value\":17}]}",
                json(new Value.Or(new Value.Flags(List.of("CLONE_VM"), 0, Value.Radix.HEX, 0x100), sigchld)));
        assertEquals("{\"shift\":21,\"by\":{\"sym\":\"MAP_HUGE_SHIFT\",\"value\":26}}",
                json(new Value.Shift(Value.Num.udec(21), new Value.Sym("MAP_HUGE_SHIFT", 26))));
        assertEquals("{\"product\":8192,\"factor\":1024}", json(new Value.Product(Value.Num.udec(8192), Value.Num.dec(1024))));
        assertEquals("{\"before\":{\"array\":[16]},\"after\":{\"array\":[12]}}",
                json(new Value.Changed(new Value.Arr(List.of(Value.Num.dec(16)), false), new Value.Arr(List.of(Value.Num.dec(12)), false))));
        assertEquals("{\"label\":\"left\",\"value\":{\"struct\":{\"tv_sec\":1}}}",
                json(new Value.Labeled("left", new Value.Struct(List.of(new Value.Field("tv_sec", Value.Num.dec(1))), false))));
        Value s = new Value.Name("s");
        assertEquals("{\"and\":[{\"call\":\"WIFEXITED\",\"args\":[{\"name\":\"s\"}]},{\"equals\":[{\"call\":\"WEXITSTATUS\",\"args\":[{\"name\":\"s\"}]},0]}]}",
                json(new Value.And(List.of(new Value.Call("WIFEXITED", List.of(s)),
                        new Value.Equals(new Value.Call("WEXITSTATUS", List.of(s)), Value.Num.dec(0))))));
        assertEquals("{\"index\":{\"sym\":\"VINTR\",\"value\":0},\"value\":3}", json(new Value.Indexed(new Value.Sym("VINTR", 0), Value.Num.hex(3))));
        assertEquals("{\"field\":\"child_stack\",\"value\":{\"addr\":0}}", json(new Value.Field("child_stack", Value.NULL_PTR)));
        assertEquals("{\"address_of\":\"sin6_addr\"}", json(new Value.AddressOf("sin6_addr")));
        assertEquals("{\"abstract\":{\"str\":\"x\"}}", json(new Value.Abstract(new Value.Str("x".getBytes(), false))));
        assertEquals("{\"note\":\"Timeout\"}", json(new Value.Note("Timeout")));
        assertEquals("{\"hex\":\"6869\"}", json(new Value.Str("hi".getBytes(), false, true)));
    }

    /** Two threads (one with no /proc entry: pid falls back to its tid) interleaved in one call each, a failure, a call cut by detach: one object per call. */
    @Test
    void oneObjectPerCallWhateverTheInterleaving() throws Exception {
        int me = (int) ProcessHandle.current().pid();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLines out = new JsonLines(Outputs.single(bytes, false), null);
        out.accept(new Event.Attached(me, me, 1, Event.How.ATTACHED));
        out.accept(new Event.Attached(99_999_999, 99_999_999, 2, Event.How.FOLLOWED));
        out.accept(new Event.SyscallEntry(me, me, 10, 0, "read", List.of(new Value.Fd(0, null, null)), Event.Rest.ARGUMENTS, Event.NO_IP));
        out.accept(new Event.SyscallEntry(99_999_999, 99_999_999, 11, 39, "getpid", List.of(), Event.Rest.NONE, Event.NO_IP));
        out.accept(new Event.SyscallExit(99_999_999, 99_999_999, 12, 39, "getpid", List.of(), new Event.Result.Success(Value.Num.dec(5)), 1, -1, Event.Tampered.NONE, Event.NO_IP));
        out.accept(new Event.SyscallExit(me, me, 20, 0, "read", List.of(str("x"), Value.Num.udec(1)),
                new Event.Result.Failure(4, "EINTR", "Interrupted system call"), 9, -1, Event.Tampered.NONE, Event.NO_IP));
        out.accept(new Event.SyscallEntry(me, me, 30, 35, "nanosleep", List.of(Value.NULL_PTR), Event.Rest.ARGUMENTS, Event.NO_IP));
        out.accept(new Event.Detached(me, me, 40));
        out.close();
        String[] lines = bytes.toString(StandardCharsets.US_ASCII).split("\n");
        assertEquals(6, lines.length, String.join("\n", lines));
        for (String l : lines) {
            List<String> errors = schema.errors(JsonTree.parse(l), "#");
            assertTrue(errors.isEmpty(), l + ": " + errors);
        }
        Map<String, Object> getpid = JsonTree.object(JsonTree.parse(lines[2]));
        assertEquals(List.of("getpid", 99_999_999L, 99_999_999L, 11L, 12L, 5L), List.of(getpid.get("name"), getpid.get("pid"),
                getpid.get("tid"), getpid.get("time_ns"), getpid.get("exit_time_ns"), getpid.get("ret")));
        Map<String, Object> read = JsonTree.object(JsonTree.parse(lines[3]));
        assertEquals((long) me, read.get("pid"));
        assertEquals(3, JsonTree.array(read.get("args")).size());
        assertEquals(List.of("failed", -1L, "EINTR", 4L, 10L, 9L), List.of(read.get("status"), read.get("ret"),
                read.get("errno"), read.get("errno_nr"), read.get("time_ns"), read.get("duration_ns")));
        Map<String, Object> cut = JsonTree.object(JsonTree.parse(lines[4]));
        assertEquals("detached", cut.get("status"));
        assertTrue(!cut.containsKey("ret") && !cut.containsKey("exit_time_ns"), lines[4]);
        assertEquals("detach", JsonTree.object(JsonTree.parse(lines[5])).get("type"));
    }

    @Test
    void statusFilterAppliesToCallsOnly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLines out = new JsonLines(Outputs.single(bytes, false), Set.of(CallStatus.FAILED));
        out.accept(new Event.SyscallEntry(1, 1, 10, 39, "getpid", List.of(), Event.Rest.NONE, Event.NO_IP));
        out.accept(new Event.SyscallExit(1, 1, 12, 39, "getpid", List.of(), new Event.Result.Success(Value.Num.dec(5)), 1, -1, Event.Tampered.NONE, Event.NO_IP));
        out.accept(new Event.Exited(1, 1, 13, 0));
        out.close();
        assertEquals("{\"type\":\"exit\",\"pid\":1,\"tid\":1,\"time_ns\":13,\"code\":0}\n",
                bytes.toString(StandardCharsets.US_ASCII));
    }

    /** An argument continued at exit (clone3's struct) is written once, with its value at exit. */
    @Test
    void continuedArgumentIsWrittenOnceWithItsExitValue() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLines out = new JsonLines(Outputs.single(bytes, false), null);
        Value in = new Value.Struct(List.of(new Value.Field("flags", Value.Num.hex(0x100))), false);
        Value changed = new Value.Changed(in,
                new Value.Struct(List.of(new Value.Field("parent_tid", Value.Num.dec(7))), false));
        out.accept(new Event.SyscallEntry(1, 1, 10, 435, "clone3", List.of(in), Event.Rest.CONTINUED, Event.NO_IP));
        out.accept(new Event.SyscallExit(1, 1, 12, 435, "clone3", List.of(changed, Value.Num.udec(88)),
                new Event.Result.Success(Value.Num.dec(7)), 2, -1, Event.Tampered.NONE, Event.NO_IP));
        out.close();
        List<Object> args = JsonTree.array(JsonTree.object(JsonTree.parse(bytes.toString(StandardCharsets.US_ASCII))).get("args"));
        assertEquals(2, args.size(), args.toString());
        assertTrue(JsonTree.object(args.getFirst()).containsKey("after"), args.toString());
        assertEquals(88L, args.get(1));
    }

    @Test
    void unavailableHasAKindOfItsOwn() throws Exception {
        assertEquals("{\"unavailable\":true}", json(Value.UNAVAILABLE));
    }
}

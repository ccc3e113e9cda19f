package io.jstrace.output;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.model.Value;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueTextTest {
    private static final ValueText TEXT = new ValueText(ValueText.Hex.NONE);

    private static Value str(String s) {
        return new Value.Str(s.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    @Test
    void escapesAsStraceDoes() {
        // Octal is shortest unless an octal digit follows (strace prints "\1\0023").
        assertEquals("\"\\1\\0023\\n\\t\\r\\v\\f\\\"\\\\z\\177\\200\"",
                TEXT.format(str("\u0001\u00023\n\t\r\u000b\f\"\\z\u007f\u0080")));
        assertEquals("\"\\177ELF\\2\\1\"", TEXT.format(str("\u007fELF\u0002\u0001")));
        assertEquals("\"abc\"...", TEXT.format(new Value.Str("abc".getBytes(), true)));
    }

    @Test
    void hexStyles() {
        ValueText x = new ValueText(ValueText.Hex.NON_PRINTABLE);
        assertEquals("\"hi\\n\"", x.format(str("hi\n")));
        assertEquals("\"\\x01\\x02\\x61\"", x.format(str("\u0001\u0002a")));
        assertEquals("\"\\x68\\x69\"", new ValueText(ValueText.Hex.ALL).format(str("hi")));
        // non-ascii-chars: escapes in hex where strace would print octal; whitespace escapes stay.
        ValueText chars = new ValueText(ValueText.Hex.NON_ASCII_CHARS);
        assertEquals("\"a\\x01\\n\\xffb\\x001\"", chars.format(new Value.Str(new byte[] {'a', 1, '\n', (byte) 0xff, 'b', 0, '1'}, false)));
    }

    @Test
    void numbersAndConstants() {
        assertEquals("0644", TEXT.format(Value.Num.oct(0644)));
        assertEquals("000", TEXT.format(Value.Num.oct(0)));
        assertEquals("022", TEXT.format(Value.Num.oct(022)));
        assertEquals("0", TEXT.format(Value.Num.hex(0)));
        assertEquals("NULL", TEXT.format(new Value.Addr(0)));
        assertEquals("18446744073709551615", TEXT.format(Value.Num.udec(-1)));
        Value flags = new Value.Flags(List.of("O_RDONLY", "O_CLOEXEC"), 0, Value.Radix.HEX, 0x80000);
        assertEquals("O_RDONLY|O_CLOEXEC", TEXT.format(flags));
        assertEquals("O_CREAT|0x40000000",
                TEXT.format(new Value.Flags(List.of("O_CREAT"), 0x40000000, Value.Radix.HEX, 0x40000040)));
        assertEquals("0", TEXT.format(new Value.Flags(List.of(), 0, Value.Radix.HEX, 0)));
    }

    @Test
    void rawConstantsSignalsInDecimalOthersInHex() {
        ValueText raw = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW);
        assertEquals("10", raw.format(new Value.Sym("SIGUSR1", 10)));
        assertEquals("35", raw.format(new Value.Sym("SIGRT_3", 35)));
        assertEquals("0x1", raw.format(new Value.Sym("SIGEV_NONE", 1)));
        assertEquals("0x1", raw.format(new Value.Sym("SIG_BLOCK", 1)));
    }

    @Test
    void decodedNumberWithItsName() {
        Value shift = new Value.Shift(Value.Num.udec(21), new Value.Decoded(26, new Value.Name("SHM_HUGE_SHIFT")));
        assertEquals("21<<SHM_HUGE_SHIFT", TEXT.format(shift));
        assertEquals("21<<26", new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW).format(shift));
        assertEquals("21<<26 /* SHM_HUGE_SHIFT */", new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE).format(shift));
    }

    @Test
    void rawAndVerboseConstants() {
        ValueText raw = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW);
        ValueText verbose = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE);
        Value fdcwd = new Value.Sym("AT_FDCWD", -100);
        Value flags = new Value.Flags(List.of("O_RDONLY", "O_CLOEXEC"), 0, Value.Radix.HEX, 0x80000);
        Value mode = new Value.Flags(List.of("S_IFREG"), 0644, Value.Radix.OCT, 0100644);
        assertEquals("-100", raw.format(fdcwd));
        assertEquals("0x80000", raw.format(flags));
        assertEquals("-100 /* AT_FDCWD */", verbose.format(fdcwd));
        assertEquals("0x80000 /* O_RDONLY|O_CLOEXEC */", verbose.format(flags));
        assertEquals("0100644 /* S_IFREG|0644 */", verbose.format(mode));
    }

    @Test
    void structsArraysAndPaths() {
        Value s = new Value.Struct(List.of(new Value.Field("st_size", Value.Num.dec(5))), true);
        assertEquals("{st_size=5, ...}", TEXT.format(s));
        assertEquals("[1, 2]", TEXT.format(new Value.Arr(List.of(Value.Num.dec(1), Value.Num.dec(2)), false)));
        Value rt = new Value.BitSet(List.of(new Value.Sym("RTMIN", 32), new Value.Sym("RT_1", 33)), true);
        assertEquals("~[RTMIN RT_1]", TEXT.format(rt));
        assertEquals("~[32 33]", new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW).format(rt));
        assertEquals("~[32 /* RTMIN */ 33 /* RT_1 */]",
                new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE).format(rt));
        assertEquals("3</a\\76b>", TEXT.format(new Value.Fd(3, "/a>b", null)));
        assertEquals("0</dev/null<char 1:3>>", TEXT.format(new Value.Fd(0, "/dev/null", "<char 1:3>")));
        assertEquals("3<TCP:[1.2.3.4:5->6.7.8.9:10]>", TEXT.format(new Value.Fd(3, null, "TCP:[1.2.3.4:5->6.7.8.9:10]")));
        assertEquals("AT_FDCWD</tmp>", TEXT.format(new Value.WithPath(new Value.Sym("AT_FDCWD", -100), "/tmp")));
    }

    /** -X picks the encoded form, the meaning, or both (strace's print_xlat_ex and its callers). */
    @Test
    void styledValues() {
        ValueText raw = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW);
        ValueText verbose = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE);
        Value lo = new Value.Call("if_nametoindex", List.of(str("lo")));
        Value ifindex = new Value.Styled(Value.Num.udec(1), lo, lo);
        assertEquals("if_nametoindex(\"lo\")", TEXT.format(ifindex));
        assertEquals("1", raw.format(ifindex));
        assertEquals("1 /* if_nametoindex(\"lo\") */", verbose.format(ifindex));
        Value unknown = new Value.Styled(Value.Num.hex(0x28), new Value.Commented(Value.Num.hex(0x28), "IFLA_???"),
                new Value.Name("IFLA_???"));
        assertEquals("0x28 /* IFLA_??? */", TEXT.format(unknown));
        assertEquals("0x28", raw.format(unknown));
        assertEquals("0x28 /* IFLA_??? */", verbose.format(unknown));
        assertEquals("7", verbose.format(new Value.Styled(Value.Num.udec(7), Value.Num.udec(7), null)));
        assertEquals("SKF_AD_OFF+SKF_AD_PKTTYPE", TEXT.format(new Value.Sum(new Value.Sym("SKF_AD_OFF", 0xfffff000L),
                new Value.Sym("SKF_AD_PKTTYPE", 4))));
        assertEquals("/* bytes 2..3 */ \"\\x00\\xff\"", TEXT.format(new Value.ByteRange(2, 3,
                new Value.Str(new byte[] {0, (byte) 0xff}, false, true))));
    }

    /** The text renderer alone knows strace's punctuation for each semantic shape. */
    @Test
    void expressionsInStracesPunctuation() {
        Value sigtrap = new Value.Sym("SIGTRAP", 5);
        Value s = new Value.Name("s");
        Value stopped = new Value.Struct(List.of(new Value.Field(null, new Value.And(List.of(
                new Value.Call("WIFSTOPPED", List.of(s)),
                new Value.Equals(new Value.Call("WSTOPSIG", List.of(s)), new Value.Or(sigtrap, Value.Num.hex(0x80))))))), false);
        assertEquals("{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}", TEXT.format(stopped));
        assertEquals("{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80} | PTRACE_EVENT_EXEC << 16",
                TEXT.format(new Value.Or(stopped, new Value.Shift(new Value.Sym("PTRACE_EVENT_EXEC", 4), Value.Num.dec(16)))));
        assertEquals("MAP_PRIVATE|21<<MAP_HUGE_SHIFT", TEXT.format(new Value.Or(new Value.Sym("MAP_PRIVATE", 2),
                new Value.Shift(Value.Num.udec(21), new Value.Sym("MAP_HUGE_SHIFT", 26)))));
        assertEquals("8192*1024", TEXT.format(new Value.Product(Value.Num.udec(8192), Value.Num.dec(1024))));
        assertEquals("[16] => [12]", TEXT.format(new Value.Changed(new Value.Arr(List.of(Value.Num.dec(16)), false),
                new Value.Arr(List.of(Value.Num.dec(12)), false))));
        assertEquals("left {tv_sec=1}", TEXT.format(new Value.Labeled("left",
                new Value.Struct(List.of(new Value.Field("tv_sec", Value.Num.dec(1))), false))));
        assertEquals("[VINTR]=0x3", TEXT.format(new Value.Indexed(new Value.Sym("VINTR", 0), Value.Num.hex(3))));
        assertEquals("child_stack=NULL", TEXT.format(new Value.Field("child_stack", Value.NULL_PTR)));
        assertEquals("inet_pton(AF_INET6, \"::1\", &sin6_addr)", TEXT.format(new Value.Call("inet_pton",
                List.of(new Value.Sym("AF_INET6", 10), str("::1"), new Value.AddressOf("sin6_addr")))));
        assertEquals("@\"x\"", TEXT.format(new Value.Abstract(new Value.Str("x".getBytes(), false))));
        assertEquals("... /* 0x1000 */", TEXT.format(new Value.Commented(Value.ELLIPSIS, "0x1000")));
        assertEquals("\"\\x68\\x69\"...", TEXT.format(new Value.Str("hi".getBytes(), true, true)));
        assertEquals("00000000", TEXT.format(new Value.Num(0, Value.Radix.WORD32)));
        assertEquals("0x000010", TEXT.format(new Value.Num(16, Value.Radix.WORD32)));
        assertEquals("00", TEXT.format(new Value.Num(0, Value.Radix.WORD8)));
        assertEquals("0x1", TEXT.format(new Value.Num(1, Value.Radix.WORD8)));
        assertEquals("0x0a", TEXT.format(new Value.Num(10, Value.Radix.WORD16)));
    }

    /** printflags' and printxval's defaults, and names inside -X verbose's comment. */
    @Test
    void unknownValuesAndAlternativeNames() {
        ValueText raw = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW);
        ValueText verbose = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE);
        Value unknown = new Value.Unknown(0x1f, Value.Radix.HEX, "EV_???");
        assertEquals("0x1f /* EV_??? */", TEXT.format(unknown));
        assertEquals("0x1f", raw.format(unknown));
        assertEquals("0x1f /* EV_??? */", verbose.format(unknown));
        Value noName = new Value.Flags(List.of(), 0xff00, Value.Radix.HEX, 0xff00, "TIOCM_???");
        assertEquals("0xff00 /* TIOCM_??? */", TEXT.format(noName));
        assertEquals("0xff00", raw.format(noName));
        assertEquals("0xff00 /* TIOCM_??? */", verbose.format(noName));
        Value none = new Value.Flags(List.of(), 0, Value.Radix.HEX, 0, null);
        assertEquals("", TEXT.format(none));
        assertEquals("", raw.format(none));
        assertEquals("0", TEXT.format(new Value.Flags(List.of(), 0, Value.Radix.HEX, 0, "X_???")));
        Value names = new Value.OneOf(List.of(new Value.Sym("SNDCTL_TMR_START", 0x5402), new Value.Sym("TCSETS", 0x5402)));
        Value request = new Value.Decoded(0x5402, Value.Radix.HEX, names, true);
        assertEquals("SNDCTL_TMR_START or TCSETS", TEXT.format(request));
        assertEquals("0x5402", raw.format(request));
        assertEquals("0x5402 /* SNDCTL_TMR_START or TCSETS */", verbose.format(request));
        Value bit = new Value.Decoded(0x800e453fL, Value.Radix.HEX,
                new Value.Call("EVIOCGBIT", List.of(unknown, Value.Num.udec(14))), true);
        assertEquals("EVIOCGBIT(0x1f /* EV_??? */, 14)", TEXT.format(bit));
        assertEquals("0x800e453f /* EVIOCGBIT(0x1f, 14) */", verbose.format(bit));
        Value bits = new Value.WithRaw(new Value.BitSet(List.of(new Value.Sym("KEY_1", 2)), false),
                new Value.Arr(List.of(Value.Num.hex(4)), false), true);
        assertEquals("[KEY_1]", TEXT.format(bits));
        assertEquals("[0x4]", raw.format(bits));
        assertEquals("[2 /* KEY_1 */] /* [0x4] */", verbose.format(bits));
        Value fourcc = new Value.WithRaw(new Value.Call("v4l2_fourcc", List.of(new Value.Char('Y', false))),
                Value.Num.hex(0x59), false);
        assertEquals("v4l2_fourcc('Y')", verbose.format(fourcc));
        assertEquals("0x59", raw.format(fourcc));
        assertEquals("1/30", TEXT.format(new Value.Fraction(1, 30)));
        assertEquals("'\\n'", TEXT.format(new Value.Char('\n', true)));
        assertEquals("'\\x0a'", TEXT.format(new Value.Char('\n', false)));
        // ioprio's decoding follows -X verbose inside the comment too, as strace's does.
        Value prio = new Value.Decoded(8191, new Value.Call("IOPRIO_PRIO_VALUE", List.of(new Value.Sym("IOPRIO_CLASS_NONE", 0),
                Value.Num.dec(8191))));
        assertEquals("8191 /* IOPRIO_PRIO_VALUE(0 /* IOPRIO_CLASS_NONE */, 8191) */", verbose.format(prio));
    }

    @Test
    void unavailableMembersAndBytesPastAKnownStruct() {
        Value extra = new Value.ByteRange(24, 31, new Value.Str(new byte[] {(byte) 0x80, (byte) 0x81}, true, true));
        assertEquals("{flags=0x80, ???, /* bytes 24..31 */ \"\\x80\\x81\"...}", TEXT.format(new Value.Struct(List.of(
                new Value.Field("flags", Value.Num.hex(0x80)), new Value.Field(null, Value.UNAVAILABLE),
                new Value.Field(null, extra)), false)));
    }
}

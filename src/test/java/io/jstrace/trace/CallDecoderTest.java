package io.jstrace.trace;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The per-call decoding without ptrace: numbers, a result and a memory of byte arrays in, strace's values out. */
class CallDecoderTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();
    private static final ValueText TEXT = new ValueText(ValueText.Hex.NONE);
    private static final long AT_FDCWD = -100, O_CLOEXEC = 0x80000;

    private final CallDecoder decoder = new CallDecoder(DecodeOptions.DEFAULT, FdPaths.NONE, true, Qualifiers.DEFAULT);

    private static String text(List<Value> values) {
        StringBuilder sb = new StringBuilder();
        TEXT.appendAll(sb, values);
        return sb.toString();
    }

    private CallDecoder.Entry enter(String name, FakeMemory memory, long... args) {
        int nr = TABLE.byName(name).number();
        return decoder.enter(42, TABLE.byNumber(nr), nr, java.util.Arrays.copyOf(args, 6), memory);
    }

    @Test
    void inputArgumentsAreShownAtEntry() {
        FakeMemory m = new FakeMemory().string(0x1000, "/etc/passwd");
        CallDecoder.Entry e = enter("openat", m, AT_FDCWD, 0x1000, O_CLOEXEC);
        assertEquals("openat", e.name());
        assertEquals("AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC", text(e.shown()));
        assertEquals(Event.Rest.NONE, e.rest());
        e.call().exit(3, false);
        assertEquals("", text(decoder.exitArgs(e)));
        assertEquals("3", TEXT.format(((Event.Result.Success) CallDecoder.result(e)).value()));
    }

    @Test
    void outputBuffersAreReadAtExitOnlyAndUpToTheResult() {
        FakeMemory m = new FakeMemory().put(0x2000, "hello, world".getBytes());
        CallDecoder.Entry e = enter("read", m, 3, 0x2000, 64);
        assertEquals("3", text(e.shown()));
        assertEquals(Event.Rest.ARGUMENTS, e.rest());
        assertEquals("64", text(CallDecoder.unfinishedArgs(e)), "a call that never returns shows what entry read");
        e.call().exit(5, false);
        assertEquals("\"hello\", 64", text(decoder.exitArgs(e)));
    }

    @Test
    void aFailedCallCarriesItsErrnoAndKeepsItsBufferUnread() {
        CallDecoder.Entry e = enter("read", new FakeMemory(), 7, 0x2000, 64);
        e.call().exit(-9, true);
        Event.Result.Failure f = assertInstanceOf(Event.Result.Failure.class, CallDecoder.result(e));
        assertEquals("EBADF", f.name());
        assertEquals("0x2000, 64", text(decoder.exitArgs(e)));
    }

    @Test
    void unreadableMemoryShowsTheAddress() {
        CallDecoder.Entry e = enter("openat", new FakeMemory(), AT_FDCWD, 0xdead000, 0);
        assertEquals("AT_FDCWD, 0xdead000, O_RDONLY", text(e.shown()));
    }

    @Test
    void rawCallsPrintArgumentsAndResultInHex() {
        Qualifiers raw = new Qualifiers(s -> true, s -> true, s -> true, fd -> false, fd -> false, 0, r -> true);
        CallDecoder rawDecoder = new CallDecoder(DecodeOptions.DEFAULT, FdPaths.NONE, true, raw);
        int nr = TABLE.byName("close").number();
        CallDecoder.Entry e = rawDecoder.enter(42, TABLE.byNumber(nr), nr, new long[] {10, 0, 0, 0, 0, 0}, new FakeMemory());
        assertEquals("0xa", text(e.shown()));
        e.call().exit(0, false);
        assertEquals("0", TEXT.format(((Event.Result.Success) CallDecoder.result(e)).value()));
    }

    @Test
    void withoutArgumentDecodingOnlyTheOutcomeIsKept() {
        CallDecoder counting = new CallDecoder(DecodeOptions.DEFAULT, FdPaths.NONE, false, Qualifiers.DEFAULT);
        int nr = TABLE.byName("openat").number();
        CallDecoder.Entry e = counting.enter(42, TABLE.byNumber(nr), nr, new long[] {AT_FDCWD, 0x1000, 0, 0, 0, 0},
                new FakeMemory());
        assertEquals(List.of(), e.shown());
        e.call().exit(-2, true);
        assertEquals(List.of(), counting.exitArgs(e));
        assertEquals("ENOENT", ((Event.Result.Failure) CallDecoder.result(e)).name());
    }
}

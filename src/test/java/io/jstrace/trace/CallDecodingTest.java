package io.jstrace.trace;

import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FakeMemory;
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
class CallDecodingTest {
    private static final SyscallTable TABLE = SyscallTable.x86_64();
    private static final ValueText TEXT = new ValueText(ValueText.Hex.NONE);
    private static final long AT_FDCWD = -100, O_CLOEXEC = 0x80000;

    private static String text(List<Value> values) {
        StringBuilder sb = new StringBuilder();
        TEXT.appendAll(sb, values);
        return sb.toString();
    }

    private static String text(Event.Result r) {
        return TEXT.format(((Event.Result.Success) r).value());
    }

    private static CallDecoding enter(String name, FakeMemory memory, long... args) {
        int nr = TABLE.number(name);
        Call call = new Call(42, nr, java.util.Arrays.copyOf(args, 6), memory, DecodeOptions.DEFAULT, FdPaths.NONE);
        return CallDecoding.entry(call, TABLE.byNumber(nr), true, false);
    }

    @Test
    void inputArgumentsAreShownAtEntry() {
        CallDecoding d = enter("openat", new FakeMemory().string(0x1000, "/etc/passwd"), AT_FDCWD, 0x1000, O_CLOEXEC);
        assertEquals("openat", d.name());
        assertEquals("AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC", text(d.entryArgs()));
        assertEquals(Event.Rest.NONE, d.rest());
        d.exit(3, false);
        assertEquals("", text(d.exitArgs()));
        assertEquals("3", text(d.result()));
    }

    @Test
    void outputBuffersAreReadAtExitOnlyAndUpToTheResult() {
        CallDecoding d = enter("read", new FakeMemory().put(0x2000, "hello, world".getBytes()), 3, 0x2000, 64);
        assertEquals("3", text(d.entryArgs()));
        assertEquals(Event.Rest.ARGUMENTS, d.rest());
        assertEquals("64", text(d.exitArgs()), "a call that never returns shows what its entry read");
        d.exit(5, false);
        assertEquals("\"hello\", 64", text(d.exitArgs()));
    }

    /** getcwd's path is as long as the call says (strace's printpathn), whatever the buffer holds after. */
    @Test
    void getcwdShowsThePathItReturned() {
        CallDecoding d = enter("getcwd", new FakeMemory().string(0x3000, "/poked"), 0x3000, 4096);
        d.exit(5, false);
        assertEquals("\"/pok\"..., 4096", text(d.exitArgs()));
        d = enter("getcwd", new FakeMemory().string(0x3000, "/poked"), 0x3000, 4096);
        d.exit(7, false);
        assertEquals("\"/poked\", 4096", text(d.exitArgs()));
    }

    @Test
    void aFailedCallCarriesItsErrnoAndItsBufferUnread() {
        CallDecoding d = enter("read", new FakeMemory(), 7, 0x2000, 64);
        d.exit(-9, true);
        assertEquals("EBADF", assertInstanceOf(Event.Result.Failure.class, d.result()).name());
        assertEquals("0x2000, 64", text(d.exitArgs()));
    }

    @Test
    void unreadableMemoryShowsTheAddress() {
        CallDecoding d = enter("openat", new FakeMemory(), AT_FDCWD, 0xdead000, 0);
        assertEquals("AT_FDCWD, 0xdead000, O_RDONLY", text(d.entryArgs()));
    }

    /** strace: {@code syscall_%#lx}, no leading zeros (jstrace printed syscall_0x000003e7). */
    @Test
    void anUnknownNumberIsNamedByItAndItsArgumentsAreHex() {
        Call call = new Call(42, 999, new long[] {1, 2, 3, 4, 5, 6}, new FakeMemory(), DecodeOptions.DEFAULT, FdPaths.NONE);
        CallDecoding d = CallDecoding.entry(call, null, true, false);
        assertEquals("syscall_0x3e7", d.name());
        assertEquals("0x1, 0x2, 0x3, 0x4, 0x5, 0x6", text(d.entryArgs()));
        d.exit(-38, true);
        assertEquals("ENOSYS", ((Event.Result.Failure) d.result()).name());
    }

    @Test
    void rawCallsPrintArgumentsAndResultInHex() {
        int nr = TABLE.number("close");
        Call call = new Call(42, nr, new long[] {10, 0, 0, 0, 0, 0}, new FakeMemory(), DecodeOptions.DEFAULT, FdPaths.NONE);
        CallDecoding d = CallDecoding.entry(call, TABLE.byNumber(nr), true, true);
        assertEquals("0xa", text(d.entryArgs()));
        d.exit(0, false);
        assertEquals("0", text(d.result()));
    }

    @Test
    void withoutArgumentDecodingOnlyTheOutcomeIsKept() {
        int nr = TABLE.number("openat");
        Call call = new Call(42, nr, new long[] {AT_FDCWD, 0x1000, 0, 0, 0, 0}, new FakeMemory(), DecodeOptions.DEFAULT,
                FdPaths.NONE);
        CallDecoding d = CallDecoding.entry(call, TABLE.byNumber(nr), false, false);
        assertEquals(List.of(), d.entryArgs());
        d.exit(-2, true);
        assertEquals(List.of(), d.exitArgs());
        assertEquals("ENOENT", ((Event.Result.Failure) d.result()).name());
    }

    /** modify_ldt returns an int: a value the kernel clipped to 32 bits is the error it encodes, printed after the value. */
    @Test
    void modifyLdtsClippedErrorIsAnError() {
        int nr = TABLE.number("modify_ldt");
        Call call = new Call(42, nr, new long[] {0x4d, 0, 0, 0, 0, 0}, new FakeMemory(), DecodeOptions.DEFAULT, FdPaths.NONE);
        CallDecoding d = CallDecoding.entry(call, TABLE.byNumber(nr), true, false);
        d.exit(0xffffffdaL, false);
        StringBuilder sb = new StringBuilder();
        TEXT.appendResult(sb, d.result());
        assertEquals("4294967258 ENOSYS (Function not implemented)", sb.toString());
        Call ok = new Call(42, nr, new long[] {0, 0, 0, 0, 0, 0}, new FakeMemory(), DecodeOptions.DEFAULT, FdPaths.NONE);
        CallDecoding fine = CallDecoding.entry(ok, TABLE.byNumber(nr), true, false);
        fine.exit(16, false);
        assertEquals("16", text(fine.result()));
    }
}

package io.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstrace.linux.RemoteMemory;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoders run over this JVM's own memory (process_vm_readv on itself), as if it were a tracee. */
class IoKindsTest {
    private static final int SELF = (int) ProcessHandle.current().pid();
    private final Arena arena = Arena.ofAuto();

    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    /** Details as strace prints them inside the parentheses after the return value. */
    private static String texts(java.util.List<Value> details) {
        StringBuilder sb = new StringBuilder();
        new ValueText(ValueText.Hex.NONE).appendAll(sb, details);
        return sb.toString();
    }

    private Call call(long... args) {
        long[] a = new long[6];
        System.arraycopy(args, 0, a, 0, args.length);
        return new Call(SELF, 0, a, new RemoteMemory(), DecodeOptions.DEFAULT, FdPaths.NONE);
    }

    private MemorySegment str(String s) {
        return arena.allocateFrom(ValueLayout.JAVA_BYTE, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private MemorySegment iovs(MemorySegment... bases) {
        MemorySegment iov = arena.allocate(16L * bases.length, 8);
        for (int i = 0; i < bases.length; i++) {
            iov.set(ValueLayout.JAVA_LONG, 16L * i, bases[i].address());
            iov.set(ValueLayout.JAVA_LONG, 16L * i + 8, bases[i].byteSize());
        }
        return iov;
    }

    @Test
    void writevShowsEveryBuffer() {
        MemorySegment iov = iovs(str("abh"), str("ello world"));
        assertEquals("[{iov_base=\"abh\", iov_len=3}, {iov_base=\"ello world\", iov_len=10}]",
                text(IovDecoder.iov(call(), iov.address(), 2, IovDecoder.Mode.STR, IovDecoder.UNLIMITED)));
    }

    @Test
    void readvShowsOnlyWhatWasRead() {
        MemorySegment iov = iovs(str("abc"), str("defgh"));
        assertEquals("[{iov_base=\"abc\", iov_len=3}, {iov_base=\"d\", iov_len=5}]",
                text(IovDecoder.iov(call(), iov.address(), 2, IovDecoder.Mode.STR, 4)));
        assertEquals("[{iov_base=\"ab\", iov_len=3}, {iov_base=\"\", iov_len=5}]",
                text(IovDecoder.iov(call(), iov.address(), 2, IovDecoder.Mode.STR, 2)));
    }

    @Test
    void pollFdsAndDetail() {
        MemorySegment fds = arena.allocate(16, 8);
        fds.set(ValueLayout.JAVA_INT, 0, 4);
        fds.set(ValueLayout.JAVA_SHORT, 4, (short) 1);
        fds.set(ValueLayout.JAVA_SHORT, 6, (short) 1);
        fds.set(ValueLayout.JAVA_INT, 8, 5);
        fds.set(ValueLayout.JAVA_SHORT, 12, (short) 5);
        fds.set(ValueLayout.JAVA_SHORT, 14, (short) 0);
        Call c = call(fds.address(), 2, 100);
        assertEquals("[{fd=4, events=POLLIN}, {fd=5, events=POLLIN|POLLOUT}]", text(PollDecoder.fds(c, fds.address(), 2)));
        c.exit(1, false);
        assertEquals("[{fd=4, revents=POLLIN}]", texts(PollDecoder.detail(c, null)));
        Call timeout = call(fds.address(), 2, 0);
        timeout.exit(0, false);
        assertEquals("Timeout", texts(PollDecoder.detail(timeout, null)));
    }

    @Test
    void sigmask() {
        byte[] set = new byte[8];
        set[0] = 2; // SIGINT
        assertEquals("[INT]", text(PollSigmask.of(new Bytes(set), 64)));
        byte[] all = new byte[8];
        java.util.Arrays.fill(all, (byte) 0xff);
        all[0] = (byte) 0xfd;
        assertEquals("~[INT]", text(PollSigmask.of(new Bytes(all), 64)));
    }

    @Test
    void selectSets() {
        MemorySegment set = arena.allocate(8, 8);
        set.set(ValueLayout.JAVA_LONG, 0, (1L << 4) | (1L << 5));
        Call c = call(6, set.address(), 0, 0, 0);
        assertEquals("[4 5]", text(SelectDecoder.set(c, set.address())));
        assertEquals("NULL", text(SelectDecoder.set(c, 0)));
        c.exit(2, false);
        assertEquals("in [4 5]", texts(SelectDecoder.detail(c, null)));
    }

    @Test
    void epollEvent() {
        byte[] b = new byte[12];
        b[0] = 1;
        b[3] = (byte) 0x80; // EPOLLET
        b[4] = 3;
        b[8] = 1;
        assertEquals("{events=EPOLLIN|EPOLLET, data={u32=3, u64=4294967299}}", text(EpollDecoder.event(new Bytes(b))));
    }

    @Test
    void pollNegativeFdsHaveNoEventsAndTheReadyListStopsAtS() {
        MemorySegment fds = arena.allocate(24, 8);
        fds.set(ValueLayout.JAVA_INT, 0, -1);
        fds.set(ValueLayout.JAVA_SHORT, 4, (short) 1);
        fds.set(ValueLayout.JAVA_INT, 8, 1);
        fds.set(ValueLayout.JAVA_SHORT, 12, (short) 4);
        fds.set(ValueLayout.JAVA_SHORT, 14, (short) 4);
        fds.set(ValueLayout.JAVA_INT, 16, 2);
        fds.set(ValueLayout.JAVA_SHORT, 20, (short) 0x4000);
        fds.set(ValueLayout.JAVA_SHORT, 22, (short) 1);
        Call c = call(fds.address(), 3, 0);
        assertEquals("[{fd=-1}, {fd=1, events=POLLOUT}, {fd=2, events=0x4000 /* POLL??? */}]",
                text(PollDecoder.fds(c, fds.address(), 3)));
        c.exit(2, false);
        assertEquals("[{fd=1, revents=POLLOUT}, {fd=2, revents=POLLIN}]", texts(PollDecoder.detail(c, null)));
        Call one = new Call(SELF, 0, new long[] {fds.address(), 3, 0, 0, 0, 0}, new RemoteMemory(),
                new DecodeOptions(1, false, 0, DecodeOptions.Xstyle.ABBREV, true), FdPaths.NONE);
        one.exit(2, false);
        assertEquals("[{fd=1, revents=POLLOUT}, ...]", texts(PollDecoder.detail(one, null)));
    }

    @Test
    void selectSetsReadBackEmptyPrintEmptyParentheses() {
        MemorySegment set = arena.allocate(8, 8);
        Call c = call(5, set.address(), set.address(), 0, 0);
        c.exit(1, false);
        assertEquals("", texts(SelectDecoder.detail(c, null)));
        assertEquals("NULL", text(SelectDecoder.set(call(0, 0, 0, 0, 0), 0)));
        assertEquals("0x" + Long.toHexString(set.address()), text(SelectDecoder.set(call(0, set.address()), set.address())));
    }

    @Test
    void epollCtlDelPrintsTheEventsAddress() {
        MemorySegment ev = arena.allocate(12, 8);
        ev.set(ValueLayout.JAVA_INT, 0, 1);
        Kinds k = Kinds.standard();
        assertEquals("0x" + Long.toHexString(ev.address()), text(k.arg("epoll_event").decode(call(3, 2, 4, ev.address()), 3)));
        assertEquals("{events=EPOLLIN, data={u32=0, u64=0}}", text(k.arg("epoll_event").decode(call(3, 1, 4, ev.address()), 3)));
    }

    @Test
    void unsignedBufferLengths() {
        MemorySegment s = str("\0abc\0");
        Call c = new Call(SELF, 0, new long[6], new RemoteMemory(),
                new DecodeOptions(4, false, 0, DecodeOptions.Xstyle.ABBREV, true), FdPaths.NONE);
        assertEquals("\"\\0abc\"...", text(Decode.buffer(c, s.address(), -1)));
        assertEquals("\"\"", text(Decode.buffer(c, s.address(), 0)));
    }
}

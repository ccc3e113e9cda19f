package io.jstrace.decode;

import io.jstrace.decode.netlink.Netlink;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Arrays of struct iovec, as strace's tprint_iov_upto prints them: each base shows at most the
 * bytes still left of {@code dataSize} (the return value of a read; unlimited for writes).
 */
public final class IovDecoder {
    private IovDecoder() {}

    static final long UNLIMITED = -1;
    static final Layout IOVEC = Layout.of("iovec");
    private static final Layout.Field BASE = IOVEC.field("iov_base"), LEN = IOVEC.field("iov_len");

    /**
     * How the iov_base fields print: their data, only their addresses (failed reads), or netlink
     * messages of the call's socket (a msghdr naming an AF_NETLINK peer).
     */
    enum Mode { STR, ADDR, NETLINK }

    /** {@code count} iovecs with their data, at most {@code dataSize} bytes of it in all (an ioctl's buffer list). */
    public static Value strings(Call c, long addr, long count, long dataSize) {
        return iov(c, addr, count, Mode.STR, dataSize);
    }

    static Value iov(Call c, long addr, long count, Mode mode, long dataSize) {
        return IoArrays.array(c, addr, count, IOVEC.size(), new IoArrays.Element() {
            long left = dataSize;
            byte[][] buffers; // each base's bytes (as Decode.buffer reads them), read together by prefetch
            int next;

            @Override
            public void prefetch(List<Bytes> elements) {
                if (mode != Mode.STR) {
                    return;
                }
                long[] bases = new long[elements.size()];
                int[] lens = new int[elements.size()];
                long rest = dataSize;
                for (int i = 0; i < bases.length; i++) {
                    bases[i] = elements.get(i).u(BASE);
                    long n = shown(elements.get(i).u(LEN), rest);
                    rest = rest == UNLIMITED ? rest : rest - n;
                    lens[i] = n == 0 ? 0 : Decode.wanted(c, n);
                }
                buffers = c.memory.readEach(c.tid, bases, lens);
            }

            @Override
            public Value decode(Bytes b) {
                long base = b.u(BASE);
                long len = b.u(LEN);
                Value data;
                if (mode == Mode.ADDR) {
                    data = Decode.ptr(base);
                } else if (mode == Mode.NETLINK) {
                    long n = shown(len, left);
                    left = left == UNLIMITED ? left : left - n;
                    data = Netlink.iov(c, c.intArg(0), base, n);
                } else {
                    long n = shown(len, left);
                    left = left == UNLIMITED ? left : left - n;
                    data = Decode.buffer(c, base, n, buffers[next++]);
                }
                return Decode.struct(Decode.field("iov_base", data), Decode.field("iov_len", Value.Num.udec(len)));
            }
        });
    }

    /** How much of an iov_len of {@code len} holds data when {@code left} bytes remain of the total. */
    private static long shown(long len, long left) {
        return left == UNLIMITED || Long.compareUnsigned(len, left) < 0 ? len : left;
    }
}

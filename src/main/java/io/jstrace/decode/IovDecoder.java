package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Arrays of struct iovec, as strace's tprint_iov_upto prints them: each base shows at most the
 * bytes still left of {@code dataSize} (the return value of a read; unlimited for writes).
 */
final class IovDecoder {
    private IovDecoder() {}

    static final long UNLIMITED = -1;

    /** How the iov_base fields print: their data, or only their addresses (failed reads). */
    enum Mode { STR, ADDR }

    static Value iov(Call c, long addr, long count, Mode mode, long dataSize) {
        return IoArrays.array(c, addr, count, 16, new IoArrays.Element() {
            long left = dataSize;

            @Override
            public Value decode(Bytes b) {
                long base = b.s64(0);
                long len = b.s64(8);
                Value data;
                if (mode == Mode.ADDR) {
                    data = Decode.ptr(base);
                } else {
                    long n = left == UNLIMITED ? len : Long.compareUnsigned(len, left) < 0 ? len : left;
                    if (left != UNLIMITED) {
                        left -= n;
                    }
                    data = Decode.buffer(c, base, n);
                }
                return Decode.struct(Decode.field("iov_base", data), Decode.field("iov_len", Value.Num.udec(len)));
            }
        });
    }
}

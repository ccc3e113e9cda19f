package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * The directory entries getdents64 returns: strace lists them with -v and otherwise prints the
 * buffer address with an entry count comment.
 */
final class DirentDecoder {
    private DirentDecoder() {}

    /** linux_dirent64: d_ino, d_off, d_reclen, d_type, then the NUL-terminated name. */
    private static final int NAME_OFFSET = 19;

    static Value entries(long addr, Bytes b, boolean verbose) {
        List<Value> items = new ArrayList<>();
        int count = 0;
        int len = b.length();
        for (int i = 0; len >= NAME_OFFSET && i <= len - NAME_OFFSET; ) {
            int reclen = b.u16(i + 16);
            if (verbose) {
                int nameEnd = i + NAME_OFFSET;
                int limit = Math.min(len, i + Math.max(reclen, NAME_OFFSET));
                while (nameEnd < limit && b.b()[nameEnd] != 0) {
                    nameEnd++;
                }
                byte[] name = Arrays.copyOfRange(b.b(), i + NAME_OFFSET, nameEnd);
                items.add(Decode.struct(
                        field("d_ino", Value.Num.udec(b.s64(i))),
                        field("d_off", Value.Num.udec(b.s64(i + 8))),
                        field("d_reclen", Value.Num.udec(reclen)),
                        field("d_type", Decode.sym("dirent_types", b.u8(i + 18), Value.Radix.HEX, "DT_???")),
                        field("d_name", new Value.Str(name, false))));
            }
            count++;
            if (reclen == 0) {
                break;
            }
            i += reclen;
        }
        if (verbose) {
            return new Value.Arr(items, false);
        }
        return new Value.Commented(Decode.ptr(addr), count + " entries");
    }
}

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
    /** The old linux_dirent (getdents): d_ino, d_off, d_reclen, the name, and d_type in the last byte. */
    private static final int OLD_NAME_OFFSET = 18;

    static Value entries(long addr, Bytes b, boolean verbose) {
        return entries(addr, b, verbose, false);
    }

    static Value entries(long addr, Bytes b, boolean verbose, boolean old) {
        int nameOffset = old ? OLD_NAME_OFFSET : NAME_OFFSET;
        List<Value> items = new ArrayList<>();
        int count = 0;
        int len = b.length();
        for (int i = 0; len >= nameOffset && i <= len - nameOffset; ) {
            int reclen = b.u16(i + 16);
            if (verbose) {
                int nameEnd = i + nameOffset;
                int limit = Math.min(len, i + Math.max(reclen, nameOffset));
                while (nameEnd < limit && b.b()[nameEnd] != 0) {
                    nameEnd++;
                }
                byte[] name = Arrays.copyOfRange(b.b(), i + nameOffset, nameEnd);
                int typeAt = old ? Math.min(len, i + reclen) - 1 : i + 18;
                Value.Field type = field("d_type", Decode.sym("dirent_types", b.u8(typeAt), Value.Radix.HEX, "DT_???"));
                Value.Field nameField = field("d_name", new Value.Str(name, false));
                items.add(Decode.struct(
                        field("d_ino", Value.Num.udec(b.s64(i))),
                        field("d_off", Value.Num.udec(b.s64(i + 8))),
                        field("d_reclen", Value.Num.udec(reclen)),
                        old ? nameField : type, old ? type : nameField));
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

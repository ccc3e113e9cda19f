package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * The directory entries getdents and getdents64 return: strace lists them with -v and otherwise
 * prints the buffer address with an entry count comment.
 */
final class DirentDecoder {
    private DirentDecoder() {}

    /** One record format: where its fields are, and where d_type is. */
    private record Format(Layout.Field ino, Layout.Field off, Layout.Field reclen, int nameOffset, Layout.Field type) {
        static Format of(Layout l, boolean typeLast) {
            return new Format(l.field("d_ino"), l.field("d_off"), l.field("d_reclen"), l.field("d_name").offset(),
                    typeLast ? null : l.field("d_type"));
        }
    }

    /** linux_dirent64: d_type before the name. */
    private static final Format DIRENT64 = Format.of(Layout.of("dirent64"), false);
    /** The old linux_dirent (getdents): d_type in the last byte of the record. */
    private static final Format DIRENT = Format.of(Layout.of("linux_dirent"), true);

    static Value entries(long addr, Bytes b, boolean verbose) {
        return entries(addr, b, verbose, false);
    }

    static Value entries(long addr, Bytes b, boolean verbose, boolean old) {
        Format f = old ? DIRENT : DIRENT64;
        int nameOffset = f.nameOffset();
        List<Value> items = new ArrayList<>();
        int count = 0;
        int len = b.length();
        for (int i = 0; len >= nameOffset && i <= len - nameOffset; ) {
            int reclen = (int) b.u(i, f.reclen());
            if (verbose) {
                int nameEnd = i + nameOffset;
                int limit = Math.min(len, i + Math.max(reclen, nameOffset));
                while (nameEnd < limit && b.b()[nameEnd] != 0) {
                    nameEnd++;
                }
                byte[] name = Arrays.copyOfRange(b.b(), i + nameOffset, nameEnd);
                int type = old ? b.u8(Math.min(len, i + reclen) - 1) : (int) b.u(i, f.type());
                Value.Field typeField = field("d_type", Decode.sym("dirent_types", type, Value.Radix.HEX, "DT_???"));
                Value.Field nameField = field("d_name", new Value.Str(name, false));
                items.add(Decode.struct(
                        field("d_ino", Value.Num.udec(b.u(i, f.ino()))),
                        field("d_off", Value.Num.udec(b.u(i, f.off()))),
                        field("d_reclen", Value.Num.udec(reclen)),
                        old ? nameField : typeField, old ? typeField : nameField));
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

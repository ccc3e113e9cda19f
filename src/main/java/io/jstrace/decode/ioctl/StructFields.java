package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Members of a struct already read, printed as strace's PRINT_FIELD_* macros print them. */
final class StructFields {
    private StructFields() {}

    /** The bytes of {@code f}, for a nested struct or an array element. */
    static Bytes of(Bytes b, Layout.Field f) {
        return slice(b, f.offset(), f.size());
    }

    static Bytes slice(Bytes b, int offset, int size) {
        return new Bytes(Arrays.copyOfRange(b.b(), offset, offset + size));
    }

    /**
     * A char array as a C string (PRINT_FIELD_CSTRING): up to its NUL, or when it has none all but
     * its last byte (the place of the NUL it lacks) followed by strace's {@code ...}.
     */
    static Value cstring(Bytes b, Layout.Field f) {
        return cstring(b, f.offset(), f.size());
    }

    /** {@link #cstring(Bytes, Layout.Field)} of the {@code size} bytes at {@code offset} (PRINT_FIELD_CSTRING_SZ). */
    static Value cstring(Bytes b, int offset, int size) {
        byte[] all = Arrays.copyOfRange(b.b(), offset, offset + size);
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                return new Value.Str(Arrays.copyOf(all, i), false);
            }
        }
        return new Value.Str(Arrays.copyOf(all, Math.max(0, all.length - 1)), true);
    }

    /** Whether every byte of {@code f} is zero (strace's IS_ARRAY_ZERO). */
    static boolean zero(Bytes b, Layout.Field f) {
        for (int i = f.offset(); i < f.offset() + f.size(); i++) {
            if (b.b()[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@code upto} elements of the array member {@code f} (all of them for a negative
     * {@code upto}), each of {@code elemSize} bytes shown by {@code show}: strace's print_local_array,
     * cut after -s elements unless -v.
     */
    static Value array(Call c, Bytes b, Layout.Field f, int elemSize, long upto, Function<Bytes, Value> show) {
        long count = f.size() / elemSize;
        if (upto >= 0 && upto < count) {
            count = upto;
        }
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < count && i < limit; i++) {
            items.add(show.apply(slice(b, f.offset() + i * elemSize, elemSize)));
        }
        return new Value.Arr(items, count > limit);
    }

    /** An array of unsigned numbers in decimal (print_uint_array_member), of the element size given. */
    static Value uints(Call c, Bytes b, Layout.Field f, int elemSize, long upto) {
        return array(c, b, f, elemSize, upto, e -> Value.Num.udec(unsigned(e, elemSize)));
    }

    /** An array of numbers in hex (print_xint_array_member). */
    static Value xints(Call c, Bytes b, Layout.Field f, int elemSize, long upto) {
        return array(c, b, f, elemSize, upto, e -> Value.Num.hex(unsigned(e, elemSize)));
    }

    private static long unsigned(Bytes e, int size) {
        return switch (size) {
            case 1 -> e.u8(0);
            case 2 -> e.u16(0);
            case 4 -> e.u32(0);
            default -> e.s64(0);
        };
    }
}

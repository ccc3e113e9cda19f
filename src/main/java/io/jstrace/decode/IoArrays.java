package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * strace's print_array: NULL, the address when the first element is unreadable, at most -s
 * elements unless -v (then {@code ...}), and {@code ...} followed by the address as a comment
 * when a later element is unreadable.
 */
final class IoArrays {
    private IoArrays() {}

    interface Element {
        Value decode(Bytes b);
    }

    static Value array(Call c, long addr, long count, int size, Element e) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (count <= 0) {
            return count == 0 ? new Value.Arr(List.of(), false) : Decode.ptr(addr);
        }
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        List<Value> items = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long at = addr + i * size;
            Bytes b = Decode.struct(c, at, size);
            if (b == null) {
                if (i == 0) {
                    return Decode.ptr(addr);
                }
                items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(at)));
                return new Value.Arr(items, false);
            }
            if (i >= limit) {
                return new Value.Arr(items, true);
            }
            items.add(e.decode(b));
        }
        return new Value.Arr(items, false);
    }

    /** Values joined by {@code sep} with nothing around them (strace's space-separated fd sets). */
    static Value join(List<Value> items, String sep) {
        if (items.isEmpty()) {
            return new Value.Text("");
        }
        Value v = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            v = new Value.Op(v, sep, items.get(i));
        }
        return v;
    }

    /** {@code [a b c]}: a set printed space-separated in brackets. */
    static Value bracketed(List<Value> items) {
        return new Value.Op(new Value.Op(new Value.Text(""), "[", join(items, " ")), "]", new Value.Text(""));
    }
}

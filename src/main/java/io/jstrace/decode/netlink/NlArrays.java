package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * strace's print_array_ex over a netlink payload: {@code nmemb} elements of {@code size} bytes,
 * at most -s of them without -v ({@code ...} after), the address when the first is unreadable and
 * {@code ... /* addr *}{@code /} when a later one is; with an index table, each element as
 * {@code [NAME]=value}.
 */
final class NlArrays {
    private NlArrays() {}

    /** How indices print: their table, placeholder and radix (strace's XLAT_STYLE_FMT_U / _D). */
    record Index(String xlat, String dflt, Value.Radix radix) {}

    static Value array(NlCtx ctx, long addr, long nmemb, int size, Function<Bytes, Value> element) {
        return array(ctx, addr, nmemb, size, element, null);
    }

    static Value array(NlCtx ctx, long addr, long nmemb, int size, Function<Bytes, Value> element, Index index) {
        NlMem mem = ctx.mem;
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (nmemb == 0) {
            return new Value.Arr(List.of(), false);
        }
        long limit = mem.abbrev() && mem.stringLimit() < nmemb ? mem.stringLimit() : nmemb;
        List<Value> items = new ArrayList<>();
        boolean truncated = false;
        for (long i = 0; i < nmemb; i++) {
            long at = addr + i * size;
            Bytes b = mem.read(at, size);
            if (b == null) {
                if (i == 0) {
                    return new Value.Unreadable(at);
                }
                items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(at)));
                break;
            }
            if (i >= limit) {
                truncated = true;
                break;
            }
            Value v = element.apply(b);
            if (index != null) {
                v = new Value.Indexed(NlValues.xval(i, index.dflt(), index.radix(), index.xlat()), v);
            }
            items.add(v);
        }
        return new Value.Arr(items, truncated);
    }
}

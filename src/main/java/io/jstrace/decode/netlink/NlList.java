package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * The walk strace's decode_netlink and decode_nlattr share over a run of length-prefixed
 * elements (messages, attributes), each 4-byte aligned: one element prints alone, several in
 * brackets, at most -s of them without -v; what is left too short for a header prints as hex,
 * an unreadable first header as its address and a later one as {@code ... /* addr *}{@code /}.
 */
final class NlList {
    private NlList() {}

    /** Prints one element from its header; {@code left} is what remains of the run from {@code addr}. */
    @FunctionalInterface
    interface Element {
        Value decode(Bytes header, long addr, long left);
    }

    /** {@code lengthOf} reads an element's declared length from its {@code headerSize}-byte header. */
    static Value walk(NlMem mem, long addr, long len, int headerSize, java.util.function.ToLongFunction<Bytes> lengthOf,
                      Element element) {
        List<Value> items = new ArrayList<>();
        boolean array = false;
        boolean truncated = false;
        for (int elt = 0; ; elt++) {
            if (len < headerSize) {
                items.add(mem.hex(addr, len));
                break;
            }
            Bytes h = mem.read(addr, headerSize);
            if (h == null) {
                items.add(array ? new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(addr)) : new Value.Unreadable(addr));
                break;
            }
            if (mem.abbrev() && elt == mem.stringLimit()) {
                truncated = true;
                break;
            }
            long declared = lengthOf.applyAsLong(h);
            long aligned = (declared + 3) & ~3L;
            long next = 0;
            long nextLen = 0;
            if (declared >= headerSize) {
                nextLen = len >= aligned ? len - aligned : 0;
                if (nextLen != 0 && addr + aligned > addr) {
                    next = addr + aligned;
                }
            }
            array |= next != 0;
            items.add(element.decode(h, addr, len));
            if (next == 0) {
                break;
            }
            addr = next;
            len = nextLen;
        }
        return array ? new Value.Arr(items, truncated) : items.get(0);
    }
}

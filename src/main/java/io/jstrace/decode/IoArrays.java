package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * strace's print_array: NULL, the address when the first element is unreadable, at most -s
 * elements unless -v (then {@code ...}), and {@code ...} followed by the address as a comment
 * when a later element is unreadable.
 */
public final class IoArrays {
    private IoArrays() {}

    public interface Element {
        Value decode(Bytes b);

        /** Sees every element about to be decoded, in order, first: to read what they point to in one go. */
        default void prefetch(List<Bytes> elements) {}
    }

    /** Largest read of array elements at once; more are read in further reads of this size. */
    private static final int CHUNK = 64 * 1024;

    /**
     * {@link #array} as strace prints an array with tfetch_mem: after a failed call nothing is read,
     * so the address shows (NULL and an empty array still print as such).
     */
    public static Value arrayUnlessFailed(Call c, long addr, long count, int size, Element e) {
        if (c.exited() && c.failed() && addr != 0 && count != 0) {
            return Decode.ptr(addr);
        }
        return array(c, addr, count, size, e);
    }

    public static Value array(Call c, long addr, long count, int size, Element e) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (count <= 0) {
            return count == 0 ? new Value.Arr(List.of(), false) : Decode.ptr(addr);
        }
        if (!c.options.structs()) {
            return Decode.ptr(addr);
        }
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        // The elements shown, and the one after them that decides between "..." and the end,
        // read in as few reads as fit rather than one read per element.
        long wanted = Math.min(count, limit == Long.MAX_VALUE ? count : limit + 1);
        List<Bytes> elements = new ArrayList<>();
        boolean unreadable = false;
        while (elements.size() < wanted && !unreadable) {
            long at = addr + (long) elements.size() * size;
            int n = (int) Math.min(wanted - elements.size(), Math.max(1, CHUNK / size));
            byte[] b = c.memory.read(c.tid, at, n * size);
            int got = b == null ? 0 : b.length / size;
            for (int i = 0; i < got; i++) {
                elements.add(new Bytes(java.util.Arrays.copyOfRange(b, i * size, (i + 1) * size)));
            }
            unreadable = got < n;
        }
        if (elements.isEmpty()) {
            return Decode.ptr(addr);
        }
        boolean cut = elements.size() > limit;
        List<Bytes> shown = cut ? elements.subList(0, (int) limit) : elements;
        e.prefetch(shown);
        List<Value> items = new ArrayList<>(shown.size() + 1);
        for (Bytes b : shown) {
            items.add(e.decode(b));
        }
        if (cut) {
            return new Value.Arr(items, true);
        }
        if (unreadable) {
            items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(addr + (long) elements.size() * size)));
        }
        return new Value.Arr(items, false);
    }

}

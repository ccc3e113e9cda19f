package io.jstrace.decode;

import io.jstrace.linux.TraceeMemory;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake tracee memory for decoder tests: regions of bytes at addresses, each followed by an
 * unreadable page, so a struct placed with {@link #putAtEnd} ends where readable memory ends.
 */
final class RegionMemory implements TraceeMemory {
    private final TreeMap<Long, byte[]> regions = new TreeMap<>();
    private long next = 0x10000;

    /** Places {@code bytes} at the start of a fresh region and returns their address. */
    long put(byte[] bytes) {
        long at = next;
        regions.put(at, bytes.clone());
        next += ((bytes.length + 0xfff) & ~0xfffL) + 0x1000;
        return at;
    }

    /** Places {@code bytes} so that they end where a page of unreadable memory starts. */
    long putAtEnd(byte[] bytes) {
        long end = next + ((bytes.length + 0xfff) & ~0xfffL);
        regions.put(end - bytes.length, bytes.clone());
        next = end + 0x1000;
        return end - bytes.length;
    }

    /** A call of {@code args} reading this memory, with {@code options}. */
    Call call(DecodeOptions options, long... args) {
        return new Call(1, 0, Arrays.copyOf(args, 6), this, options, FdPaths.NONE);
    }

    Call call(long... args) {
        return call(DecodeOptions.DEFAULT, args);
    }

    /** The argument {@code i} of {@code c} decoded by the kind {@code spec}, in the -X style {@code style}. */
    static String decode(String spec, Call c, int i, DecodeOptions.Xstyle style) {
        Value v = Kinds.standard().arg(spec).decode(c, i);
        return new ValueText(ValueText.Hex.NONE, style).format(v);
    }

    static String decode(String spec, Call c, int i) {
        return decode(spec, c, i, DecodeOptions.Xstyle.ABBREV);
    }

    @Override
    public byte[] read(int pid, long addr, int len) {
        Map.Entry<Long, byte[]> r = regions.floorEntry(addr);
        if (r == null || addr >= r.getKey() + r.getValue().length) {
            return null;
        }
        int from = (int) (addr - r.getKey());
        return Arrays.copyOfRange(r.getValue(), from, Math.min(r.getValue().length, from + len));
    }

    @Override
    public CString readCString(int pid, long addr, int max) {
        byte[] b = read(pid, addr, max + 1);
        if (b == null) {
            return null;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return new CString(Arrays.copyOf(b, i), true);
            }
        }
        return b.length > max ? new CString(Arrays.copyOf(b, max), false) : null;
    }

    @Override
    public long[] readWords(int pid, long addr, int max) {
        throw new UnsupportedOperationException();
    }
}

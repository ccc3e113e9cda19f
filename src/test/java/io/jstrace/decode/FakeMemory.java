package io.jstrace.decode;

import io.jstrace.linux.TraceeMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tracee's memory for decoder tests: regions of bytes at addresses, everything else unreadable. */
public final class FakeMemory implements TraceeMemory {
    /** Where {@link #place} puts data: well away from zero. */
    public static final long BASE = 0x10000;

    private final TreeMap<Long, byte[]> regions = new TreeMap<>();
    private final Map<Long, byte[]> atExit = new TreeMap<>();
    private long next = BASE;

    /** Places (or replaces) {@code bytes} at {@code addr}. */
    public FakeMemory put(long addr, byte[] bytes) {
        regions.put(addr, bytes.clone());
        return this;
    }

    /** Places {@code s} and its NUL at {@code addr}. */
    public FakeMemory string(long addr, String s) {
        return put(addr, (s + "\0").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** Places {@code bytes} at a new address, followed by an unreadable page, and returns it. */
    public long place(byte[] bytes) {
        long at = next;
        put(at, bytes);
        next += ((bytes.length + 0xfff) & ~0xfffL) + 0x1000;
        return at;
    }

    /** What the kernel writes at {@code addr} before the call returns (see {@link #exit}). */
    public void fillAtExit(long addr, byte[] bytes) {
        atExit.put(addr, bytes.clone());
    }

    /** The call returns: what it writes is now there. */
    public void exit() {
        atExit.forEach(this::put);
    }

    /** A call of {@code args} (the rest zero) reading this memory, with the default options. */
    public Call call(long... args) {
        return new Call(1, 0, Arrays.copyOf(args, 6), this, DecodeOptions.DEFAULT, FdPaths.NONE);
    }

    public static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
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
        List<Long> words = new ArrayList<>();
        while (words.size() < max) {
            byte[] b = read(pid, addr + 8L * words.size(), 8);
            if (b == null || b.length < 8) {
                break;
            }
            long w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
            words.add(w);
            if (w == 0) {
                break;
            }
        }
        return words.stream().mapToLong(Long::longValue).toArray();
    }
}

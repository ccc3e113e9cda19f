package io.jstrace.trace;

import io.jstrace.linux.TraceeMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A tracee's memory made of byte arrays placed at addresses; everything else is unreadable. */
final class FakeMemory implements TraceeMemory {
    private final TreeMap<Long, byte[]> regions = new TreeMap<>();

    FakeMemory put(long addr, byte[] bytes) {
        regions.put(addr, bytes.clone());
        return this;
    }

    /** A NUL-terminated string at {@code addr}. */
    FakeMemory string(long addr, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return put(addr, z);
    }

    /** 64-bit words at {@code addr}. */
    FakeMemory words(long addr, long... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long w : words) {
            b.putLong(w);
        }
        return put(addr, b.array());
    }

    @Override
    public byte[] read(int pid, long addr, int len) {
        Map.Entry<Long, byte[]> r = regions.floorEntry(addr);
        if (r == null || addr - r.getKey() >= r.getValue().length) {
            return null;
        }
        int from = (int) (addr - r.getKey());
        int n = Math.min(len, r.getValue().length - from);
        byte[] out = new byte[n];
        System.arraycopy(r.getValue(), from, out, 0, n);
        return out;
    }

    @Override
    public CString readCString(int pid, long addr, int max) {
        byte[] b = read(pid, addr, max + 1);
        if (b == null) {
            return null;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                byte[] s = new byte[i];
                System.arraycopy(b, 0, s, 0, i);
                return new CString(s, true);
            }
        }
        if (b.length <= max) {
            return null; // memory ends before the NUL
        }
        byte[] s = new byte[max];
        System.arraycopy(b, 0, s, 0, max);
        return new CString(s, false);
    }

    @Override
    public long[] readWords(int pid, long addr, int max) {
        long[] out = new long[max];
        int n = 0;
        while (n < max) {
            Long w = readLong(pid, addr + 8L * n);
            if (w == null) {
                break;
            }
            out[n++] = w;
            if (w == 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}

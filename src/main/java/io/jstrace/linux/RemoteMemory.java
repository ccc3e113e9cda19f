package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Reads a tracee's memory with process_vm_readv. One instance per tracer thread: it owns a
 * native buffer that grows on demand. C strings are read page by page so a string ending
 * just before an unmapped page is still read whole.
 */
public final class RemoteMemory {
    private static final int PAGE = 4096;
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment iovs = arena.allocate(32, 8);
    private MemorySegment buf = arena.allocate(64 * 1024, 8);

    private MemorySegment buffer(long size) {
        if (buf.byteSize() < size) {
            buf = arena.allocate(Math.max(size, buf.byteSize() * 2), 8);
        }
        return buf;
    }

    /** Reads up to {@code len} bytes at {@code addr}; returns the bytes read (maybe fewer), or null if none. */
    public byte[] read(int pid, long addr, int len) {
        if (len <= 0) {
            return new byte[0];
        }
        int n = readInto(pid, addr, len);
        if (n <= 0) {
            return null;
        }
        byte[] out = new byte[n];
        MemorySegment.copy(buf, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, out, 0, n);
        return out;
    }

    /** Reads exactly {@code len} bytes or returns null. */
    public byte[] readFully(int pid, long addr, int len) {
        byte[] b = read(pid, addr, len);
        return b != null && b.length == len ? b : (len == 0 ? new byte[0] : null);
    }

    private int readInto(int pid, long addr, int len) {
        MemorySegment b = buffer(len);
        iovs.set(JAVA_LONG, 0, b.address());
        iovs.set(JAVA_LONG, 8, len);
        iovs.set(JAVA_LONG, 16, addr);
        iovs.set(JAVA_LONG, 24, len);
        MemorySegment st = Libc.errnoState();
        long r = Libc.call(Libc.PROCESS_VM_READV, st, pid, iovs.address(), 1, iovs.address() + 16, 1, 0, 0);
        if (r < 0) {
            return peekInto(pid, addr, len, b);
        }
        return (int) r;
    }

    /** PTRACE_PEEKDATA word by word, for kernels or mappings process_vm_readv refuses. */
    private int peekInto(int pid, long addr, int len, MemorySegment b) {
        int done = 0;
        long start = addr & ~7L;
        int skew = (int) (addr - start);
        for (long a = start; done < len; a += 8) {
            MemorySegment st = Libc.errnoState();
            long word = Libc.call(Libc.PTRACE, st, Ptrace.PEEKDATA, pid, a, 0);
            if (word == -1 && Libc.errno(st) != 0) {
                break;
            }
            for (int i = (a == start ? skew : 0); i < 8 && done < len; i++) {
                b.set(java.lang.foreign.ValueLayout.JAVA_BYTE, done++, (byte) (word >>> (8 * i)));
            }
        }
        return done;
    }

    /**
     * Reads a NUL-terminated string of at most {@code max} bytes (without the NUL).
     * Returns null if nothing could be read; {@link CString#terminated()} tells whether the
     * NUL was found within {@code max}.
     */
    public CString readCString(int pid, long addr, int max) {
        java.io.ByteArrayOutputStream out = null;
        long a = addr;
        int total = 0;
        while (total <= max) {
            int chunk = (int) Math.min(PAGE - (a & (PAGE - 1)), max + 1L - total);
            int n = readInto(pid, a, chunk);
            if (n <= 0) {
                if (total == 0) {
                    return null;
                }
                return new CString(out.toByteArray(), false);
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) == 0) {
                    byte[] tail = new byte[i];
                    MemorySegment.copy(buf, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, tail, 0, i);
                    if (out == null) {
                        return new CString(tail, true);
                    }
                    out.writeBytes(tail);
                    return new CString(out.toByteArray(), true);
                }
            }
            if (out == null) {
                out = new java.io.ByteArrayOutputStream();
            }
            byte[] part = new byte[n];
            MemorySegment.copy(buf, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, part, 0, n);
            out.writeBytes(part);
            total += n;
            a += n;
            if (n < chunk) {
                return new CString(out.toByteArray(), false);
            }
        }
        byte[] all = out.toByteArray();
        return new CString(java.util.Arrays.copyOf(all, Math.min(all.length, max)), false);
    }

    /** A string read from the tracee; {@code terminated} is false if cut at the limit or by unreadable memory. */
    public record CString(byte[] bytes, boolean terminated) {}

    /** Reads a little-endian 64-bit word, or returns null. */
    public Long readLong(int pid, long addr) {
        byte[] b = readFully(pid, addr, 8);
        if (b == null) {
            return null;
        }
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}

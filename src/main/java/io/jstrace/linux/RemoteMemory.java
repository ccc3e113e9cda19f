package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * Reads a tracee's memory with process_vm_readv. One instance per tracer thread: it owns a
 * native buffer that grows on demand. C strings are read page by page so a string ending
 * just before an unmapped page is still read whole.
 */
public final class RemoteMemory implements TraceeMemory {
    private static final int PAGE = 4096;
    private static final int EPERM = 1, ENOSYS = 38;
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment iovs = arena.allocate(32, 8);
    private MemorySegment remoteIovs = arena.allocate(16 * 16, 8);
    private MemorySegment buf = arena.allocate(64 * 1024, 8);
    /** process_vm_readv's errno when it last failed. */
    private int readErrno;
    private ShortRead shortReads = (addr, read, wanted, errno) -> { };

    /**
     * A C string that readable memory cut short: {@code read} of the {@code wanted} bytes at
     * {@code addr} were read, no NUL among them, then the read failed with {@code errno}.
     */
    @FunctionalInterface
    public interface ShortRead {
        void report(long addr, int read, int wanted, int errno);
    }

    /** Where C strings cut short are reported (strace warns of them); nowhere by default. */
    public void onShortRead(ShortRead report) {
        this.shortReads = report;
    }

    private MemorySegment buffer(long size) {
        if (buf.byteSize() < size) {
            buf = arena.allocate(Math.max(size, buf.byteSize() * 2), 8);
        }
        return buf;
    }

    /** Reads up to {@code len} bytes at {@code addr}; returns the bytes read (maybe fewer), or null if none. */
    @Override
    public byte[] read(int pid, long addr, int len) {
        if (len <= 0) {
            return new byte[0];
        }
        int n = readInto(pid, addr, len);
        if (n <= 0) {
            return null;
        }
        byte[] out = new byte[n];
        MemorySegment.copy(buf, JAVA_BYTE, 0, out, 0, n);
        return out;
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
            // As strace: PTRACE_PEEKDATA where process_vm_readv is refused (no CMA, a ptrace-only
            // permission), not where memory is inaccessible (EFAULT): PEEKDATA would read through
            // a PROT_NONE page, which the kernel and strace treat as unreadable.
            readErrno = Libc.errno(st);
            return readErrno == ENOSYS || readErrno == EPERM ? peekInto(pid, addr, len, b) : 0;
        }
        return (int) r;
    }

    /**
     * Writes {@code data} at {@code addr} (-e inject=...:poke_enter=): with process_vm_writev, or
     * where it refuses (a read-only mapping, no CMA), PTRACE_POKEDATA word by word, keeping the
     * bytes around an unaligned start or end. Returns how many bytes were written (fewer where
     * writable memory ends, 0 for none).
     */
    public int write(int pid, long addr, byte[] data) {
        MemorySegment b = buffer(data.length);
        MemorySegment.copy(data, 0, b, JAVA_BYTE, 0, data.length);
        iovs.set(JAVA_LONG, 0, b.address());
        iovs.set(JAVA_LONG, 8, data.length);
        iovs.set(JAVA_LONG, 16, addr);
        iovs.set(JAVA_LONG, 24, data.length);
        MemorySegment st = Libc.errnoState();
        long r = Libc.call(Libc.PROCESS_VM_WRITEV, st, pid, iovs.address(), 1, iovs.address() + 16, 1, 0, 0);
        return r >= 0 ? (int) r : pokeFrom(pid, addr, data);
    }

    private static int pokeFrom(int pid, long addr, byte[] data) {
        int done = 0;
        long start = addr & ~7L;
        for (long a = start; done < data.length; a += 8) {
            int from = a == start ? (int) (addr - start) : 0;
            int n = Math.min(8 - from, data.length - done);
            long word = 0;
            if (n < 8) {
                MemorySegment st = Libc.errnoState();
                word = Libc.call(Libc.PTRACE, st, Ptrace.PEEKDATA, pid, a, 0);
                if (word == -1 && Libc.errno(st) != 0) {
                    break;
                }
            }
            for (int i = 0; i < n; i++) {
                int shift = 8 * (from + i);
                word = word & ~(0xffL << shift) | (data[done + i] & 0xffL) << shift;
            }
            if (Ptrace.pokeData(pid, a, word) != 0) {
                break;
            }
            done += n;
        }
        return done;
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
                b.set(JAVA_BYTE, done++, (byte) (word >>> (8 * i)));
            }
        }
        return done;
    }

    /**
     * Reads a NUL-terminated string of at most {@code max} bytes (without the NUL).
     * {@link CString#terminated()} tells whether the NUL was found within {@code max}. Returns
     * null when memory ends before the NUL or byte {@code max + 1}: strace then prints the
     * address, not the bytes it could read.
     */
    @Override
    public CString readCString(int pid, long addr, int max) {
        java.io.ByteArrayOutputStream out = null;
        long a = addr;
        int total = 0;
        while (total <= max) {
            int chunk = (int) Math.min(PAGE - (a & (PAGE - 1)), max + 1L - total);
            int n = readInto(pid, a, chunk);
            for (int i = 0; i < n; i++) {
                if (buf.get(JAVA_BYTE, i) == 0) {
                    byte[] tail = new byte[i];
                    MemorySegment.copy(buf, JAVA_BYTE, 0, tail, 0, i);
                    if (out == null) {
                        return new CString(tail, true);
                    }
                    out.writeBytes(tail);
                    return new CString(out.toByteArray(), true);
                }
            }
            if (n < chunk) {
                if (total + n > 0) {
                    shortReads.report(addr, total + n, max + 1, readErrno);
                }
                return null;
            }
            if (out == null) {
                out = new java.io.ByteArrayOutputStream();
            }
            byte[] part = new byte[n];
            MemorySegment.copy(buf, JAVA_BYTE, 0, part, 0, n);
            out.writeBytes(part);
            total += n;
            a += n;
        }
        byte[] all = out.toByteArray();
        return new CString(java.util.Arrays.copyOf(all, Math.min(all.length, max)), false);
    }

    /**
     * {@link #readCString} for several strings with one process_vm_readv in the usual case: each
     * string's first piece (to its page's end, at most {@code max + 1} bytes) is read in the same
     * call, and only a string that piece does not settle (no NUL in it, or unreadable) is read
     * again on its own. Null entries are unreadable strings.
     */
    @Override
    public CString[] readCStrings(int pid, long[] addrs, int max) {
        int[] piece = new int[addrs.length];
        for (int i = 0; i < addrs.length; i++) {
            piece[i] = (int) Math.min(PAGE - (addrs[i] & (PAGE - 1)), max + 1L);
        }
        byte[][] read = readEach(pid, addrs, piece);
        CString[] out = new CString[addrs.length];
        for (int i = 0; i < addrs.length; i++) {
            byte[] b = read[i];
            int nul = b == null || b.length < piece[i] ? -1 : indexOfNul(b);
            if (nul >= 0) {
                out[i] = new CString(java.util.Arrays.copyOf(b, nul), true);
            } else if (b != null && b.length == max + 1L) {
                out[i] = new CString(java.util.Arrays.copyOf(b, max), false);
            } else {
                out[i] = readCString(pid, addrs[i], max); // it goes on in the next page, or was not read
            }
        }
        return out;
    }

    /**
     * {@link #read} of {@code lens[i]} bytes at {@code addrs[i]} for each i, in one
     * process_vm_readv when all are readable: the kernel stops at the first fault, so the ranges
     * after it are read again one by one.
     */
    @Override
    public byte[][] readEach(int pid, long[] addrs, int[] lens) {
        byte[][] out = new byte[addrs.length][];
        for (int from = 0, to; from < addrs.length; from = to) {
            // A batch ends at IOV_MAX ranges or BATCH_BYTES (unless it is one range): -s can be large.
            long total = Math.max(lens[from], 0);
            for (to = from + 1; to < addrs.length && to - from < IOV_MAX
                    && total + Math.max(lens[to], 0) <= BATCH_BYTES; to++) {
                total += Math.max(lens[to], 0);
            }
            MemorySegment remote = remoteIovs(to - from);
            for (int i = from; i < to; i++) {
                remote.set(JAVA_LONG, 16L * (i - from), addrs[i]);
                remote.set(JAVA_LONG, 16L * (i - from) + 8, Math.max(lens[i], 0));
            }
            MemorySegment b = buffer(total);
            iovs.set(JAVA_LONG, 0, b.address());
            iovs.set(JAVA_LONG, 8, total);
            long got = Libc.call(Libc.PROCESS_VM_READV, Libc.errnoState(), pid, iovs.address(), 1,
                    remote.address(), to - from, 0, 0);
            long at = 0;
            for (int i = from; i < to; i++) {
                int len = Math.max(lens[i], 0);
                if (at + len <= got) {
                    out[i] = b.asSlice(at, len).toArray(JAVA_BYTE);
                } else {
                    // Past the fault: this and every later range are read alone (reusing the buffer).
                    out[i] = read(pid, addrs[i], len);
                }
                at += len;
            }
        }
        return out;
    }

    private static final int IOV_MAX = 1024, BATCH_BYTES = 1 << 20;

    private MemorySegment remoteIovs(int n) {
        if (remoteIovs.byteSize() < 16L * n) {
            remoteIovs = arena.allocate(16L * IOV_MAX, 8);
        }
        return remoteIovs;
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Up to {@code max} 64-bit words from {@code addr}, ending with the first zero word (a
     * NULL-terminated pointer array such as argv), read a page at a time rather than a word at a
     * time. Fewer than {@code max} words and no zero at the end: the next word was unreadable (or
     * would wrap around the address space).
     */
    @Override
    public long[] readWords(int pid, long addr, int max) {
        int limit = (int) Math.min(max, Long.divideUnsigned(-addr, 8)); // no wrapping past the top
        long[] out = new long[Math.min(limit, 64)];
        int n = 0;
        while (n < limit) {
            long a = addr + 8L * n;
            int want = (int) Math.min(Math.max(PAGE - (a & (PAGE - 1)), 8) / 8, limit - n);
            int got = readInto(pid, a, 8 * want) / 8;
            for (int i = 0; i < got; i++) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, (int) Math.min(limit, 2L * n));
                }
                long w = buf.get(JAVA_LONG_UNALIGNED, 8L * i);
                out[n++] = w;
                if (w == 0) {
                    return java.util.Arrays.copyOf(out, n);
                }
            }
            if (got < want) {
                break;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}

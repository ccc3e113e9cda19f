package io.jstrace.linux;

/**
 * A tracee's memory as decoders read it. {@link RemoteMemory} reads the live process; a backend
 * that captures memory when the call happens (and cannot read it later) supplies its own.
 */
public interface TraceeMemory {
    /** Up to {@code len} bytes at {@code addr} (maybe fewer, where readable memory ends), or null if none. */
    byte[] read(int pid, long addr, int len);

    /** Exactly {@code len} bytes, or null. */
    default byte[] readFully(int pid, long addr, int len) {
        byte[] b = read(pid, addr, len);
        return b != null && b.length == len ? b : (len == 0 ? new byte[0] : null);
    }

    /**
     * A NUL-terminated string of at most {@code max} bytes (without the NUL); null when memory
     * ends before the NUL or byte {@code max + 1}: strace then prints the address.
     */
    CString readCString(int pid, long addr, int max);

    /** {@link #readCString} for several addresses; null entries are unreadable strings. */
    default CString[] readCStrings(int pid, long[] addrs, int max) {
        CString[] out = new CString[addrs.length];
        for (int i = 0; i < addrs.length; i++) {
            out[i] = readCString(pid, addrs[i], max);
        }
        return out;
    }

    /** {@link #read} of {@code lens[i]} bytes at {@code addrs[i]} for each i. */
    default byte[][] readEach(int pid, long[] addrs, int[] lens) {
        byte[][] out = new byte[addrs.length][];
        for (int i = 0; i < addrs.length; i++) {
            out[i] = read(pid, addrs[i], lens[i]);
        }
        return out;
    }

    /**
     * Up to {@code max} 64-bit words from {@code addr}, ending with the first zero word (a
     * NULL-terminated pointer array such as argv). Fewer than {@code max} words and no zero at
     * the end: the next word was unreadable.
     */
    long[] readWords(int pid, long addr, int max);

    /** A little-endian 64-bit word, or null. */
    default Long readLong(int pid, long addr) {
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

    /** A string read from the tracee; {@code terminated} is false if cut at the limit or by unreadable memory. */
    record CString(byte[] bytes, boolean terminated) {}
}

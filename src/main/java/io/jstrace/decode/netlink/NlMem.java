package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.model.Value;

import java.util.Arrays;

/**
 * A netlink buffer of the tracee, {@code [base, base + len)}, read once and in large pieces as
 * decoders reach into it (a message of a few kilobytes is one read), so every decoder asks this
 * window rather than the tracee. A range that runs past readable memory is unreadable as a whole,
 * as strace's umoven sees it. Reads outside the window (none of strace's decoders make them) go
 * to the tracee directly.
 */
final class NlMem {
    /** The largest read at once; a dump of many messages is read in pieces of this size. */
    private static final int CHUNK = 64 * 1024;

    final Call call;
    private final long base;
    private final long len;
    private byte[] data = new byte[0];
    private boolean ended;

    NlMem(Call call, long base, long len) {
        this.call = call;
        this.base = base;
        this.len = len;
    }

    int stringLimit() {
        return call.options.stringLimit();
    }

    /** Whether -v is off: arrays and attribute lists stop after -s elements. */
    boolean abbrev() {
        return !call.options.verbose();
    }

    /** The {@code n} bytes at {@code addr}, or null when any of them cannot be read. */
    Bytes read(long addr, int n) {
        byte[] b = bytes(addr, n);
        return b == null ? null : new Bytes(b);
    }

    byte[] bytes(long addr, int n) {
        if (n < 0) {
            return null;
        }
        long off = addr - base;
        if (off < 0 || off + n > len || off + n < off) {
            return call.memory.readFully(call.tid, addr, n);
        }
        fetch(off + n);
        return off + n <= data.length ? Arrays.copyOfRange(data, (int) off, (int) off + n) : null;
    }

    /** How many bytes from {@code addr} on (at most {@code max}) can be read. */
    int readable(long addr, int max) {
        long off = addr - base;
        if (off < 0 || off + max > len) {
            byte[] b = call.memory.read(call.tid, addr, max);
            return b == null ? 0 : b.length;
        }
        fetch(off + max);
        return (int) Math.max(0, Math.min(max, data.length - off));
    }

    private void fetch(long end) {
        while (data.length < end && !ended) {
            int want = (int) Math.min(len - data.length, Math.max(CHUNK, end - data.length));
            byte[] more = call.memory.read(call.tid, base + data.length, want);
            int got = more == null ? 0 : more.length;
            if (got > 0) {
                byte[] grown = Arrays.copyOf(data, data.length + got);
                System.arraycopy(more, 0, grown, data.length, got);
                data = grown;
            }
            ended = got < want || data.length >= len;
        }
    }

    /** strace's printstr_ex with QUOTE_FORCE_HEX: up to -s bytes in \x form, {@code ...} when longer. */
    Value hex(long addr, long n) {
        return str(addr, n, Quote.HEX);
    }

    /** How strace's printstr_ex was asked to quote. */
    enum Quote {
        /** printstrn: the bytes as they are. */
        PLAIN,
        /** QUOTE_FORCE_HEX. */
        HEX,
        /** QUOTE_OMIT_TRAILING_0 | QUOTE_EXPECT_TRAILING_0: a string attribute, its NUL not shown. */
        NLA_STR,
        /** QUOTE_0_TERMINATED: up to the first NUL. */
        CSTRING
    }

    /**
     * strace's printstr_ex: NULL for address 0; the address when the bytes cannot be read; else
     * the first -s bytes, with {@code ...} after them when the string goes on (or, for the NUL
     * styles, when no NUL ended it).
     */
    Value str(long addr, long n, Quote q) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        int limit = stringLimit();
        int size = (int) Math.min(n, (long) limit + 1);
        byte[] b;
        if (q == Quote.CSTRING) {
            int avail = readable(addr, size);
            b = bytes(addr, avail);
            if (b == null || (avail < size && indexOfNul(b, avail) < 0)) {
                return new Value.Unreadable(addr);
            }
        } else {
            b = bytes(addr, size);
            if (b == null) {
                return new Value.Unreadable(addr);
            }
        }
        int shown = Math.min(size, limit);
        if (q == Quote.CSTRING) {
            int nul = indexOfNul(b, shown);
            if (nul >= 0) {
                return new Value.Str(Arrays.copyOf(b, nul), false);
            }
            // No NUL among the shown bytes: more follows unless the very next byte is the NUL.
            boolean endsHere = shown < b.length && b[shown] == 0;
            return new Value.Str(Arrays.copyOf(b, shown), !endsHere && n > 0);
        }
        if (q == Quote.NLA_STR) {
            // The last byte shown is dropped when it is the expected NUL; anything else means more follows.
            if (shown > 0 && b[shown - 1] == 0) {
                return new Value.Str(Arrays.copyOf(b, shown - 1), false);
            }
            return new Value.Str(Arrays.copyOf(b, shown), n > 0);
        }
        return new Value.Str(Arrays.copyOf(b, shown), n > limit, q == Quote.HEX);
    }

    private static int indexOfNul(byte[] b, int upTo) {
        for (int i = 0; i < Math.min(upTo, b.length); i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}

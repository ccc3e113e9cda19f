package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.model.Value;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A netlink buffer of the tracee, {@code [base, base + len)}, read in whole pages, up to 16 at
 * a time and each at most once, as decoders reach into it: a message of a few kilobytes is one
 * read, a dump of many a few. A range is readable when every page it touches is, as strace's
 * umoven sees it, whatever lies between it and the buffer's start (a length a message claims can
 * point far past readable memory).
 */
final class NlMem {
    private static final int PAGE = 4096;
    /** Pages read at once when a decoder reaches one not read yet. */
    private static final int BATCH = 16;
    private static final byte[] UNREADABLE = new byte[0];

    final Call call;
    private final long base;
    private final long len;
    /** Page number -> its bytes, or UNREADABLE. */
    private final Map<Long, byte[]> pages = new HashMap<>();

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
        return n < 0 || readable(addr, n) < n ? null : copy(addr, n);
    }

    /** How many bytes from {@code addr} on (at most {@code max}) can be read. */
    int readable(long addr, int max) {
        int got = 0;
        while (got < max) {
            long at = addr + got;
            if (at < addr) {
                break;
            }
            if (page(at >>> 12) == UNREADABLE) {
                break;
            }
            got += (int) Math.min(max - got, PAGE - (at & (PAGE - 1)));
        }
        return got;
    }

    /** {@code n} readable bytes at {@code addr}, from the pages read. */
    private byte[] copy(long addr, int n) {
        byte[] out = new byte[n];
        int done = 0;
        while (done < n) {
            long at = addr + done;
            int inPage = (int) (at & (PAGE - 1));
            int k = Math.min(n - done, PAGE - inPage);
            System.arraycopy(page(at >>> 12), inPage, out, done, k);
            done += k;
        }
        return out;
    }

    /** A page's bytes, reading it and the pages after it that the buffer covers if need be. */
    private byte[] page(long number) {
        byte[] p = pages.get(number);
        if (p != null) {
            return p;
        }
        long lastOfBuffer = len <= 0 ? number : (base + len - 1) >>> 12;
        int count = (int) Math.max(1, Math.min(BATCH, lastOfBuffer - number + 1));
        byte[] got = call.memory.read(call.tid, number << 12, count * PAGE);
        int n = got == null ? 0 : got.length / PAGE;
        for (int i = 0; i < n; i++) {
            pages.putIfAbsent(number + i, Arrays.copyOfRange(got, i * PAGE, (i + 1) * PAGE));
        }
        if (n < count) {
            // the page where the read stopped cannot be read; those after it are asked for when needed
            pages.put(number + n, UNREADABLE);
        }
        return pages.get(number);
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

package io.jstrace.decode;

import io.jstrace.model.Value;

/**
 * Buffers strace always shows in hex (QUOTE_FORCE_HEX), such as getrandom's: {@code "\x1f\xa0"}.
 * Value.Str has no forced-hex form, so the quoted text is built here.
 */
final class MiscHex {
    private MiscHex() {}

    static Value buffer(Call c, long addr, long len) {
        int limit = c.options.stringLimit();
        int want = (int) Math.max(0, Math.min(len, limit));
        byte[] b = want == 0 ? new byte[0] : c.memory.readFully(c.tid, addr, want);
        if (b == null) {
            return Decode.ptr(addr);
        }
        return new Value.Text(quote(b, len > limit));
    }

    static String quote(byte[] b, boolean truncated) {
        StringBuilder sb = new StringBuilder(b.length * 4 + 5).append('"');
        for (byte x : b) {
            sb.append("\\x").append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        sb.append('"');
        if (truncated) {
            sb.append("...");
        }
        return sb.toString();
    }
}

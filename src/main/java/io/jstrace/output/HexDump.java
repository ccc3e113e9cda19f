package io.jstrace.output;

import io.jstrace.model.Event;

import java.util.List;

/**
 * strace's dump of the data a call read or wrote (-e read=, -e write=): 16 bytes a line,
 * {@code  | 00000  68 65 6c 6c 6f 0a                                 hello.           |},
 * the offset in at least 5 hex digits (more when the buffer needs them), two groups of 8 bytes,
 * then the bytes as ASCII with '.' for the unprintable ones. Iovec buffers and mmsg vectors get
 * strace's heading lines; a buffer whose end could not be read, strace's {@code Cannot fetch} line.
 */
final class HexDump {
    private HexDump() {}

    private static final int PER_LINE = 16, GROUP = 8, MIN_OFFSET_DIGITS = 5;
    /** Hex columns of a full line: 16 "xx " plus one extra space after each group of 8. */
    private static final int HEX_WIDTH = PER_LINE * 3 + PER_LINE / GROUP;
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    static void append(StringBuilder sb, int tid, List<Event.DumpPart> parts) {
        for (int k = 0; k < parts.size(); k++) {
            switch (parts.get(k)) {
                case Event.DumpPart.Buffer b -> sb.append(" * ").append(b.length()).append(" bytes in buffer ")
                        .append(b.index()).append('\n');
                case Event.DumpPart.Vector v -> sb.append(" = ").append(v.buffers()).append(" buffers in vector ")
                        .append(v.index()).append('\n');
                case Event.DumpPart.Data d -> data(sb, d.bytes(),
                        k + 1 < parts.size() && parts.get(k + 1) instanceof Event.DumpPart.Unreadable u ? u.length() : d.bytes().length);
                case Event.DumpPart.Unreadable u -> sb.append(" | <Cannot fetch ").append(u.bytes())
                        .append(u.bytes() == 1 ? " byte" : " bytes").append(" from pid ").append(tid)
                        .append(" @0x").append(Long.toHexString(u.addr())).append(">\n");
            }
        }
    }

    /** {@code b}, the first bytes of a buffer of {@code length} (whose size sets the offsets' width). */
    private static void data(StringBuilder sb, byte[] b, long length) {
        int digits = offsetDigits(length);
        for (int line = 0; line < b.length; line += PER_LINE) {
            sb.append(" | ");
            String off = Integer.toHexString(line);
            sb.repeat('0', digits - off.length()).append(off).append("  ");
            int start = sb.length();
            for (int i = line; i < line + PER_LINE && i < b.length; i++) {
                sb.append(DIGITS[(b[i] >> 4) & 0xf]).append(DIGITS[b[i] & 0xf]).append(' ');
                if ((i + 1) % GROUP == 0) {
                    sb.append(' ');
                }
            }
            sb.repeat(' ', HEX_WIDTH - (sb.length() - start));
            for (int i = line; i < line + PER_LINE; i++) {
                sb.append(i >= b.length ? ' ' : b[i] >= ' ' && b[i] < 0x7f ? (char) b[i] : '.');
            }
            sb.append(" |\n");
        }
    }

    /** Five digits, or as many as the last offset of a buffer over 1 MiB needs (strace's rule). */
    private static int offsetDigits(long len) {
        return len > 1 << 20 ? Math.max(MIN_OFFSET_DIGITS, Long.toHexString(len - 1).length()) : MIN_OFFSET_DIGITS;
    }
}

package io.jstrace.unwind;

import java.nio.ByteBuffer;

/**
 * Reads DWARF data (fixed-size little-endian values, LEB128, pointer encodings) from a file's
 * bytes. {@code pos} is a file offset; {@code vaddrDelta} turns it into the address the ELF
 * gives it (vaddr = offset + delta), which pc-relative pointers need.
 */
final class Cursor {
    /** Pointer encodings (DW_EH_PE_*): the value format in the low nibble, its base in the high one. */
    static final int PE_OMIT = 0xff, PE_ABSPTR = 0x00, PE_ULEB128 = 0x01, PE_UDATA2 = 0x02, PE_UDATA4 = 0x03,
            PE_UDATA8 = 0x04, PE_SLEB128 = 0x09, PE_SDATA2 = 0x0a, PE_SDATA4 = 0x0b, PE_SDATA8 = 0x0c,
            PE_PCREL = 0x10, PE_DATAREL = 0x30, PE_INDIRECT = 0x80;

    private final ByteBuffer bytes;
    private final long vaddrDelta;
    int pos;

    Cursor(ByteBuffer bytes, int pos, long vaddrDelta) {
        this.bytes = bytes;
        this.pos = pos;
        this.vaddrDelta = vaddrDelta;
    }

    int u8() {
        return bytes.get(pos++) & 0xff;
    }

    int u16() {
        int v = Short.toUnsignedInt(bytes.getShort(pos));
        pos += 2;
        return v;
    }

    long u32() {
        long v = Integer.toUnsignedLong(bytes.getInt(pos));
        pos += 4;
        return v;
    }

    int s32() {
        int v = bytes.getInt(pos);
        pos += 4;
        return v;
    }

    long u64() {
        long v = bytes.getLong(pos);
        pos += 8;
        return v;
    }

    long uleb() {
        return leb128(false);
    }

    long sleb() {
        return leb128(true);
    }

    /** DWARF's LEB128: seven bits a byte, low first; signed ones extend the last byte's bit 6. */
    private long leb128(boolean signed) {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (signed && shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated ASCII string. */
    String cString() {
        StringBuilder sb = new StringBuilder();
        for (int c = u8(); c != 0; c = u8()) {
            sb.append((char) c);
        }
        return sb.toString();
    }

    byte[] block(int len) {
        byte[] b = new byte[len];
        bytes.get(pos, b);
        pos += len;
        return b;
    }

    /**
     * A pointer in {@code encoding}; {@code dataBase} is the base of datarel values (the
     * .eh_frame_hdr's address). Indirect pointers would need the loaded image and are refused.
     */
    long pointer(int encoding, long dataBase) throws UnwindException {
        if (encoding == PE_OMIT) {
            throw new UnwindException("omitted pointer");
        }
        long at = pos + vaddrDelta;
        long v = switch (encoding & 0x0f) {
            case PE_ABSPTR, PE_UDATA8, PE_SDATA8 -> u64();
            case PE_ULEB128 -> uleb();
            case PE_UDATA2 -> u16();
            case PE_UDATA4 -> u32();
            case PE_SLEB128 -> sleb();
            case PE_SDATA2 -> (short) u16();
            case PE_SDATA4 -> s32();
            default -> throw new UnwindException("pointer encoding 0x" + Integer.toHexString(encoding));
        };
        switch (encoding & 0x70) {
            case 0 -> { }
            case PE_PCREL -> v += at;
            case PE_DATAREL -> v += dataBase;
            default -> throw new UnwindException("pointer encoding 0x" + Integer.toHexString(encoding));
        }
        if ((encoding & PE_INDIRECT) != 0) {
            throw new UnwindException("indirect pointer");
        }
        return v;
    }
}

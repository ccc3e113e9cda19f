package io.jstrace.decode;

/** Little-endian reads from a struct copied out of the tracee. */
public record Bytes(byte[] b) {
    public int u8(int off) {
        return b[off] & 0xff;
    }

    public int u16(int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    public int s32(int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    public long u32(int off) {
        return s32(off) & 0xffffffffL;
    }

    public long s64(int off) {
        return u32(off) | (u32(off + 4) << 32);
    }

    /** {@code f} read unsigned, whatever its size (an 8-byte field as its 64 bits). */
    public long u(Layout.Field f) {
        return u(0, f);
    }

    /** {@code f} of the struct that starts at {@code base} (an element of an array), read unsigned. */
    public long u(int base, Layout.Field f) {
        return switch (f.size()) {
            case 1 -> u8(base + f.offset());
            case 2 -> u16(base + f.offset());
            case 4 -> u32(base + f.offset());
            case 8 -> s64(base + f.offset());
            default -> throw new IllegalArgumentException(f.name() + " is not a number of 1, 2, 4 or 8 bytes");
        };
    }

    /** {@code f} read signed, whatever its size. */
    public long s(Layout.Field f) {
        return switch (f.size()) {
            case 1 -> b[f.offset()];
            case 2 -> (short) u16(f.offset());
            case 4 -> s32(f.offset());
            case 8 -> s64(f.offset());
            default -> throw new IllegalArgumentException(f.name() + " is not a number of 1, 2, 4 or 8 bytes");
        };
    }

    /** The {@code len} bytes at {@code off}: a struct nested in this one, read with its own layout. */
    public Bytes slice(int off, int len) {
        return new Bytes(java.util.Arrays.copyOfRange(b, off, off + len));
    }

    /** The bytes of the member {@code f} (a nested struct or an array). */
    public Bytes slice(Layout.Field f) {
        return slice(f.offset(), f.size());
    }

    public int length() {
        return b.length;
    }
}

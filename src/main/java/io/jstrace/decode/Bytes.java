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

    public int length() {
        return b.length;
    }
}

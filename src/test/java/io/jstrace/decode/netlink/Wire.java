package io.jstrace.decode.netlink;

import io.jstrace.decode.Call;
import io.jstrace.decode.Pids;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.linux.TraceeMemory;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Netlink bytes for tests: built little-endian like the kernel's structs, placed so that they end
 * where readable memory ends, at {@link #END} (as strace's tests place theirs with tail_alloc),
 * and decoded as a sendto on a socket of a given protocol.
 */
final class Wire {
    /** The first address that cannot be read. */
    static final long END = 0x7f0000003000L;
    static final String END_HEX = "0x" + Long.toHexString(END);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Wire u8(int v) {
        out.write(v);
        return this;
    }

    Wire u16(int v) {
        return bytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array());
    }

    Wire u32(long v) {
        return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
    }

    Wire u64(long v) {
        return bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    Wire bytes(byte... b) {
        out.writeBytes(b);
        return this;
    }

    Wire zeros(int n) {
        return bytes(new byte[n]);
    }

    Wire str(String s) {
        return bytes(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** struct nlmsghdr. */
    Wire hdr(int len, int type, int flags, int seq, int pid) {
        return u32(len).u16(type).u16(flags).u32(seq).u32(pid);
    }

    /** struct nlattr. */
    Wire nla(int len, int type) {
        return u16(len).u16(type);
    }

    byte[] array() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    /** The text strace prints for these bytes sent on a {@code protocol} socket. */
    String decode(int protocol) {
        return decode(protocol, DecodeOptions.DEFAULT, size());
    }

    String decode(int protocol, DecodeOptions options, long len) {
        return decode(protocol, options, len, Pids.NONE);
    }

    /** The same, pids standing for what {@code pids} tells (-Y, --pidns-translation). */
    String decode(int protocol, DecodeOptions options, long len, Pids pids) {
        Call c = new Call(1, 44, new long[6], new Memory(array()), options, FdPaths.NONE, pids);
        Value v = Netlink.decode(c, protocol, base(), len);
        return new ValueText(ValueText.Hex.NONE, options.xstyle()).format(v);
    }

    /** Where the bytes start. */
    long base() {
        return END - size();
    }

    static Call call(byte[] mem, DecodeOptions options) {
        return new Call(1, 44, new long[6], new Memory(mem), options, FdPaths.NONE);
    }

    static DecodeOptions style(DecodeOptions.Xstyle x) {
        DecodeOptions d = DecodeOptions.DEFAULT;
        return new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), x, d.structs());
    }

    /** {@code data} ending at END, zeros before it from two pages earlier on, nothing after it. */
    record Memory(byte[] data) implements TraceeMemory {
        @Override
        public byte[] read(int pid, long addr, int len) {
            long start = END - 2 * 4096 - data.length;
            if (addr < start || addr >= END || len <= 0) {
                return len == 0 ? new byte[0] : null;
            }
            byte[] out = new byte[(int) Math.min(len, END - addr)];
            for (int i = 0; i < out.length; i++) {
                long off = addr + i - (END - data.length);
                out[i] = off >= 0 ? data[(int) off] : 0;
            }
            return out;
        }

        @Override
        public CString readCString(int pid, long addr, int max) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long[] readWords(int pid, long addr, int max) {
            throw new UnsupportedOperationException();
        }
    }
}

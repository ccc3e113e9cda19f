package io.jstrace.decode.netlink;

import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.linux.TraceeMemory;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Netlink bytes for tests: built little-endian like the kernel's structs, placed at the end of a
 * fake address space (what follows cannot be read, as with strace's tail_alloc) and decoded as a
 * sendto on a socket of a given protocol.
 */
final class Wire {
    static final long BASE = 0x7f0000001000L;

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
        Value v = Netlink.decode(call(array(), options), protocol, BASE, len);
        return new ValueText(ValueText.Hex.NONE, options.xstyle()).format(v);
    }

    static Call call(byte[] mem, DecodeOptions options) {
        return new Call(1, 44, new long[6], new Memory(mem), options, FdPaths.NONE);
    }

    static DecodeOptions style(DecodeOptions.Xstyle x) {
        DecodeOptions d = DecodeOptions.DEFAULT;
        return new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), x, d.structs());
    }

    /** Readable bytes at BASE, nothing after them. */
    record Memory(byte[] data) implements TraceeMemory {
        @Override
        public byte[] read(int pid, long addr, int len) {
            long off = addr - BASE;
            if (off < 0 || off >= data.length || len <= 0) {
                return len == 0 ? new byte[0] : null;
            }
            return Arrays.copyOfRange(data, (int) off, (int) Math.min(data.length, off + len));
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

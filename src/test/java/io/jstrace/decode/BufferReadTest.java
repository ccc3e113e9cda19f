package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Buffers read as strace's printstr_ex reads them: one byte more than -s shows when the buffer is
 * longer, so a buffer cut where readable memory ends prints as its address (strace-suite printstr,
 * printstrn-umoven).
 */
class BufferReadTest {
    private final FakeMemory memory = new FakeMemory();
    private final byte[] x32 = "X".repeat(32).getBytes(StandardCharsets.ISO_8859_1);

    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    @Test
    void aCutBufferEndingWhereMemoryEndsIsItsAddress() {
        long at = memory.place(x32); // an unreadable page follows
        Call c = memory.call();
        assertEquals("\"" + "X".repeat(32) + "\"", text(Decode.buffer(c, at, 32)));
        assertEquals("0x" + Long.toHexString(at), text(Decode.buffer(c, at, 33)));
        assertEquals("0x" + Long.toHexString(at), text(Decode.buffer(c, at, -1)));
        long more = memory.place(Arrays.copyOf(x32, 33));
        assertEquals("\"" + "X".repeat(32) + "\"...", text(Decode.buffer(c, more, -1)));
    }

    @Test
    void iovBasesToo() {
        long base = memory.place(x32);
        long iov = memory.place(FakeMemory.le(16).putLong(base).putLong(-1).array());
        assertEquals("[{iov_base=0x" + Long.toHexString(base) + ", iov_len=18446744073709551615}]",
                text(IovDecoder.iov(memory.call(), iov, 1, IovDecoder.Mode.STR, IovDecoder.UNLIMITED)));
    }
}

package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Block device (0x12) and network block device (0xab) requests. */
class BlockIoctlsTest {
    private static final long BLKSECTGET = 0x1267, BLKGETSIZE64 = 0x80081272L, BLKDISCARD = 0x1277, BLKPG = 0x1269,
            BLKTRACESETUP = 0xc0481273L, NBD_SET_FLAGS = 0xab0a, NBD_SET_SOCK = 0xab00;

    @Test
    void numbersOutAndIn() {
        IoctlCalls m = new IoctlCalls();
        long sect = m.put(new byte[2]);
        m.fillAtExit(sect, new byte[] {(byte) 0xff, (byte) 0xff});
        assertEquals("BLKSECTGET, [65535]", m.call(BLKSECTGET, sect, 0));
        long size = m.put(new byte[8]);
        m.fillAtExit(size, IoctlCalls.le(8).putLong(0, 1L << 40).array());
        assertEquals("BLKGETSIZE64, [1099511627776]", m.call(BLKGETSIZE64, size, 0));
        assertEquals("BLKGETSIZE64, 0x" + Long.toHexString(size), m.call(BLKGETSIZE64, size, -25));
        long range = m.put(IoctlCalls.le(16).putLong(0, 4096).putLong(8, -1).array());
        assertEquals("BLKDISCARD, [4096, 18446744073709551615]", m.call(BLKDISCARD, range, -9));
    }

    @Test
    void partitionRequest() {
        ByteBuffer part = IoctlCalls.le(152).putLong(0, 2048).putLong(8, 4096).putInt(16, 2);
        part.put(20, "sdb2".getBytes(StandardCharsets.US_ASCII));
        IoctlCalls m = new IoctlCalls();
        long p = m.put(part.array());
        long arg = m.put(IoctlCalls.le(24).putInt(0, 3).putInt(8, 152).putLong(16, p).array());
        assertEquals("BLKPG, {op=BLKPG_RESIZE_PARTITION, flags=0, datalen=152, data={start=2048, length=4096, pno=2, "
                + "devname=\"sdb2\", volname=\"\"}}", m.call(BLKPG, arg, -9));
    }

    @Test
    void traceSetupGetsItsNameAfterSuccess() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer in = IoctlCalls.le(72).putShort(32, (short) 0xffff).putInt(36, 512).putInt(40, 4).putInt(64, 0);
        long at = m.put(in.array());
        ByteBuffer out = IoctlCalls.le(72).putShort(32, (short) 0xffff).putInt(36, 512).putInt(40, 4);
        out.put(0, "sda".getBytes(StandardCharsets.US_ASCII));
        m.fillAtExit(at, out.array());
        assertEquals("BLKTRACESETUP, {act_mask=65535, buf_size=512, buf_nr=4, start_lba=0, end_lba=0, pid=0, name=\"sda\"}",
                m.call(BLKTRACESETUP, at, 0));
    }

    @Test
    void nbd() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("NBD_SET_FLAGS, NBD_FLAG_READ_ONLY|NBD_FLAG_SEND_CACHE|0x10000", m.call(NBD_SET_FLAGS, 0x10402, -9));
        assertEquals("NBD_SET_SOCK, 5", m.call(NBD_SET_SOCK, 5, -9));
    }
}

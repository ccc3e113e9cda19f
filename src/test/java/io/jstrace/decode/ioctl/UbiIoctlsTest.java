package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** UBI requests ('O' for volumes, 'o' for the control device). */
class UbiIoctlsTest {
    private static final long UBI_IOCMKVOL = 0x40986f00L, UBI_IOCRNVOL = 0x51106f03L, UBI_IOCEBMAP = 0x40084f03L,
            UBI_IOCVOLUP = 0x40084f00L, UBI_IOCVOLCRBLK = 0x40804f07L;

    private static ByteBuffer mkvol(int nameLen, String name) {
        ByteBuffer b = IoctlCalls.le(152).putInt(0, 3).putInt(4, 1).putLong(8, 1 << 20).put(16, (byte) 4).put(17, (byte) 1)
                .putShort(18, (short) nameLen);
        b.put(24, name.getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    @Test
    void makeVolumeNameBoundedByItsLengthAndTheNewIdAfterSuccess() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(mkvol(4, "data").array());
        m.fillAtExit(at, mkvol(4, "data").putInt(0, 3).array());
        String in = "UBI_IOCMKVOL, {vol_id=3, alignment=1, bytes=1048576, vol_type=UBI_STATIC_VOLUME, "
                + "flags=UBI_VOL_SKIP_CRC_CHECK_FLG, name_len=";
        assertEquals(in + "4, name=\"data\"} => [3]", m.call(UBI_IOCMKVOL, at, 0));
        long cut = m.put(mkvol(2, "data").array());
        assertEquals(in + "2, name=\"da\"...}", m.call(UBI_IOCMKVOL, cut, -9));
        long negative = m.put(mkvol(-1, "data").array());
        assertEquals(in + "-1, name=\"\"...}", m.call(UBI_IOCMKVOL, negative, -9));
    }

    @Test
    void renameShowsCountEntries() {
        ByteBuffer b = IoctlCalls.le(4368).putInt(0, 1).putInt(16, 7).putShort(20, (short) 3);
        b.put(24, "abc".getBytes(StandardCharsets.US_ASCII));
        IoctlCalls m = new IoctlCalls();
        assertEquals("UBI_IOCRNVOL, {count=1, ents=[{vol_id=7, name_len=3, name=\"abc\"}]}",
                m.call(UBI_IOCRNVOL, m.put(b.array()), -9));
        assertEquals("UBI_IOCRNVOL, {count=-5, ents=[]}", m.call(UBI_IOCRNVOL, m.put(b.putInt(0, -5).array()), -9));
    }

    @Test
    void smallRequests() {
        IoctlCalls m = new IoctlCalls();
        long map = m.put(IoctlCalls.le(8).putInt(0, 12).put(4, (byte) 9).array());
        assertEquals("UBI_IOCEBMAP, {lnum=12, dtype=0x9 /* UBI_??? */}", m.call(UBI_IOCEBMAP, map, -9));
        long bytes = m.put(IoctlCalls.le(8).putLong(0, -2).array());
        assertEquals("UBI_IOCVOLUP, [-2]", m.call(UBI_IOCVOLUP, bytes, -9));
        assertEquals("UBI_IOCVOLCRBLK", m.call(UBI_IOCVOLCRBLK, 0, -9));
    }
}

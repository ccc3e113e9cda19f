package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flash device requests ('M', named as the mixer's too): what they ask and, after success, what they report. */
class MtdIoctlsTest {
    private static final long MEMGETINFO = 0x80204d01L, MEMERASE64 = 0x40104d14L, MEMWRITE = 0xc0304d18L,
            MEMGETREGIONINFO = 0xc0104d08L, ECCGETLAYOUT = 0x81484d11L, OTPSELECT = 0x80044d0dL, MTDFILEMODE = 0x4d13L;

    @Test
    void infoAfterSuccessOnly() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(new byte[32]);
        m.fillAtExit(at, IoctlCalls.le(32).put(0, (byte) 4).putInt(4, 0xc00).putInt(8, 1 << 20).putInt(12, 0x20000)
                .putInt(16, 2048).putInt(20, 64).array());
        assertEquals("MIXER_READ(1) or MEMGETINFO, {type=MTD_NANDFLASH, flags=MTD_WRITEABLE|MTD_BIT_WRITEABLE, "
                + "size=0x100000, erasesize=0x20000, writesize=0x800, oobsize=0x40, padding=0}", m.call(MEMGETINFO, at, 0));
        long failed = m.put(new byte[32]);
        assertEquals("MIXER_READ(1) or MEMGETINFO, 0x" + Long.toHexString(failed), m.call(MEMGETINFO, failed, -25));
    }

    @Test
    void requestsIn() {
        IoctlCalls m = new IoctlCalls();
        long erase = m.put(IoctlCalls.le(16).putLong(0, 1L << 33).putLong(8, 0x40000).array());
        assertEquals("MIXER_WRITE(20) or MEMERASE64, {start=0x200000000, length=0x40000}", m.call(MEMERASE64, erase, -9));
        long req = m.put(IoctlCalls.le(48).putLong(0, 0x1000).putLong(8, 2048).putLong(16, 64).putLong(24, 0x5000)
                .put(40, (byte) 1).array());
        assertEquals("MEMWRITE, {start=0x1000, len=0x800, ooblen=0x40, usr_data=0x5000, usr_oob=NULL, mode=MTD_OPS_AUTO_OOB}",
                m.call(MEMWRITE, req, -9));
        long otp = m.put(IoctlCalls.le(4).putInt(0, 7).array());
        assertEquals("MIXER_READ(13) or OTPSELECT, [0x7 /* MTD_OTP_??? */]", m.call(OTPSELECT, otp, -9));
        assertEquals("MTDFILEMODE, MTD_FILE_MODE_RAW", m.call(MTDFILEMODE, 3, -9));
    }

    @Test
    void regionInfoCompletesTheSameBraces() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(IoctlCalls.le(16).putInt(12, 1).array());
        m.fillAtExit(at, IoctlCalls.le(16).putInt(0, 0x40000).putInt(4, 0x10000).putInt(8, 8).putInt(12, 1).array());
        assertEquals("MEMGETREGIONINFO, {regionindex=0x1, offset=0x40000, erasesize=0x10000, numblocks=0x8}",
                m.call(MEMGETREGIONINFO, at, 0));
        long failed = m.put(IoctlCalls.le(16).putInt(12, 2).array());
        assertEquals("MEMGETREGIONINFO, {regionindex=0x2}", m.call(MEMGETREGIONINFO, failed, -22));
    }

    @Test
    void eccLayoutArraysCutAtTheStringLimit() {
        ByteBuffer b = IoctlCalls.le(328).putInt(0, 24).putInt(260, 38);
        for (int i = 0; i < 64; i++) {
            b.putInt(4 + 4 * i, i);
        }
        b.putInt(264, 2).putInt(268, 38);
        IoctlCalls m = new IoctlCalls();
        long at = m.put(new byte[328]);
        m.fillAtExit(at, b.array());
        StringBuilder pos = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            pos.append(i == 0 ? "0" : "0x" + Integer.toHexString(i)).append(", ");
        }
        assertEquals("MIXER_READ(17) or ECCGETLAYOUT, {eccbytes=0x18, eccpos=[" + pos + "...], oobavail=0x26, "
                + "oobfree=[{offset=0x2, length=0x26}, {offset=0, length=0}, {offset=0, length=0}, {offset=0, length=0}, "
                + "{offset=0, length=0}, {offset=0, length=0}, {offset=0, length=0}, {offset=0, length=0}]}",
                m.call(ECCGETLAYOUT, at, 0));
    }
}

package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SCSI generic requests (type 0x22), SG_IO's two header versions above all. */
class ScsiIoctlsTest {
    private static final long SG_IO = 0x2285, SG_SCSI_RESET = 0x2284, SG_GET_VERSION_NUM = 0x2282;

    /** An sg_io_hdr reading 3 bytes from the device into {@code data}, with a 6-byte command at {@code cmd}. */
    private static ByteBuffer v3(int direction, long cmd, long data) {
        return IoctlCalls.le(88).putInt(0, 'S').putInt(4, direction).put(8, (byte) 2).put(9, (byte) 8)
                .putInt(12, 3).putLong(16, data).putLong(24, cmd).putInt(40, 1000);
    }

    @Test
    void version3RequestThenResponseInTheSameBraces() {
        IoctlCalls m = new IoctlCalls();
        long cmd = m.put(new byte[] {0x12, 0});
        long data = m.put(new byte[3]);
        m.fillAtExit(data, new byte[] {1, 2, 3});
        long hdr = m.put(v3(-3, cmd, data).array());
        m.fillAtExit(hdr, v3(-3, cmd, data).putInt(72, 1).putInt(80, 1).array());
        assertEquals("SG_IO, {interface_id='S', dxfer_direction=SG_DXFER_FROM_DEV, cmd_len=2, cmdp=\"\\x12\\x00\", "
                + "mx_sb_len=8, iovec_count=0, dxfer_len=3, timeout=1000, flags=0, dxferp=\"\\x01\\x02\", status=0, "
                + "masked_status=0, msg_status=0, sb_len_wr=0, sbp=NULL, host_status=0, driver_status=0, resid=1, "
                + "duration=0, info=SG_INFO_CHECK}", m.call(SG_IO, hdr, -5));
    }

    @Test
    void bothWaysDataShowsWhatCameBack() {
        IoctlCalls m = new IoctlCalls();
        long data = m.put(new byte[] {7, 8, 9});
        m.fillAtExit(data, new byte[] {4, 5, 6});
        long hdr = m.put(v3(-4, 0, data).array());
        String line = m.call(SG_IO, hdr, 0);
        assertEquals("SG_IO, {interface_id='S', dxfer_direction=SG_DXFER_TO_FROM_DEV, cmd_len=2, cmdp=NULL, mx_sb_len=8, "
                + "iovec_count=0, dxfer_len=3, timeout=1000, flags=0, dxferp=\"\\x07\\x08\\x09\" => "
                + "dxferp=\"\\x04\\x05\\x06\", status=0, masked_status=0, msg_status=0, sb_len_wr=0, sbp=NULL, "
                + "host_status=0, driver_status=0, resid=0, duration=0, info=0}", line);
    }

    @Test
    void unknownInterfaceAndUnreadableHeader() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("SG_IO, [90]", m.call(SG_IO, m.put(IoctlCalls.le(4).putInt(0, 'Z').array()), -9));
        long word = m.put(IoctlCalls.le(4).putInt(0, 'Q').array());
        assertEquals("SG_IO, {guard='Q', 0x" + Long.toHexString(word + 4) + "}", m.call(SG_IO, word, -9));
        assertEquals("SG_IO, NULL", m.call(SG_IO, 0, -9));
    }

    @Test
    void resetAndNumbers() {
        IoctlCalls m = new IoctlCalls();
        long reset = m.put(IoctlCalls.le(4).putInt(0, 0x102).array());
        assertEquals("SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_BUS]", m.call(SG_SCSI_RESET, reset, -9));
        long version = m.put(new byte[4]);
        m.fillAtExit(version, IoctlCalls.le(4).putInt(0, 30536).array());
        assertEquals("SG_GET_VERSION_NUM, [30536]", m.call(SG_GET_VERSION_NUM, version, 0));
    }
}

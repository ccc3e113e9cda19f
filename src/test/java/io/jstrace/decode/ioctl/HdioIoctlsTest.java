package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HdioIoctlsTest {
    private static final long HDIO_GETGEO = 0x301, HDIO_DRIVE_CMD = 0x31f, HDIO_GET_NICE = 0x30c, HDIO_SET_NICE = 0x329,
            HDIO_DRIVE_RESET = 0x31c, HDIO_SET_BUSSTATE = 0x32d;

    @Test
    void geometryAndCommands() {
        IoctlCalls m = new IoctlCalls();
        long geo = m.put(IoctlCalls.le(16).put(0, (byte) 255).put(1, (byte) 63).putShort(2, (short) 1000).putLong(8, 2048).array());
        assertEquals("HDIO_GETGEO, {heads=255, sectors=63, cylinders=1000, start=2048}", m.call(HDIO_GETGEO, geo, 0));
        long cmd = m.put(new byte[] {(byte) 0xec, 1, 2, 0});
        m.fillAtExit(cmd, new byte[] {0x50, 0, 1, 0});
        assertEquals("HDIO_DRIVE_CMD, {command=ATA_CMD_ID_ATA, sector_number=1, feature=2, sector_count=0} => "
                + "{status=0x50, error=0, nsector=1}", m.call(HDIO_DRIVE_CMD, cmd, 0));
        assertEquals("HDIO_DRIVE_CMD, {command=0x50 /* ATA_CMD_??? */, sector_number=0, feature=1, sector_count=0}",
                m.call(HDIO_DRIVE_CMD, cmd, -9));
    }

    @Test
    void niceBitsAndArrays() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_2|0x100", m.call(HDIO_SET_NICE, 0x111, 0));
        long nice = m.put(IoctlCalls.le(8).putLong(0, 0x200).array());
        assertEquals("HDIO_GET_NICE, [0x200 /* IDE_NICE_??? */]", m.call(HDIO_GET_NICE, nice, 0));
        assertEquals("HDIO_SET_BUSSTATE, BUSSTATE_TRISTATE", m.call(HDIO_SET_BUSSTATE, 2, 0));
        long three = m.put(IoctlCalls.le(12).putInt(0, 1).putInt(4, 0xdeadbeef).putInt(8, 3).array());
        assertEquals("HDIO_DRIVE_RESET, [0x1, 0xdeadbeef, 0x3]", m.call(HDIO_DRIVE_RESET, three, -9));
    }
}

package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The file system families: 'f' (inode flags, FIEMAP), 'X' (trim, freeze, fsxattr), and counters ('>'). */
class FileIoctlsTest {
    private static final long FS_IOC_GETFLAGS = 0x80086601L, FS_IOC_FIEMAP = 0xc020660bL, FITRIM = 0xc0185879L,
            FIFREEZE = 0xc0045877L, FS_IOC_FSGETXATTR = 0x801c581fL, COUNTER_ADD_WATCH = 0x40063e00L;

    @Test
    void inodeFlags() {
        IoctlCalls m = new IoctlCalls();
        long flags = m.put(new byte[4]);
        m.fillAtExit(flags, IoctlCalls.le(4).putInt(0, 0x80010).array());
        assertEquals("FS_IOC_GETFLAGS, [FS_IMMUTABLE_FL|FS_EXTENT_FL]", m.call(FS_IOC_GETFLAGS, flags, 0));
        assertEquals("FS_IOC_GETFLAGS, 0x" + Long.toHexString(flags), m.call(FS_IOC_GETFLAGS, flags, -25));
    }

    @Test
    void fiemapRequestAndExtents() {
        ByteBuffer in = IoctlCalls.le(32 + 56).putLong(0, 0).putLong(8, -1).putInt(16, 1).putInt(24, 1);
        IoctlCalls m = new IoctlCalls();
        long at = m.put(in.array());
        ByteBuffer out = IoctlCalls.le(32 + 56).putLong(8, -1).putInt(16, 1).putInt(20, 1).putInt(24, 1);
        out.putLong(32, 0).putLong(40, 4096).putLong(48, 8192).putInt(32 + 40, 0x1);
        m.fillAtExit(at, out.array());
        String request = "FS_IOC_FIEMAP, {fm_start=0, fm_length=18446744073709551615, fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=1}";
        assertEquals(request + " => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, ...}", m.call(FS_IOC_FIEMAP, at, 0));
        assertEquals(request, m.call(FS_IOC_FIEMAP, at, -22));
        assertEquals(request + " => {fm_flags=FIEMAP_FLAG_SYNC, fm_mapped_extents=1, fm_extents=[{fe_logical=0, "
                + "fe_physical=4096, fe_length=8192, fe_flags=FIEMAP_EXTENT_LAST}]}",
                m.verbose().call(FS_IOC_FIEMAP, at, 0));
    }

    @Test
    void trimFreezeAndXattr() {
        IoctlCalls m = new IoctlCalls();
        long range = m.put(IoctlCalls.le(24).putLong(0, 0x1000).putLong(8, 1 << 20).putLong(16, 512).array());
        assertEquals("FITRIM, {start=0x1000, len=1048576, minlen=512}", m.call(FITRIM, range, 0));
        assertEquals("FIFREEZE", m.call(FIFREEZE, 0, 0));
        long x = m.put(IoctlCalls.le(28).putInt(0, 0x8).putInt(4, 0).putInt(8, 3).putInt(12, 0x10).array());
        assertEquals("FS_IOC_FSGETXATTR, {fsx_xflags=FS_XFLAG_IMMUTABLE, fsx_extsize=0, fsx_nextents=3, fsx_projid=0x10, "
                + "fsx_cowextsize=0}", m.call(FS_IOC_FSGETXATTR, x, 0));
    }

    @Test
    void counterWatch() {
        IoctlCalls m = new IoctlCalls();
        long w = m.put(new byte[] {1, 2, 3, 4, 9, 6});
        assertEquals("COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_SIGNAL, scope=COUNTER_SCOPE_COUNT, "
                + "parent=3, id=4}, event=0x9 /* COUNTER_EVENT_??? */, channel=6}", m.call(COUNTER_ADD_WATCH, w, 0));
    }
}

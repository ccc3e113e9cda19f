package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatDecoderTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    private static ByteBuffer buf(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** struct stat of a regular file: dev 254:0, ino 673, mode 0100644, size 34547. */
    private static Bytes regularFile() {
        ByteBuffer b = buf(StatDecoder.STAT.size());
        b.putLong(0, 0xfe00).putLong(8, 673).putLong(16, 1).putInt(24, 0100644);
        b.putLong(48, 34547).putLong(56, 4096).putLong(64, 72);
        b.putLong(72, 1795331595L).putLong(80, 221630975L);
        b.putLong(88, 1792191844L).putLong(104, 1792191844L);
        return new Bytes(b.array());
    }

    @Test
    void abbreviatedStat() {
        assertEquals("{st_mode=S_IFREG|0644, st_size=34547, ...}", text(StatDecoder.stat(regularFile(), false)));
    }

    @Test
    void verboseStat() {
        String tz = java.util.TimeZone.getDefault().getID();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        try {
            assertEquals("{st_dev=makedev(0xfe, 0), st_ino=673, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, "
                    + "st_gid=0, st_blksize=4096, st_blocks=72, st_size=34547, "
                    + "st_atime=1795331595 /* 2026-11-22T07:13:15.221630975+0000 */, st_atime_nsec=221630975, "
                    + "st_mtime=1792191844 /* 2026-10-16T23:04:04+0000 */, st_mtime_nsec=0, "
                    + "st_ctime=1792191844 /* 2026-10-16T23:04:04+0000 */, st_ctime_nsec=0}",
                    text(StatDecoder.stat(regularFile(), true)));
        } finally {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(tz));
        }
    }

    @Test
    void deviceShowsRdevInsteadOfSize() {
        ByteBuffer b = buf(StatDecoder.STAT.size());
        b.putInt(24, 0020666).putLong(40, 0x103);
        assertEquals("{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}",
                text(StatDecoder.stat(new Bytes(b.array()), false)));
    }

    @Test
    void symbolicModes() {
        assertEquals("S_IFDIR|S_ISVTX|0777", text(StatDecoder.mode(041777)));
        assertEquals("S_IFREG|S_ISUID|0755", text(StatDecoder.mode(0104755)));
        assertEquals("S_IFREG|000", text(StatDecoder.mode(0100000)));
        assertEquals("S_IFIFO|0644", text(StatDecoder.mode(010644)));
        assertEquals("0644", text(StatDecoder.mode(0644)));
        assertEquals("000", text(StatDecoder.mode(0)));
    }

    @Test
    void largeDeviceNumbers() {
        // glibc's encoding: minor 0x12345 puts its high bits above the major's low bits.
        long dev = ((0x123L & 0xfff) << 8) | (0x12345L & 0xff) | ((0x12345L & ~0xffL) << 12);
        assertEquals("makedev(0x123, 0x12345)", text(Decode.dev(dev)));
        assertEquals("0x" + Long.toHexString(dev) + " /* makedev(0x123, 0x12345) */",
                new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE).format(Decode.dev(dev)));
    }

    @Test
    void abbreviatedStatx() {
        ByteBuffer b = buf(StatDecoder.STATX.size());
        b.putInt(0, 0x17ff).putShort(28, (short) 0100644).putLong(40, 1221);
        assertEquals("{stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, "
                + "stx_size=1221, ...}", text(StatDecoder.statx(new Bytes(b.array()), false)));
    }

    /** What strace 6.1 printed for ls -d on an overlay root, whose stx_mask lacks STATX_CTIME and STATX_MTIME. */
    @Test
    void verboseStatxPrintsOnlyTheTimesItsMaskHas() {
        ByteBuffer b = buf(StatDecoder.STATX.size());
        b.putInt(0, 0x173f).putInt(4, 4096).putInt(16, 2).putShort(28, (short) 040755).putLong(32, 516)
                .putLong(40, 4096).putLong(48, 8).putLong(64, 1795332409L).putInt(72, 13659022)
                .putLong(96, 1L).putLong(112, 2L).putInt(136, 254).putLong(144, 0x1b);
        assertEquals("{stx_mask=STATX_TYPE|STATX_MODE|STATX_NLINK|STATX_UID|STATX_GID|STATX_ATIME|STATX_INO"
                + "|STATX_SIZE|STATX_BLOCKS|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, stx_nlink=2, stx_uid=0, "
                + "stx_gid=0, stx_mode=S_IFDIR|0755, stx_ino=516, stx_size=4096, stx_blocks=8, stx_attributes_mask=0, "
                + "stx_atime={tv_sec=1795332409, tv_nsec=13659022} /* 2026-11-22T07:26:49.013659022+0000 */, "
                + "stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1b}",
                text(StatDecoder.statx(new Bytes(b.array()), true)));
    }

    @Test
    void statfsIsPrintedWhole() {
        ByteBuffer b = buf(StatDecoder.STATFS.size());
        b.putLong(0, 0xef53).putLong(8, 4096).putLong(16, 100).putLong(24, 50).putLong(32, 40)
                .putLong(40, 10).putLong(48, 5).putInt(56, 0x3d587b07).putInt(60, 0xa1508bba)
                .putLong(64, 255).putLong(72, 4096).putLong(80, 0x1020);
        assertEquals("{f_type=EXT2_SUPER_MAGIC, f_bsize=4096, f_blocks=100, f_bfree=50, f_bavail=40, "
                + "f_files=10, f_ffree=5, f_fsid={val=[0x3d587b07, 0xa1508bba]}, f_namelen=255, "
                + "f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}", text(StatDecoder.statfs(new Bytes(b.array()))));
    }
}

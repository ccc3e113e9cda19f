package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Open flags, directory entries, struct flock, termios and ioctl request names. */
class FileDecodersTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    @Test
    void openFlagsPutTheAccessModeFirst() {
        assertEquals("O_RDONLY|O_CLOEXEC", text(FileKinds.openFlags(0x80000)));
        assertEquals("O_WRONLY|O_CREAT|O_TRUNC", text(FileKinds.openFlags(0x241)));
        assertEquals("O_RDWR|O_TMPFILE", text(FileKinds.openFlags(0x410002)));
        assertEquals("O_RDONLY", text(FileKinds.openFlags(0)));
        assertEquals("O_RDONLY|0x80000000", text(FileKinds.openFlags(0x80000000L)));
    }

    @Test
    void zeroFlagWithAName() {
        assertEquals("F_OK", text(FileKinds.flagsOrZero("access_modes", 0)));
        assertEquals("R_OK|W_OK", text(FileKinds.flagsOrZero("access_modes", 6)));
        assertEquals("LOCK_SH|LOCK_NB", text(FileKinds.flagsOrZero("flockcmds", 5)));
    }

    @Test
    void utimeSpecialValues() {
        assertEquals("UTIME_NOW", text(FileKinds.timespec(1, (1L << 30) - 1)));
        assertEquals("UTIME_OMIT", text(FileKinds.timespec(1, (1L << 30) - 2)));
    }

    private static void dirent(ByteBuffer b, long ino, long off, int type, String name) {
        int start = b.position();
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        int reclen = (19 + n.length + 1 + 7) & ~7;
        b.putLong(ino).putLong(off).putShort((short) reclen).put((byte) type).put(n);
        b.position(start + reclen);
    }

    @Test
    void directoryEntries() {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        dirent(b, 516, 1, 4, ".");
        dirent(b, 517, 9223372036854775807L, 8, "cacerts");
        Bytes bytes = new Bytes(b.array());
        assertEquals("0x1000 /* 2 entries */", text(DirentDecoder.entries(0x1000, bytes, false)));
        assertEquals("[{d_ino=516, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
                + "{d_ino=517, d_off=9223372036854775807, d_reclen=32, d_type=DT_REG, d_name=\"cacerts\"}]",
                text(DirentDecoder.entries(0x1000, bytes, true)));
        assertEquals("[]", text(DirentDecoder.entries(0x1000, new Bytes(new byte[0]), true)));
    }

    @Test
    void flock() {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 2).putShort(2, (short) 0).putLong(8, 0).putLong(16, 100).putInt(24, 0);
        Bytes bytes = new Bytes(b.array());
        assertEquals("{l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100}", text(FcntlDecoder.lock(bytes, false)));
        assertEquals("{l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}",
                text(FcntlDecoder.lock(bytes, true)));
    }
}

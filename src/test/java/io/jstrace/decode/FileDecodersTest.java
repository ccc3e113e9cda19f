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

    private static Bytes termios() {
        ByteBuffer b = ByteBuffer.allocate(IoctlTermios.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x500).putInt(4, 0x5).putInt(8, 0xbf).putInt(12, 0x8a3b);
        byte[] cc = {3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16, 0, 0, 0};
        b.position(17);
        b.put(cc);
        return new Bytes(b.array());
    }

    @Test
    void termiosAbbreviated() {
        assertEquals("{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
                + "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}",
                text(IoctlTermios.termios(termios(), false)));
    }

    @Test
    void termiosVerbose() {
        assertEquals("{c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
                + "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, "
                + "c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, "
                + "[VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, "
                + "[VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}",
                text(IoctlTermios.termios(termios(), true)));
    }

    @Test
    void ioctlRequests() {
        assertEquals("TCGETS", text(IoctlDecoder.request(0x5401)));
        assertEquals("SNDCTL_TMR_STOP or TCSETSW", text(IoctlDecoder.request(0x5403)));
        assertEquals("_IOC(_IOC_READ, 0x78, 0x3, 0x4)", text(IoctlDecoder.request(0x80047803L)));
        assertEquals("_IOC(_IOC_NONE, 0x78, 0x3, 0)", text(IoctlDecoder.request(0x7803L)));
    }

    @Test
    void winsize() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 24).putShort(2, (short) 80);
        assertEquals("{ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}", text(IoctlDecoder.winsize(new Bytes(b.array()))));
    }
}

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
        assertEquals("F_OK", text(Decode.flags("access_modes", 0, "?_OK")));
        assertEquals("R_OK|W_OK", text(Decode.flags("access_modes", 6, "?_OK")));
        assertEquals("0x10 /* ?_OK */", text(Decode.flags("access_modes", 16, "?_OK")));
        assertEquals("LOCK_SH|LOCK_NB", text(Decode.flags("flockcmds", 5, "LOCK_???")));
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
        assertEquals("{l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100}", text(FcntlDecoder.lock(call(), bytes, false)));
        assertEquals("{l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=100, l_pid=0}",
                text(FcntlDecoder.lock(call(), bytes, true)));
    }

    private static String text(Value v, DecodeOptions.Xstyle style) {
        return new ValueText(ValueText.Hex.NONE, style).format(v);
    }

    private static Call call(long... args) {
        long[] a = new long[6];
        System.arraycopy(args, 0, a, 0, args.length);
        return new Call(1, 0, a, null, DecodeOptions.DEFAULT, FdPaths.NONE);
    }

    @Test
    void fcntlNotifyFlagsAndLeaseReturnInHex() {
        Call notify = call(0, FcntlDecoder.F_NOTIFY, 0x80000001L);
        assertEquals("DN_ACCESS|DN_MULTISHOT", text(FcntlDecoder.entryArg(notify, notify.arg(2))));
        Call unknownCmd = call(0, 0x7ff, 10);
        assertEquals("0xa", text(FcntlDecoder.entryArg(unknownCmd, 10)));
        assertEquals("0x7ff /* F_??? */", text(FcntlDecoder.command(0x7ff)));
        Call lease = call(1, FcntlDecoder.F_GETLEASE);
        lease.exit(2, false);
        assertEquals("0x2", text(FcntlDecoder.RETURN.decode(lease)));
        assertEquals("F_UNLCK", text(FcntlDecoder.RETURN.details(lease).get(0)));
        Call setfd = call(1, FcntlDecoder.F_SETFD, 2);
        assertEquals("0x2 /* FD_??? */", text(FcntlDecoder.entryArg(setfd, 2)));
    }

    @Test
    void mountFlagsWithTheOldMagic() {
        assertEquals("MS_MGC_VAL|MS_RDONLY|MS_NOSUID", text(MountKinds.mountFlags(0xc0ed0003L)));
        assertEquals("0xc0ed0000|0x3", text(MountKinds.mountFlags(0xc0ed0003L), DecodeOptions.Xstyle.RAW));
        assertEquals("MS_MGC_VAL", text(MountKinds.mountFlags(0xc0ed0000L)));
        assertEquals("0x200 /* MS_??? */", text(MountKinds.mountFlags(0x200)));
        assertEquals("0", text(MountKinds.mountFlags(0)));
    }

    @Test
    void flagsWithADefaultComment() {
        assertEquals("0x1 /* CLOSE_RANGE_??? */", text(Decode.flags("close_range_flags", 1, "CLOSE_RANGE_???")));
        assertEquals("CLOSE_RANGE_UNSHARE|0x1", text(Decode.flags("close_range_flags", 3, "CLOSE_RANGE_???")));
        assertEquals("0", text(Decode.flags("close_range_flags", 0, "CLOSE_RANGE_???")));
    }

    @Test
    void quotaCommands() {
        assertEquals("QCMD(Q_QUOTAON, USRQUOTA)", text(QuotaKinds.qcmd(0x80000200L)));
        assertEquals("QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */)", text(QuotaKinds.qcmd(0xbadc0dedL)));
        assertEquals("2147484160", text(QuotaKinds.qcmd(0x80000200L), DecodeOptions.Xstyle.RAW));
        assertEquals("3134983661 /* QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */) */",
                text(QuotaKinds.qcmd(0xbadc0dedL), DecodeOptions.Xstyle.VERBOSE));
    }
}

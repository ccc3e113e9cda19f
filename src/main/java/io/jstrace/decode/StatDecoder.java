package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * struct stat, struct statx and struct statfs (x86_64 layouts) as strace prints them: without -v
 * only the type, mode and size (or device) followed by {@code ...}; with -v every field.
 */
final class StatDecoder {
    private StatDecoder() {}

    static final Layout STAT = Layout.of("stat"), STATX = Layout.of("statx"), STATFS = Layout.of("statfs");
    private static final Layout.Field ST_DEV = STAT.field("st_dev"), ST_INO = STAT.field("st_ino"),
            ST_NLINK = STAT.field("st_nlink"), ST_MODE = STAT.field("st_mode"), ST_UID = STAT.field("st_uid"),
            ST_GID = STAT.field("st_gid"), ST_RDEV = STAT.field("st_rdev"), ST_SIZE = STAT.field("st_size"),
            ST_BLKSIZE = STAT.field("st_blksize"), ST_BLOCKS = STAT.field("st_blocks");
    /** st_atim, st_mtim, st_ctim: seconds and nanoseconds, in the order strace prints them. */
    private static final Layout.Field[][] ST_TIMES = {
            {STAT.field("st_atim.tv_sec"), STAT.field("st_atim.tv_nsec")},
            {STAT.field("st_mtim.tv_sec"), STAT.field("st_mtim.tv_nsec")},
            {STAT.field("st_ctim.tv_sec"), STAT.field("st_ctim.tv_nsec")}};
    private static final String[] ST_TIME_NAMES = {"st_atime", "st_mtime", "st_ctime"};
    /** statx fields by the names strace prints, all printed as unsigned decimal numbers. */
    private static final Layout.Field STX_MASK = STATX.field("stx_mask"), STX_BLKSIZE = STATX.field("stx_blksize"),
            STX_ATTRIBUTES = STATX.field("stx_attributes"), STX_NLINK = STATX.field("stx_nlink"),
            STX_UID = STATX.field("stx_uid"), STX_GID = STATX.field("stx_gid"), STX_MODE = STATX.field("stx_mode"),
            STX_INO = STATX.field("stx_ino"), STX_SIZE = STATX.field("stx_size"), STX_BLOCKS = STATX.field("stx_blocks"),
            STX_ATTRIBUTES_MASK = STATX.field("stx_attributes_mask"), STX_MNT_ID = STATX.field("stx_mnt_id"),
            STX_DIO_MEM_ALIGN = STATX.field("stx_dio_mem_align"), STX_DIO_OFFSET_ALIGN = STATX.field("stx_dio_offset_align");
    private static final Layout.Field[] STX_DEVS = {STATX.field("stx_rdev_major"), STATX.field("stx_rdev_minor"),
            STATX.field("stx_dev_major"), STATX.field("stx_dev_minor")};
    private static final Layout.Field F_TYPE = STATFS.field("f_type"), F_BSIZE = STATFS.field("f_bsize"),
            F_FSID0 = STATFS.field("f_fsid.__val[0]"), F_FSID1 = STATFS.field("f_fsid.__val[1]"),
            F_NAMELEN = STATFS.field("f_namelen"), F_FRSIZE = STATFS.field("f_frsize"), F_FLAGS = STATFS.field("f_flags");
    private static final String[] F_COUNTS = {"f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree"};

    private static final long S_IFMT = 0170000;
    private static final long S_IFCHR = 0020000;
    private static final long S_IFBLK = 0060000;
    private static final long STATX_ATIME = 0x20, STATX_MTIME = 0x40, STATX_CTIME = 0x80, STATX_BTIME = 0x800;
    private static final long STATX_MNT_ID = 0x1000;
    private static final long STATX_DIOALIGN = 0x2000;

    /** strftime's %Y: the year unpadded and without a plus sign past 9999 (10150477-10-18, 68-09-03). */
    private static final DateTimeFormatter SECONDS = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 1, 10, SignStyle.NORMAL).appendPattern("-MM-dd'T'HH:mm:ss").toFormatter();
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("xx");

    /** struct stat (newfstatat, fstat, stat, lstat). */
    static Value stat(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        long mode = b.u(ST_MODE);
        if (verbose) {
            f.add(field("st_dev", Decode.dev(b.u(ST_DEV))));
            f.add(field("st_ino", Value.Num.udec(b.u(ST_INO))));
            f.add(field("st_mode", mode(mode)));
            f.add(field("st_nlink", Value.Num.udec(b.u(ST_NLINK))));
            f.add(field("st_uid", Value.Num.udec(b.u(ST_UID))));
            f.add(field("st_gid", Value.Num.udec(b.u(ST_GID))));
            f.add(field("st_blksize", Value.Num.dec(b.s(ST_BLKSIZE))));
            f.add(field("st_blocks", Value.Num.dec(b.s(ST_BLOCKS))));
        } else {
            f.add(field("st_mode", mode(mode)));
        }
        long type = mode & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            f.add(field("st_rdev", Decode.dev(b.u(ST_RDEV))));
        } else {
            f.add(field("st_size", Value.Num.dec(b.s(ST_SIZE))));
        }
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        for (int i = 0; i < ST_TIMES.length; i++) {
            long sec = b.s(ST_TIMES[i][0]);
            long nsec = b.u(ST_TIMES[i][1]);
            f.add(field(ST_TIME_NAMES[i], timeComment(Value.Num.dec(sec), sec, nsec)));
            f.add(field(ST_TIME_NAMES[i] + "_nsec", Value.Num.udec(nsec)));
        }
        return new Value.Struct(f, false);
    }

    /** struct statx. */
    static Value statx(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        long mask = b.u(STX_MASK);
        f.add(field("stx_mask", Decode.flags("statx_masks", mask)));
        if (verbose) {
            f.add(field("stx_blksize", Value.Num.udec(b.u(STX_BLKSIZE))));
        }
        f.add(field("stx_attributes", Decode.flags("statx_attrs", b.u(STX_ATTRIBUTES))));
        if (verbose) {
            f.add(field("stx_nlink", Value.Num.udec(b.u(STX_NLINK))));
            f.add(field("stx_uid", Value.Num.udec(b.u(STX_UID))));
            f.add(field("stx_gid", Value.Num.udec(b.u(STX_GID))));
        }
        f.add(field("stx_mode", mode(b.u(STX_MODE))));
        if (verbose) {
            f.add(field("stx_ino", Value.Num.udec(b.u(STX_INO))));
        }
        f.add(field("stx_size", Value.Num.udec(b.u(STX_SIZE))));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        f.add(field("stx_blocks", Value.Num.udec(b.u(STX_BLOCKS))));
        f.add(field("stx_attributes_mask", Decode.flags("statx_attrs", b.u(STX_ATTRIBUTES_MASK))));
        // Each time only when stx_mask says the kernel filled it, as strace 6.1 prints them.
        if ((mask & STATX_ATIME) != 0) {
            f.add(field("stx_atime", statxTime(b, "stx_atime")));
        }
        if ((mask & STATX_BTIME) != 0) {
            f.add(field("stx_btime", statxTime(b, "stx_btime")));
        }
        if ((mask & STATX_CTIME) != 0) {
            f.add(field("stx_ctime", statxTime(b, "stx_ctime")));
        }
        if ((mask & STATX_MTIME) != 0) {
            f.add(field("stx_mtime", statxTime(b, "stx_mtime")));
        }
        for (Layout.Field dev : STX_DEVS) {
            f.add(field(dev.name(), Value.Num.udec(b.u(dev))));
        }
        if ((mask & STATX_MNT_ID) != 0) {
            f.add(field("stx_mnt_id", Value.Num.hex(b.u(STX_MNT_ID))));
        }
        if ((mask & STATX_DIOALIGN) != 0) {
            f.add(field("stx_dio_mem_align", Value.Num.udec(b.u(STX_DIO_MEM_ALIGN))));
            f.add(field("stx_dio_offset_align", Value.Num.udec(b.u(STX_DIO_OFFSET_ALIGN))));
        }
        return new Value.Struct(f, false);
    }

    private static Value statxTime(Bytes b, String name) {
        long sec = b.s(STATX.field(name + ".tv_sec"));
        long nsec = b.u(STATX.field(name + ".tv_nsec"));
        Value ts = Decode.struct(field("tv_sec", Value.Num.dec(sec)), field("tv_nsec", Value.Num.udec(nsec)));
        return timeComment(ts, sec, nsec);
    }

    /** struct statfs: strace prints it whole, with or without -v. */
    static Value statfs(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("f_type", Decode.sym("fsmagic", b.s(F_TYPE), Value.Radix.HEX, null)));
        f.add(field("f_bsize", Value.Num.dec(b.s(F_BSIZE))));
        for (String count : F_COUNTS) {
            f.add(field(count, Value.Num.udec(b.u(STATFS.field(count)))));
        }
        Value fsid = new Value.Arr(List.of(Value.Num.hex(b.u(F_FSID0)), Value.Num.hex(b.u(F_FSID1))), false);
        f.add(field("f_fsid", Decode.struct(field("val", fsid))));
        f.add(field("f_namelen", Value.Num.dec(b.s(F_NAMELEN))));
        f.add(field("f_frsize", Value.Num.dec(b.s(F_FRSIZE))));
        f.add(field("f_flags", Decode.flags("statfs_flags", b.u(F_FLAGS))));
        return new Value.Struct(f, false);
    }

    /**
     * strace's print_symbolic_mode_t: the file type, the set-id and sticky bits by name, then the
     * permissions in octal ({@code S_IFDIR|S_ISVTX|0777}); plain octal when the type is unknown.
     */
    static Value mode(long mode) {
        long type = mode & S_IFMT;
        String typeName = type == 0 ? "" : Xlat.of("modetypes").name(type);
        if (typeName == null) {
            return Value.Num.oct(mode);
        }
        List<String> names = new ArrayList<>();
        if (!typeName.isEmpty()) {
            names.add(typeName);
        }
        String[] special = {"S_ISUID", "S_ISGID", "S_ISVTX"};
        for (int i = 0; i < special.length; i++) {
            if ((mode & (04000 >> i)) != 0) {
                names.add(special[i]);
            }
        }
        long perm = mode & 0777;
        if (names.isEmpty() || perm != 0) {
            // Flags keep the whole mode, so a raw (-X) rendering can print it in octal.
            return new Value.Flags(names, perm, Value.Radix.OCT, mode);
        }
        // strace prints the permissions even when they are all clear: S_IFREG|000.
        return new Value.Or(new Value.Flags(names, 0, Value.Radix.OCT, mode), Value.Num.oct(0));
    }

    /**
     * A time followed by strace's ISO 8601 comment in local time, nanoseconds only when non-zero;
     * the epoch itself gets no comment.
     */
    static Value timeComment(Value v, long sec, long nsec) {
        return timeComment(v, sec, nsec, 9);
    }

    /** The same for a fraction of {@code digits} digits (6: a timeval's microseconds). */
    static Value timeComment(Value v, long sec, long fraction, int digits) {
        if ((sec == 0 && fraction == 0) || fraction < 0 || fraction >= (digits == 6 ? 1_000_000L : 1_000_000_000L)
                || sec < Instant.MIN.getEpochSecond() || sec > Instant.MAX.getEpochSecond()) {
            return v; // strace's localtime fails far outside these years too: no comment
        }
        var t = Instant.ofEpochSecond(sec).atZone(ZoneId.systemDefault());
        String s = SECONDS.format(t) + (fraction != 0 ? String.format(".%0" + digits + "d", fraction) : "") + ZONE.format(t);
        return new Value.Commented(v, s);
    }
}

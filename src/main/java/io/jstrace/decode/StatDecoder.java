package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * struct stat, struct statx and struct statfs (x86_64 layouts) as strace prints them: without -v
 * only the type, mode and size (or device) followed by {@code ...}; with -v every field.
 */
final class StatDecoder {
    private StatDecoder() {}

    static final int STAT_SIZE = 144;
    static final int STATX_SIZE = 256;
    static final int STATFS_SIZE = 120;

    private static final long S_IFMT = 0170000;
    private static final long S_IFCHR = 0020000;
    private static final long S_IFBLK = 0060000;
    private static final long STATX_ATIME = 0x20, STATX_MTIME = 0x40, STATX_CTIME = 0x80, STATX_BTIME = 0x800;
    private static final long STATX_MNT_ID = 0x1000;
    private static final long STATX_DIOALIGN = 0x2000;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("xx");

    /** struct stat (newfstatat, fstat, stat, lstat). */
    static Value stat(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        long mode = b.u32(24);
        if (verbose) {
            f.add(field("st_dev", dev(b.s64(0))));
            f.add(field("st_ino", Value.Num.udec(b.s64(8))));
            f.add(field("st_mode", mode(mode)));
            f.add(field("st_nlink", Value.Num.udec(b.s64(16))));
            f.add(field("st_uid", Value.Num.udec(b.u32(28))));
            f.add(field("st_gid", Value.Num.udec(b.u32(32))));
            f.add(field("st_blksize", Value.Num.dec(b.s64(56))));
            f.add(field("st_blocks", Value.Num.dec(b.s64(64))));
        } else {
            f.add(field("st_mode", mode(mode)));
        }
        long type = mode & S_IFMT;
        if (type == S_IFCHR || type == S_IFBLK) {
            f.add(field("st_rdev", dev(b.s64(40))));
        } else {
            f.add(field("st_size", Value.Num.dec(b.s64(48))));
        }
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        String[] names = {"st_atime", "st_mtime", "st_ctime"};
        for (int i = 0; i < 3; i++) {
            long sec = b.s64(72 + 16 * i);
            long nsec = b.s64(80 + 16 * i);
            f.add(field(names[i], timeComment(Value.Num.dec(sec), sec, nsec)));
            f.add(field(names[i] + "_nsec", Value.Num.udec(nsec)));
        }
        return new Value.Struct(f, false);
    }

    /** struct statx. */
    static Value statx(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        long mask = b.u32(0);
        f.add(field("stx_mask", Decode.flags("statx_masks", mask)));
        if (verbose) {
            f.add(field("stx_blksize", Value.Num.udec(b.u32(4))));
        }
        f.add(field("stx_attributes", Decode.flags("statx_attrs", b.s64(8))));
        if (verbose) {
            f.add(field("stx_nlink", Value.Num.udec(b.u32(16))));
            f.add(field("stx_uid", Value.Num.udec(b.u32(20))));
            f.add(field("stx_gid", Value.Num.udec(b.u32(24))));
        }
        f.add(field("stx_mode", mode(b.u16(28))));
        if (verbose) {
            f.add(field("stx_ino", Value.Num.udec(b.s64(32))));
        }
        f.add(field("stx_size", Value.Num.udec(b.s64(40))));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        f.add(field("stx_blocks", Value.Num.udec(b.s64(48))));
        f.add(field("stx_attributes_mask", Decode.flags("statx_attrs", b.s64(56))));
        // Each time only when stx_mask says the kernel filled it, as strace 6.1 prints them.
        if ((mask & STATX_ATIME) != 0) {
            f.add(field("stx_atime", statxTime(b, 64)));
        }
        if ((mask & STATX_BTIME) != 0) {
            f.add(field("stx_btime", statxTime(b, 80)));
        }
        if ((mask & STATX_CTIME) != 0) {
            f.add(field("stx_ctime", statxTime(b, 96)));
        }
        if ((mask & STATX_MTIME) != 0) {
            f.add(field("stx_mtime", statxTime(b, 112)));
        }
        f.add(field("stx_rdev_major", Value.Num.udec(b.u32(128))));
        f.add(field("stx_rdev_minor", Value.Num.udec(b.u32(132))));
        f.add(field("stx_dev_major", Value.Num.udec(b.u32(136))));
        f.add(field("stx_dev_minor", Value.Num.udec(b.u32(140))));
        if ((mask & STATX_MNT_ID) != 0) {
            f.add(field("stx_mnt_id", Value.Num.hex(b.s64(144))));
        }
        if ((mask & STATX_DIOALIGN) != 0) {
            f.add(field("stx_dio_mem_align", Value.Num.udec(b.u32(152))));
            f.add(field("stx_dio_offset_align", Value.Num.udec(b.u32(156))));
        }
        return new Value.Struct(f, false);
    }

    private static Value statxTime(Bytes b, int off) {
        long sec = b.s64(off);
        long nsec = b.u32(off + 8);
        Value ts = Decode.struct(field("tv_sec", Value.Num.dec(sec)), field("tv_nsec", Value.Num.udec(nsec)));
        return timeComment(ts, sec, nsec);
    }

    /** struct statfs: strace prints it whole, with or without -v. */
    static Value statfs(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("f_type", Decode.sym("fsmagic", b.s64(0), Value.Radix.HEX, null)));
        f.add(field("f_bsize", Value.Num.dec(b.s64(8))));
        String[] counts = {"f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree"};
        for (int i = 0; i < counts.length; i++) {
            f.add(field(counts[i], Value.Num.udec(b.s64(16 + 8 * i))));
        }
        Value fsid = new Value.Arr(List.of(Value.Num.hex(b.u32(56)), Value.Num.hex(b.u32(60))), false);
        f.add(field("f_fsid", Decode.struct(field("val", fsid))));
        f.add(field("f_namelen", Value.Num.dec(b.s64(64))));
        f.add(field("f_frsize", Value.Num.dec(b.s64(72))));
        f.add(field("f_flags", Decode.flags("statfs_flags", b.s64(80))));
        return new Value.Struct(f, false);
    }

    /** {@code makedev(0x8, 0x1)} from a kernel dev_t (glibc's major/minor split). */
    static Value dev(long dev) {
        long major = ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfff);
        long minor = ((dev >>> 12) & 0xffffff00L) | (dev & 0xff);
        return new Value.Call("makedev", List.of(Value.Num.hex(major), Value.Num.hex(minor)));
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
        if ((sec == 0 && fraction == 0) || fraction < 0 || fraction >= (digits == 6 ? 1_000_000L : 1_000_000_000L)) {
            return v;
        }
        var t = Instant.ofEpochSecond(sec).atZone(ZoneId.systemDefault());
        String s = SECONDS.format(t) + (fraction != 0 ? String.format(".%0" + digits + "d", fraction) : "") + ZONE.format(t);
        return new Value.Commented(v, s);
    }
}

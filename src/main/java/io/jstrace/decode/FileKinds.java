package io.jstrace.decode;

import io.jstrace.decode.ioctl.Ioctls;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * Kinds for the file family of syscalls: open flags and modes, struct stat/statx/statfs,
 * directory entries, fcntl, ioctl, and the small in/out arguments of the fd calls.
 */
final class FileKinds implements KindFamily {
    private static final long O_ACCMODE = 3;
    private static final long O_CREAT = 0x40;
    private static final long O_TMPFILE_BIT = 0x400000;
    private static final long UMODE_MASK = 0xffff;
    /** The name memfd_create keeps: 255 bytes less "memfd:". */
    private static final int MFD_NAME_MAX_LEN = 255 - "memfd:".length();
    private static final int MFD_HUGE_SHIFT = 26;
    private static final long FAN_ALL_CLASS_BITS = 0xc;
    private static final long XATTR_SIZE_MAX = 65536;
    private static final int FAN_NOFD = -1;
    private static final long MFD_HUGE_MASK = 0x3fL << MFD_HUGE_SHIFT;
    private static final long PAGE = 4096;
    private static final Layout OPEN_HOW = Layout.of("open_how");
    private static final Layout.Field HOW_FLAGS = OPEN_HOW.field("flags"), HOW_MODE = OPEN_HOW.field("mode"),
            HOW_RESOLVE = OPEN_HOW.field("resolve");
    private static final long S_IFMT = 0170000;
    private static final long S_IFCHR = 0020000;
    private static final long S_IFBLK = 0060000;
    private static final long AT_STATX_SYNC_TYPE = 0x6000;
    private static final long UTIME_NOW = (1L << 30) - 1;
    private static final long UTIME_OMIT = (1L << 30) - 2;

    @Override
    public void register(Kinds k) {
        // open(2) family
        k.arg("open_flags", (c, i) -> openFlags(c.arg(i) & 0xffffffffL));
        // The mode follows the flags and is shown only when the flags create a file.
        k.arg("open_mode", (c, i) -> (c.arg(i - 1) & (O_CREAT | O_TMPFILE_BIT)) != 0
                ? Value.Num.oct(c.arg(i) & UMODE_MASK) : null);
        // A umode_t: the kernel and strace take its low 16 bits.
        k.arg("umode", (c, i) -> Value.Num.oct(c.arg(i) & UMODE_MASK));
        k.arg("open_how", (c, i) -> openHow(c, c.arg(i), c.arg(i + 1)));
        k.arg("access_mode", (c, i) -> Decode.flags("access_modes", c.arg(i) & 0xffffffffL, "?_OK"));
        k.arg("file_id", (c, i) -> (int) c.arg(i) == -1 ? Value.Num.dec(-1) : Value.Num.udec(c.arg(i) & 0xffffffffL));
        k.arg("file_mode", (c, i) -> StatDecoder.mode(c.arg(i) & UMODE_MASK));
        // mknod's device number (an unsigned int) matters only for device nodes.
        k.arg("file_dev", (c, i) -> {
            long type = c.arg(i - 1) & S_IFMT;
            return type == S_IFCHR || type == S_IFBLK ? Decode.dev(c.arg(i) & 0xffffffffL) : null;
        });
        // ustat's dev is an unsigned int; its struct is printed as an address (strace 6.1 built without ustat.h).
        k.arg("ustat_dev", (c, i) -> Decode.dev(c.arg(i) & 0xffffffffL));
        k.arg("file_whence", (c, i) -> Decode.sym("whence_codes", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "SEEK_???"));
        k.arg("file_advice", (c, i) -> Decode.sym("fadvise_advice", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "POSIX_FADV_???"));
        k.arg("flock_op", (c, i) -> Decode.flags("flockcmds", c.arg(i) & 0xffffffffL, "LOCK_???"));
        // statx flags: the sync type bits as their own flags (AT_STATX_SYNC_AS_STAT when none), or-ed
        // with the AT_* flags when there are any, as strace prints them (two printflags).
        k.arg("statx_flags", (c, i) -> {
            long v = c.arg(i) & 0xffffffffL;
            long rest = v & ~AT_STATX_SYNC_TYPE;
            if (rest == 0) {
                return Decode.flags("at_statx_sync_types", v & AT_STATX_SYNC_TYPE, "");
            }
            // Or-ed with the AT_* flags, a sync type of 0 is printflags without a default: its
            // name, and nothing at all under -X raw (strace prints "|0x800").
            Xlat.Flags s = Xlat.of("at_statx_sync_types").flags(v & AT_STATX_SYNC_TYPE);
            Value sync = new Value.Flags(s.names().isEmpty() ? List.of(Xlat.of("at_statx_sync_types").name(0)) : s.names(),
                    0, Value.Radix.HEX, v & AT_STATX_SYNC_TYPE, null);
            Xlat.Flags at = Xlat.of("at_flags").flags(rest);
            return new Value.Or(sync, new Value.Flags(at.names(), at.rest(), Value.Radix.HEX, rest, null));
        });

        // memfd_create: a name the kernel takes up to 249 bytes of; flags with a huge page size in bits 26..31.
        k.arg("memfd_name", (c, i) -> Decode.boundedCString(c, c.arg(i), MFD_NAME_MAX_LEN + 1));
        k.arg("memfd_flags", (c, i) -> memfdFlags(c.arg(i) & 0xffffffffL));

        // fanotify_init: a notification class, then the other flags; fanotify_mark's dirfd may be FAN_NOFD.
        k.arg("fanotify_init_flags", (c, i) -> {
            long v = c.arg(i) & 0xffffffffL;
            Value cls = Decode.sym("fan_classes", v & FAN_ALL_CLASS_BITS, Value.Radix.HEX, "FAN_CLASS_???");
            long rest = v & ~FAN_ALL_CLASS_BITS;
            return rest == 0 ? cls : new Value.Or(cls, Decode.flags("fan_init_flags", rest, "FAN_???"));
        });
        k.arg("fanotify_event_flags", (c, i) -> openFlags(c.arg(i) & 0xffffffffL));
        k.arg("fanotify_dirfd", ArgKind.withRole(Role.FD, (c, i) -> c.intArg(i) == FAN_NOFD
                ? new Value.Sym("FAN_NOFD", FAN_NOFD) : BasicKinds.dirfd(c, c.intArg(i))));

        // Output structs, read at exit; the address when the call failed.
        k.arg("stat", out(StatDecoder.STAT.size(), (c, b) -> StatDecoder.stat(b, c.options.verbose())));
        k.arg("statx", out(StatDecoder.STATX.size(), (c, b) -> StatDecoder.statx(b, c.options.verbose())));
        k.arg("statfs", out(StatDecoder.STATFS.size(), (c, b) -> StatDecoder.statfs(b)));
        k.arg("dirents", dirents(false));
        k.arg("dirents_old", dirents(true));
        k.arg("pipefds", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 8);
            return b == null ? Decode.ptr(c.arg(i))
                    : new Value.Arr(List.of(Decode.fd(c, b.s32(0)), Decode.fd(c, b.s32(4))), false);
        }));
        // getcwd's result is a path of (return value - 1) bytes.
        // As strace's printpathn: the path up to the length the call returned (NUL included).
        k.arg("cwd_buf", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i))
                : Decode.cstring(c, c.arg(i), (int) Math.min(Integer.toUnsignedLong((int) c.ret() - 1), Decode.PATH_MAX - 1))));
        // An xattr value is shown without the NUL that often ends it (strace's QUOTE_OMIT_TRAILING_0).
        // A value larger than the kernel takes (XATTR_SIZE_MAX) prints as its address.
        k.arg("xattr_in", (c, i) -> c.arg(i) == 0 || Long.compareUnsigned(c.arg(i + 1), XATTR_SIZE_MAX) > 0
                ? Decode.ptr(c.arg(i)) : withoutTrailingNul(Decode.buffer(c, c.arg(i), c.arg(i + 1))));
        k.arg("xattr_val", ArgKind.atExit((c, i) -> c.failed() || c.arg(i) == 0 || c.arg(i + 1) == 0
                ? Decode.ptr(c.arg(i)) : withoutTrailingNul(Decode.buffer(c, c.arg(i), c.ret()))));
        // An xattr list is NUL-separated names: shown as one string, NULs included.
        k.arg("xattr_out", ArgKind.atExit((c, i) -> c.failed() || c.arg(i) == 0 || c.arg(i + 1) == 0
                ? Decode.ptr(c.arg(i)) : Decode.buffer(c, c.arg(i), c.ret())));
        k.arg("utimes", (c, i) -> utimes(c, c.arg(i)));
        k.arg("utimes_tv", (c, i) -> timevalPair(c, c.arg(i)));
        k.arg("utimbuf", (c, i) -> TimeDecoder.read(c, c.arg(i), 16, b -> Decode.struct(
                field("actime", StatDecoder.timeComment(Value.Num.dec(b.s64(0)), b.s64(0), 0)),
                field("modtime", StatDecoder.timeComment(Value.Num.dec(b.s64(8)), b.s64(8), 0)))));
        // loff_t pointers printed as [n] (copy_file_range, splice: read at entry).
        k.arg("loff_in", (c, i) -> int64Box(c, c.arg(i)));
        // sendfile's offset is in/out: [before], and " => [after]" when the call moved some bytes.
        k.arg("sendfile_off", ArgKind.atEntryAndExit((c, i) -> {
            if (!c.exited()) {
                Value before = unsignedBox(c, c.arg(i));
                c.saved[i] = before;
                return before;
            }
            Value before = (Value) c.saved[i];
            return before instanceof Value.Arr && c.arg(3) != 0 && !c.failed() && c.ret() != 0
                    ? new Value.Changed(before, unsignedBox(c, c.arg(i))) : before;
        }));

        // fcntl prints its command and its argument together at exit: whether there is a third
        // argument at all, and whether it is an output, depends on the command, and the engine
        // prints the separator before exit arguments at entry. Arguments are kept from entry.
        k.arg("fcntl_cmd", ArgKind.atExit((c, i) -> FcntlDecoder.command(c.intArg(i))));
        k.arg("fcntl_arg", ArgKind.atExit((c, i) -> FcntlDecoder.outputLock(c.intArg(1))
                ? FcntlDecoder.exitArg(c, c.arg(i)) : FcntlDecoder.entryArg(c, c.arg(i))));
        k.ret("fcntl", FcntlDecoder.RETURN);

        // ioctl's request is shown at entry, where its decoder also reads what the call was given;
        // the argument follows at exit (as strace's resumed line does: ", {...}").
        k.arg("ioctl_req", ArgKind.atEntryAndExit(Ioctls::request));
        k.arg("ioctl_arg", ArgKind.atExit(Ioctls::argument));
        k.ret("ioctl", Ioctls.RETURN);
    }

    private static ArgKind dirents(boolean old) {
        return ArgKind.atExit((c, i) -> {
            if (c.failed()) {
                return Decode.ptr(c.arg(i));
            }
            byte[] b = c.ret() == 0 ? new byte[0] : c.memory.readFully(c.tid, c.arg(i), (int) c.ret());
            return b == null ? Decode.ptr(c.arg(i))
                    : DirentDecoder.entries(c.arg(i), new Bytes(b), c.options.verbose(), old);
        });
    }

    /**
     * strace's memfd_create flags: the word in hex under -X raw (and with the decoding in a comment
     * under -X verbose), else the MFD_* flags or-ed with {@code N<<MFD_HUGE_SHIFT}.
     */
    static Value memfdFlags(long v) {
        if (v == 0) {
            return Value.Num.hex(0);
        }
        long huge = (v & MFD_HUGE_MASK) >>> MFD_HUGE_SHIFT;
        long rest = v & ~MFD_HUGE_MASK;
        List<Value> parts = new ArrayList<>();
        if (rest != 0 || huge == 0) {
            Xlat.Flags f = Xlat.of("memfd_create_flags").flags(rest);
            if (f.names().isEmpty()) {
                parts.add(new Value.Unknown(rest, Value.Radix.HEX, "MFD_???"));
            } else {
                f.names().forEach(n -> parts.add(new Value.Name(n)));
                if (f.rest() != 0) {
                    parts.add(Value.Num.hex(f.rest()));
                }
            }
        }
        if (huge != 0) {
            parts.add(new Value.Shift(Value.Num.udec(huge), new Value.Name("MFD_HUGE_SHIFT")));
        }
        return new Value.Decoded(v, Value.Radix.HEX, new Value.Or(parts), false);
    }

    private static Value withoutTrailingNul(Value v) {
        if (v instanceof Value.Str s && !s.truncated() && s.bytes().length > 0 && s.bytes()[s.bytes().length - 1] == 0) {
            return new Value.Str(java.util.Arrays.copyOf(s.bytes(), s.bytes().length - 1), false);
        }
        return v;
    }

    /** strace's open modes: the access mode by name, then the other flags, then unnamed bits in hex. */
    static Value openFlags(long flags) {
        List<String> names = new ArrayList<>();
        names.add(Xlat.of("open_access_modes").name(flags & O_ACCMODE));
        Xlat.Flags rest = Xlat.of("open_mode_flags").flags(flags & ~O_ACCMODE);
        names.addAll(rest.names());
        return new Value.Flags(names, rest.rest(), Value.Radix.HEX, flags);
    }

    private interface StructReader {
        Value decode(Call c, Bytes b);
    }

    private static ArgKind out(int size, StructReader reader) {
        return ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), size);
            return b == null ? Decode.ptr(c.arg(i)) : reader.decode(c, b);
        });
    }

    /**
     * struct open_how: flags, mode when creating or non-zero, resolve; then any non-zero bytes
     * of a larger struct the caller passed (up to a page).
     */
    private static Value openHow(Call c, long addr, long size) {
        Bytes b = Long.compareUnsigned(size, OPEN_HOW.size()) < 0 ? null : Decode.struct(c, addr, OPEN_HOW.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long flags = b.u(HOW_FLAGS);
        long mode = b.u(HOW_MODE);
        List<Value.Field> f = new ArrayList<>();
        f.add(field("flags", openFlags(flags)));
        if ((flags & (O_CREAT | O_TMPFILE_BIT)) != 0 || mode != 0) {
            f.add(field("mode", Value.Num.oct(mode)));
        }
        f.add(field("resolve", Decode.flags("open_resolve_flags", b.u(HOW_RESOLVE), "RESOLVE_???")));
        Value extra = Decode.extraBytes(c, addr, OPEN_HOW.size(), Long.compareUnsigned(size, PAGE) < 0 ? size : PAGE);
        if (extra != null) {
            f.add(field(null, extra));
        }
        return new Value.Struct(f, false);
    }

    /** utimensat's two timespecs: UTIME_NOW/UTIME_OMIT by name, other times with a date comment. */
    private static Value utimes(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Bytes b = Decode.struct(c, addr, 32);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value> items = new ArrayList<>();
        for (int off = 0; off < 32; off += 16) {
            items.add(timespec(b.s64(off), b.s64(off + 8)));
        }
        return new Value.Arr(items, false);
    }

    /** utimes and futimesat: two timevals, each with its date. */
    private static Value timevalPair(Call c, long addr) {
        return TimeDecoder.read(c, addr, 32, b -> {
            List<Value> items = new ArrayList<>();
            for (int off = 0; off < 32; off += 16) {
                long sec = b.s64(off), usec = b.s64(off + 8);
                items.add(StatDecoder.timeComment(Decode.struct(field("tv_sec", Value.Num.dec(sec)),
                        field("tv_usec", Value.Num.udec(usec))), sec, usec, 6));
            }
            return new Value.Arr(items, false);
        });
    }

    static Value timespec(long sec, long nsec) {
        Value ts = Decode.struct(field("tv_sec", Value.Num.dec(sec)), field("tv_nsec", Value.Num.udec(nsec)));
        if (nsec == UTIME_NOW || nsec == UTIME_OMIT) {
            // The name instead of the struct; -X raw the struct, -X verbose the struct and the name.
            Value name = new Value.Name(nsec == UTIME_NOW ? "UTIME_NOW" : "UTIME_OMIT");
            return new Value.Styled(ts, name, name);
        }
        return StatDecoder.timeComment(ts, sec, nsec);
    }

    /** strace's printnum_ulong: {@code [n]} unsigned, NULL, or the address when unreadable. */
    private static Value unsignedBox(Call c, long addr) {
        return Decode.indirect(c, addr, 8, Value.Num::udec);
    }

    private static Value int64Box(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Long v = c.memory.readLong(c.tid, addr);
        return v == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.dec(v)), false);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * fcntl: the third argument and the return value both depend on the command. F_GETLK-style
 * commands fill their struct flock, so it is printed at exit; everything else at entry.
 */
final class FcntlDecoder {
    private FcntlDecoder() {}

    static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4;
    static final int F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7;
    static final int F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38;
    static final int F_SETSIG = 10, F_SETLEASE = 1024, F_NOTIFY = 1026;
    static final int F_DUPFD_CLOEXEC = 1030, F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
    static final int F_GETOWN = 9, F_GETSIG = 11, F_GETLEASE = 1025, F_GETPIPE_SZ = 1032;
    static final int F_GETOWN_EX = 16, F_SETOWN_EX = 15;

    /** Commands whose third argument the kernel fills in: printed at exit. */
    static boolean outputLock(int cmd) {
        return cmd == F_GETLK || cmd == F_OFD_GETLK || cmd == F_GETOWN_EX;
    }

    static Value command(int cmd) {
        return Decode.sym("fcntlcmds", cmd, Value.Radix.HEX, "F_???");
    }

    /** The third argument at entry, or null when the command takes none or prints it at exit. */
    static Value entryArg(Call c, long arg) {
        int cmd = c.intArg(1);
        return switch (cmd) {
            case F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE, F_GETPIPE_SZ, F_GET_SEALS,
                 F_GETLK, F_OFD_GETLK, F_GETOWN_EX -> null;
            case F_SETOWN_EX -> ownerEx(c, arg);
            case F_SETSIG -> (int) arg == 0 ? Value.Num.dec(0) : Siginfo.signal((int) arg);
            case F_SETFD -> Decode.flags("fdflags", arg);
            case F_SETFL -> FileKinds.openFlags(arg);
            case F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW -> lock(c, arg, false);
            case F_ADD_SEALS -> Decode.flags("file_seals", arg & 0xffffffffL);
            case F_DUPFD, F_DUPFD_CLOEXEC -> Value.Num.dec((int) arg);
            case F_SETLEASE -> Decode.sym("lockfcmds", (int) arg, Value.Radix.HEX, "F_???");
            default -> {
                if (Xlat.of("fcntlcmds").name(cmd) == null) {
                    yield Value.Num.hex(arg);
                }
                yield Value.Num.dec(arg);
            }
        };
    }

    /** The struct flock a get-lock command filled in (or its address when the call failed). */
    static Value exitArg(Call c, long arg) {
        if (!outputLock(c.intArg(1))) {
            return null;
        }
        if (c.failed()) {
            return Decode.ptr(arg);
        }
        return c.intArg(1) == F_GETOWN_EX ? ownerEx(c, arg) : lock(c, arg, true);
    }

    /** struct f_owner_ex: {type=F_OWNER_TID, pid=0}. */
    private static Value ownerEx(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, 8);
        if (b == null) {
            return Decode.ptr(addr);
        }
        return Decode.struct(field("type", Decode.sym("f_owner_types", b.s32(0), Value.Radix.HEX, "F_OWNER_???")),
                field("pid", Value.Num.dec(b.s32(4))));
    }

    /** struct flock (x86_64): l_type, l_whence (16 bit), l_start, l_len, l_pid; l_pid only when read back. */
    static Value lock(Call c, long addr, boolean withPid) {
        Bytes b = Decode.struct(c, addr, 32);
        if (b == null) {
            return Decode.ptr(addr);
        }
        return lock(b, withPid);
    }

    static Value lock(Bytes b, boolean withPid) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("l_type", Decode.sym("lockfcmds", (short) b.u16(0), Value.Radix.HEX, "F_???")));
        f.add(field("l_whence", Decode.sym("whence_codes", (short) b.u16(2), Value.Radix.HEX, "SEEK_???")));
        f.add(field("l_start", Value.Num.dec(b.s64(8))));
        f.add(field("l_len", Value.Num.dec(b.s64(16))));
        if (withPid) {
            f.add(field("l_pid", Value.Num.dec(b.s32(24))));
        }
        return new Value.Struct(f, false);
    }

    /** The return value: a new fd, flags in hex with their names, or a plain number. */
    static final ReturnKind RETURN = new ReturnKind() {
        @Override
        public Value decode(Call c) {
            return switch (c.intArg(1)) {
                case F_DUPFD, F_DUPFD_CLOEXEC -> Decode.fd(c, (int) c.ret());
                case F_GETFD, F_GETFL, F_GET_SEALS -> Value.Num.hex(c.ret());
                default -> Value.Num.dec(c.ret());
            };
        }

        @Override
        public List<Value> details(Call c) {
            long r = c.ret();
            return ReturnKind.one(switch (c.intArg(1)) {
                case F_GETFD -> r == 0 ? null : labelled("flags", Decode.flags("fdflags", r));
                case F_GETFL -> labelled("flags", FileKinds.openFlags(r));
                case F_GET_SEALS -> r == 0 ? null : labelled("seals", Decode.flags("file_seals", r));
                case F_GETLEASE -> Decode.sym("lockfcmds", r, Value.Radix.HEX, "F_???");
                case F_GETSIG -> r == 0 ? null : Siginfo.signal((int) r);
                default -> null;
            });
        }
    };

    private static Value labelled(String label, Value v) {
        return new Value.Labeled(label, v);
    }
}

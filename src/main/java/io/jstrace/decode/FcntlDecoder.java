package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * fcntl as strace's print_fcntl decodes it: the third argument and the return value both depend
 * on the command. F_GETLK-style commands fill their struct, so it is printed at exit; everything
 * else at entry. Commands strace does not list print their argument in hex.
 */
final class FcntlDecoder {
    private FcntlDecoder() {}

    static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4;
    static final int F_GETLK = 5, F_SETLK = 6, F_SETLKW = 7, F_SETOWN = 8, F_GETOWN = 9;
    private static final int F_OWNER_TID = 0, F_OWNER_PGRP = 2;
    static final int F_SETSIG = 10, F_GETSIG = 11, F_SETOWN_EX = 15, F_GETOWN_EX = 16;
    static final int F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38;
    static final int F_SETLEASE = 1024, F_GETLEASE = 1025, F_NOTIFY = 1026;
    static final int F_DUPFD_CLOEXEC = 1030, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032;
    static final int F_ADD_SEALS = 1033, F_GET_SEALS = 1034;

    private static final Layout FLOCK = Layout.of("flock"), OWNER = Layout.of("f_owner_ex");
    private static final Layout.Field L_TYPE = FLOCK.field("l_type"), L_WHENCE = FLOCK.field("l_whence"),
            L_START = FLOCK.field("l_start"), L_LEN = FLOCK.field("l_len"), L_PID = FLOCK.field("l_pid");
    private static final Layout.Field OWNER_TYPE = OWNER.field("type"), OWNER_PID = OWNER.field("pid");

    /** Commands whose third argument the kernel fills in: printed at exit. */
    static boolean outputLock(int cmd) {
        return cmd == F_GETLK || cmd == F_OFD_GETLK || cmd == F_GETOWN_EX;
    }

    static Value command(int cmd) {
        return Decode.sym("fcntlcmds", cmd & 0xffffffffL, Value.Radix.HEX, "F_???");
    }

    /** The third argument at entry, or null when the command takes none or prints it at exit. */
    static Value entryArg(Call c, long arg) {
        return switch (c.intArg(1)) {
            case F_GETFD, F_GETFL, F_GETOWN, F_GETSIG, F_GETLEASE, F_GETPIPE_SZ, F_GET_SEALS,
                 F_GETLK, F_OFD_GETLK, F_GETOWN_EX -> null;
            case F_SETFD -> Decode.flags("fdflags", arg, "FD_???");
            case F_SETOWN -> Pids.processOrGroup(c, (int) arg);
            case F_SETPIPE_SZ, F_DUPFD, F_DUPFD_CLOEXEC -> Value.Num.dec(arg);
            case F_SETFL -> FileKinds.openFlags(arg & 0xffffffffL);
            case F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW -> lock(c, arg, false);
            case F_SETOWN_EX -> ownerEx(c, arg);
            case F_NOTIFY -> Decode.flags("notifyflags", arg, "DN_???");
            case F_SETLEASE -> Decode.sym("lockfcmds", arg, Value.Radix.HEX, "F_???");
            case F_ADD_SEALS -> Decode.flags("file_seals", arg, "F_SEAL_???");
            case F_SETSIG -> Siginfo.signal((int) arg);
            default -> Value.Num.hex(arg);
        };
    }

    /** The struct a get command filled in (or its address when the call failed). */
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
        Bytes b = Decode.struct(c, addr, OWNER.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        int type = (int) b.s(OWNER_TYPE);
        Pids.Type pidType = type == F_OWNER_TID ? Pids.Type.TID : type == F_OWNER_PGRP ? Pids.Type.PGID : Pids.Type.TGID;
        return Decode.struct(field("type", Decode.sym("f_owner_types", type, Value.Radix.HEX, "F_OWNER_???")),
                field("pid", Pids.of(c, (int) b.s(OWNER_PID), pidType)));
    }

    /** struct flock: l_type, l_whence, l_start, l_len; l_pid only when read back. */
    static Value lock(Call c, long addr, boolean withPid) {
        Bytes b = Decode.struct(c, addr, FLOCK.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        return lock(c, b, withPid);
    }

    static Value lock(Call c, Bytes b, boolean withPid) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("l_type", Decode.sym("lockfcmds", b.s(L_TYPE), Value.Radix.HEX, "F_???")));
        f.add(field("l_whence", Decode.sym("whence_codes", b.s(L_WHENCE), Value.Radix.HEX, "SEEK_???")));
        f.add(field("l_start", Value.Num.dec(b.s(L_START))));
        f.add(field("l_len", Value.Num.dec(b.s(L_LEN))));
        if (withPid) {
            f.add(field("l_pid", Pids.of(c, (int) b.s(L_PID), Pids.Type.TGID)));
        }
        return new Value.Struct(f, false);
    }

    /** The return value: a new fd, flags or a lease in hex with their names, or a plain number. */
    static final ReturnKind RETURN = new ReturnKind() {
        @Override
        public Value decode(Call c) {
            long r = c.ret();
            return switch (c.intArg(1)) {
                case F_DUPFD, F_DUPFD_CLOEXEC -> Decode.fd(c, (int) r);
                case F_GETFL, F_GETLEASE -> Value.Num.hex(r);
                case F_GETFD, F_GET_SEALS -> r == 0 ? Value.Num.dec(r) : Value.Num.hex(r);
                // A negative owner is a process group, which strace does not translate.
                case F_GETOWN -> Pids.of(c, (int) r, Pids.Type.TGID);
                default -> Value.Num.dec(r);
            };
        }

        @Override
        public List<Value> details(Call c) {
            long r = c.ret();
            return ReturnKind.one(switch (c.intArg(1)) {
                case F_GETFD -> r == 0 ? null : new Value.Labeled("flags", Decode.flags("fdflags", r));
                case F_GETFL -> new Value.Labeled("flags", FileKinds.openFlags(r));
                case F_GET_SEALS -> r == 0 ? null : new Value.Labeled("seals", Decode.flags("file_seals", r));
                case F_GETLEASE -> {
                    String name = io.jstrace.xlat.Xlat.of("lockfcmds").name(r);
                    yield name == null ? null : new Value.Name(name); // strace's auxstr: the name whatever -X says
                }
                case F_GETSIG -> r == 0 ? null : signalName((int) r);
                default -> null;
            });
        }
    };

    /** F_GETSIG's auxiliary text: the name when there is one (whatever -X says), nothing otherwise. */
    private static Value signalName(int sig) {
        String name = Siginfo.signalName(sig);
        return name == null ? null : new Value.Name(name);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** clone's named arguments and clone3's {@code struct clone_args}. */
final class CloneDecoder {
    private CloneDecoder() {}

    static final long CSIGNAL = 0xff;
    static final long CLONE_PIDFD = 0x1000, CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000,
            CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000, CLONE_INTO_CGROUP = 0x200000000L;

    /** strace prints clone's arguments as {@code name=value}. */
    static Value named(String name, Value v) {
        return new Value.Field(name, v);
    }

    /** The flags with the exit signal in the low byte: {@code CLONE_VM|...|SIGCHLD}. */
    static Value flags(long raw) {
        long flags = raw & ~CSIGNAL;
        int sig = (int) (raw & CSIGNAL);
        if (flags == 0) {
            return Siginfo.signal(sig);
        }
        Xlat.Flags x = Xlat.of("clone_flags").flags(flags);
        Value f = new Value.Flags(x.names(), x.rest(), Value.Radix.HEX, flags);
        return sig != 0 ? new Value.Or(f, Siginfo.signal(sig)) : f;
    }

    /** clone_flags then clone3_flags for the high bits (strace's printflags_ex over both tables). */
    static Value cloneFlags(long flags) {
        Xlat.Flags a = Xlat.of("clone_flags").flags(flags);
        Xlat.Flags b = Xlat.of("clone3_flags").flags(a.rest());
        List<String> names = new ArrayList<>(a.names());
        names.addAll(b.names());
        return new Value.Flags(names, b.rest(), Value.Radix.HEX, flags);
    }

    /*
     * The parts of clone printed at exit, each null when the flags do not use it. strace prints
     * parent_tid, tls, child_tidptr in that order although tls is the last argument.
     */
    static Value parentTid(Call c) {
        long flags = c.arg(0) & ~CSIGNAL;
        if ((flags & (CLONE_PARENT_SETTID | CLONE_PIDFD)) == 0) {
            return null;
        }
        return named("parent_tid", intAt(c, c.arg(2), false));
    }

    static Value childTid(Call c) {
        return (c.arg(0) & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0
                ? named("child_tidptr", Decode.ptr(c.arg(3))) : null;
    }

    static Value tls(Call c) {
        return (c.arg(0) & CLONE_SETTLS) != 0 ? named("tls", Decode.ptr(c.arg(4))) : null;
    }

    /** printnum_int: {@code [N]}, or the address when unreadable. */
    static Value intAt(Call c, long addr, boolean unsigned) {
        Bytes b = Decode.struct(c, addr, 4);
        if (b == null) {
            return Decode.ptr(addr);
        }
        Value v = unsigned ? Value.Num.udec(b.u32(0)) : Value.Num.dec(b.s32(0));
        return new Value.Arr(List.of(v), false);
    }

    static final int CLONE_ARGS_MIN = 64;
    static final int CLONE_ARGS_SIZE = 88;

    /** clone3's struct at entry, and after a successful call {@code => {parent_tid=[N]}}. */
    static Value cloneArgs(Call c) {
        long addr = c.arg(0);
        long size = c.arg(1);
        int fetch = (int) Math.min(size, CLONE_ARGS_SIZE);
        if (fetch < CLONE_ARGS_MIN) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, fetch);
        if (b == null) {
            return Decode.ptr(addr);
        }
        long flags = b.s64(0);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("flags", cloneFlags(flags)));
        if ((flags & CLONE_PIDFD) != 0) {
            f.add(Decode.field("pidfd", Decode.ptr(b.s64(8))));
        }
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            f.add(Decode.field("child_tid", Decode.ptr(b.s64(16))));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            f.add(Decode.field("parent_tid", Decode.ptr(b.s64(24))));
        }
        long exitSignal = b.s64(32);
        f.add(Decode.field("exit_signal", Long.compareUnsigned(exitSignal, Integer.MAX_VALUE) < 0
                ? Siginfo.signal((int) exitSignal) : Value.Num.udec(exitSignal)));
        f.add(Decode.field("stack", Decode.ptr(b.s64(40))));
        f.add(Decode.field("stack_size", Value.Num.hex(b.s64(48))));
        if ((flags & CLONE_SETTLS) != 0) {
            f.add(Decode.field("tls", Decode.ptr(b.s64(56))));
        }
        if (fetch >= 80 && (b.s64(64) != 0 || b.s64(72) != 0)) {
            f.add(Decode.field("set_tid", Decode.ptr(b.s64(64))));
            f.add(Decode.field("set_tid_size", Value.Num.udec(b.s64(72))));
        }
        if (fetch > 80 && (b.s64(80) != 0 || (flags & CLONE_INTO_CGROUP) != 0)) {
            f.add(Decode.field("cgroup", Value.Num.udec(b.s64(80))));
        }
        Value in = new Value.Struct(f, false);
        if (!c.exited() || c.failed() || (flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) == 0) {
            return in;
        }
        List<Value.Field> out = new ArrayList<>();
        if ((flags & CLONE_PIDFD) != 0) {
            out.add(Decode.field("pidfd", intAt(c, b.s64(8), false)));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            out.add(Decode.field("parent_tid", intAt(c, b.s64(24), false)));
        }
        return new Value.Changed(in, new Value.Struct(out, false));
    }
}

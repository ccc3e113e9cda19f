package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** clone's named arguments and clone3's {@code struct clone_args}, as strace's clone.c prints them. */
final class CloneDecoder {
    private CloneDecoder() {}

    static final long CSIGNAL = 0xff;
    static final long CLONE_PIDFD = 0x1000, CLONE_SETTLS = 0x80000, CLONE_PARENT_SETTID = 0x100000,
            CLONE_CHILD_CLEARTID = 0x200000, CLONE_CHILD_SETTID = 0x1000000, CLONE_INTO_CGROUP = 0x200000000L;

    private static final Layout ARGS = Layout.of("clone_args");
    private static final Layout.Field FLAGS = ARGS.field("flags"), PIDFD = ARGS.field("pidfd"),
            CHILD_TID = ARGS.field("child_tid"), PARENT_TID = ARGS.field("parent_tid"),
            EXIT_SIGNAL = ARGS.field("exit_signal"), STACK = ARGS.field("stack"), STACK_SIZE = ARGS.field("stack_size"),
            TLS = ARGS.field("tls"), SET_TID = ARGS.field("set_tid"), SET_TID_SIZE = ARGS.field("set_tid_size"),
            CGROUP = ARGS.field("cgroup");
    /** The first version of the struct ends with tls; a smaller size is not decoded. */
    private static final int ARGS_MIN = TLS.offset() + TLS.size();
    /** The kernel's limit on set_tid's length (the number of pid namespace levels). */
    private static final long MAX_SET_TID = 32;
    /** strace shows the bytes past the struct it knows up to a page. */
    private static final long PAGE = 4096;

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
        Value f = Decode.flags("clone_flags", flags, "CLONE_???");
        return sig != 0 ? new Value.Or(f, Siginfo.signal(sig)) : f;
    }

    /** clone_flags then clone3_flags for the high bits (strace's printflags_ex over both tables). */
    static Value cloneFlags(long flags) {
        Xlat.Flags a = Xlat.of("clone_flags").flags(flags);
        Xlat.Flags b = Xlat.of("clone3_flags").flags(a.rest());
        List<String> names = new ArrayList<>(a.names());
        names.addAll(b.names());
        return new Value.Flags(names, b.rest(), Value.Radix.HEX, flags, "CLONE_???");
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
        return named("parent_tid", (flags & CLONE_PARENT_SETTID) != 0 ? pidAt(c, c.arg(2)) : fdAt(c, c.arg(2)));
    }

    static Value childTid(Call c) {
        return (c.arg(0) & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0
                ? named("child_tidptr", Decode.ptr(c.arg(3))) : null;
    }

    static Value tls(Call c) {
        return (c.arg(0) & CLONE_SETTLS) != 0 ? named("tls", Decode.ptr(c.arg(4))) : null;
    }

    /** printnum_pid: {@code [N]} (a thread id: -Y names it), or the address. */
    private static Value pidAt(Call c, long addr) {
        return Decode.indirect(c, addr, 4, v -> Pids.of(c, (int) v, Pids.Type.TID));
    }

    /** printnum_fd: {@code [3<anon_inode:[pidfd]>]} under -y, or the address. */
    private static Value fdAt(Call c, long addr) {
        return Decode.indirect(c, addr, 4, v -> Decode.fd(c, (int) v));
    }

    /** clone3's struct at entry, and after a successful call what the kernel wrote: {@code => {parent_tid=[N]}}. */
    static Value cloneArgs(Call c) {
        long addr = c.arg(0);
        long size = c.arg(1);
        int fetch = (int) Math.min(size, ARGS.size());
        if (fetch < ARGS_MIN) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, fetch);
        Value saved = c.saved[0] instanceof Value v ? v : null;
        if (b == null) {
            return saved == null ? Decode.ptr(addr) : c.failed() ? saved : new Value.Changed(saved, Decode.ptr(addr));
        }
        b = padded(b);
        Value in = saved != null ? saved : argsAtEntry(c, b, fetch);
        c.saved[0] = in;
        long flags = b.u(FLAGS);
        if (!c.exited() || c.failed() || ((flags & (CLONE_PIDFD | CLONE_PARENT_SETTID)) == 0 && size <= fetch)) {
            return in;
        }
        List<Value.Field> out = new ArrayList<>();
        if ((flags & CLONE_PIDFD) != 0) {
            out.add(Decode.field("pidfd", fdAt(c, b.u(PIDFD))));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            out.add(Decode.field("parent_tid", pidAt(c, b.u(PARENT_TID))));
        }
        Value extra = Decode.extraBytes(c, addr, fetch, Math.min(size, PAGE));
        if (extra != null) {
            out.add(Decode.field(null, extra));
        }
        return out.isEmpty() ? in : new Value.Changed(in, new Value.Struct(out, false));
    }

    private static Value argsAtEntry(Call c, Bytes b, int fetch) {
        long flags = b.u(FLAGS);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("flags", cloneFlags(flags)));
        if ((flags & CLONE_PIDFD) != 0) {
            f.add(Decode.field("pidfd", Decode.ptr(b.u(PIDFD))));
        }
        if ((flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0) {
            f.add(Decode.field("child_tid", Decode.ptr(b.u(CHILD_TID))));
        }
        if ((flags & CLONE_PARENT_SETTID) != 0) {
            f.add(Decode.field("parent_tid", Decode.ptr(b.u(PARENT_TID))));
        }
        long exitSignal = b.u(EXIT_SIGNAL);
        f.add(Decode.field("exit_signal", Long.compareUnsigned(exitSignal, Integer.MAX_VALUE) < 0
                ? Siginfo.signal((int) exitSignal) : Value.Num.udec(exitSignal)));
        f.add(Decode.field("stack", Decode.ptr(b.u(STACK))));
        f.add(Decode.field("stack_size", Value.Num.hex(b.u(STACK_SIZE))));
        if ((flags & CLONE_SETTLS) != 0) {
            f.add(Decode.field("tls", Decode.ptr(b.u(TLS))));
        }
        long setTid = b.u(SET_TID), setTidSize = b.u(SET_TID_SIZE);
        if (setTid != 0 || setTidSize != 0) {
            f.add(Decode.field("set_tid", setTid == 0 || setTidSize == 0 || Long.compareUnsigned(setTidSize, MAX_SET_TID) > 0
                    ? Decode.ptr(setTid) : IoArrays.array(c, setTid, setTidSize, 4, e -> Value.Num.dec(e.s32(0)))));
            f.add(Decode.field("set_tid_size", Value.Num.udec(setTidSize)));
        }
        if (fetch > CGROUP.offset() && (b.u(CGROUP) != 0 || (flags & CLONE_INTO_CGROUP) != 0)) {
            f.add(Decode.field("cgroup", Value.Num.udec(b.u(CGROUP))));
        }
        Value extra = Decode.extraBytes(c, c.arg(0), fetch, Math.min(c.arg(1), PAGE));
        if (extra != null) {
            f.add(Decode.field(null, extra));
        }
        return new Value.Struct(f, false);
    }

    /** The struct with the fields past a smaller caller's version zero (strace reads into a zeroed struct). */
    private static Bytes padded(Bytes b) {
        return b.length() >= ARGS.size() ? b : new Bytes(java.util.Arrays.copyOf(b.b(), ARGS.size()));
    }
}

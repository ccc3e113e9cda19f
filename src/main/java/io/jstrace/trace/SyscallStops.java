package io.jstrace.trace;

import io.jstrace.decode.Call;
import io.jstrace.decode.Pids;
import io.jstrace.linux.CloneUntraced;
import io.jstrace.linux.Ptrace;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.linux.SyscallInfo;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;

import java.util.List;

/**
 * A thread's syscall-entry and syscall-exit stops: reads the call (PTRACE_GET_SYSCALL_INFO),
 * filters it (-e trace=, -P), has {@link CallDecoding} decode it, tampers with it (-e inject=),
 * dumps its data (-e read=/write=), takes its stack (-k) and counts it (--syscall-limit).
 */
final class SyscallStops {
    private final Tracer.Config config;
    private final PendingEvents events;
    private final Stacks stacks;
    private final RemoteMemory memory;
    private final SyscallTable table;
    private final Injector injector;
    private final IoDumper dumper;
    private final SyscallInfo info = new SyscallInfo();
    private final Pids pids;
    /** The calls that end the launch: the command's execve is the first call shown. */
    private final int execve, execveat;
    /** Shown calls still allowed by --syscall-limit; counts down to 0 when a limit is set. */
    private long callsLeft;
    /** -d: say so when a call's number is not in the table, as strace's debug output does. */
    private boolean debug;

    SyscallStops(Tracer.Config config, PendingEvents events, Stacks stacks, RemoteMemory memory, SyscallTable table,
                 Pids pids) {
        this.pids = pids;
        this.config = config;
        this.events = events;
        this.stacks = stacks;
        this.memory = memory;
        this.table = table;
        this.injector = new Injector(config.tampering(), memory, config.warnings());
        this.dumper = new IoDumper(config.qualifiers().readFds(), config.qualifiers().writeFds());
        this.execve = table.number("execve");
        this.execveat = table.number("execveat");
        this.callsLeft = config.qualifiers().syscallLimit();
    }

    /** A syscall stop, putting back first a CLONE_UNTRACED that {@link #seccompEntry} cleared. */
    void syscallStop(Task t) {
        if (t.untracedUndo != null) {
            t.untracedUndo.apply(t.tid);
            t.untracedUndo = null;
        }
        stop(t);
    }

    /**
     * A RET_TRACE stop of --seccomp-bpf, the entry of a call under PTRACE_CONT: CLONE_UNTRACED is
     * cleared until its exit, so that a child it creates is traced.
     */
    void seccompEntry(Task t) {
        stop(t);
        t.untracedUndo = CloneUntraced.clear(t.tid, info, memory);
    }

    void debug(boolean debug) {
        this.debug = debug;
    }

    /** Whether --syscall-limit is set and that many calls were shown. */
    boolean limitReached() {
        return config.qualifiers().syscallLimit() > 0 && callsLeft == 0;
    }

    /** The instruction pointer of a thread at a stop that is not a syscall stop (-i). */
    long ip(int tid) {
        return Ptrace.syscallInfo(tid, info) ? info.instructionPointer() : Event.NO_IP;
    }

    /** Reports the call {@code t} is in, if shown, as one that never returned ({@code = ?}): the thread is gone. */
    void unfinished(Task t) {
        if (t.inSyscall && t.call != null && !t.hidden) {
            emitExit(t, t.call, t.call.decoded().exitArgs(), new Event.Result.None(), Event.NO_IP);
        }
    }

    /**
     * {@code t} stopped on its way out (PTRACE_EVENT_EXIT): the call it is in never returns. Its
     * stack taken at entry (-k) is kept for its death, where strace prints it.
     */
    void exiting(Task t) {
        if (t.inSyscall) {
            t.exitingCall = t.call;
            unfinished(t);
            t.inSyscall = false;
        }
    }

    private void stop(Task t) {
        if (!Ptrace.syscallInfo(t.tid, info)) {
            return;
        }
        switch (info.op()) {
            case SyscallInfo.OP_ENTRY, SyscallInfo.OP_SECCOMP -> entry(t);
            case SyscallInfo.OP_EXIT -> exit(t);
            default -> { }
        }
    }

    private void entry(Task t) {
        t.inSyscall = true;
        int nr = (int) info.number();
        // The execve that ends the launch is never tampered with, as in strace.
        boolean launchExec = t.hidden && !t.launchExecFailed && (nr == execve || nr == execveat);
        if (launchExec) {
            t.hidden = false;
            t.launchExec = true;
        }
        t.call = null;
        Syscall sc = table.byNumber(nr);
        if (sc == null && debug) {
            config.warnings().accept("pid " + t.tid + " invalid syscall 0x" + Long.toHexString(info.number()));
        }
        stacks.syscallEntered(sc);
        if (t.hidden || !config.selection().shows(sc)) {
            return;
        }
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = info.arg(i);
        }
        if (config.paths() != null && !config.paths().matches(t.tid, sc, args, memory)) {
            return;
        }
        if (!launchExec) {
            injector.enter(t, nr, sc, args); // before decoding: what poke_enter= writes is shown
            nameAgain(t);
        }
        Call call = new Call(t.tid, nr, args, memory, config.qualifiers().decode(config.decode(), sc), config.fdPaths(),
                pids);
        call.previous = t.lastShown;
        CallDecoding d = CallDecoding.entry(call, sc, config.decodeArgs(), config.qualifiers().raw(sc));
        long entryNanos = events.nanoTime();
        // -k: strace shows the new program's stack after the launch, not the launcher's.
        t.call = new CallInProgress(d, entryNanos, t.systemNanos, launchExec ? null : stacks.atEntry(t, d.name()));
        events.add(new Event.SyscallEntry(t.pid, t.tid, events.now(), nr, d.name(), d.entryArgs(), d.rest(),
                info.instructionPointer(), args));
    }

    /**
     * -Y: the name a shown call's line goes by, read again as strace reads it for each line: a
     * thread renames itself (prctl PR_SET_NAME, a write to /proc/self/comm) in calls that may
     * not stop at all under --seccomp-bpf.
     */
    private void nameAgain(Task t) {
        if (config.decode().pidComm()) {
            String now = Proc.comm(t.tid);
            if (now != null && !now.equals(t.name)) {
                t.name = now;
                events.add(new Event.Renamed(t.pid, t.tid, events.now(), now));
            }
        }
    }

    private void exit(Task t) {
        if (!t.inSyscall) {
            return;
        }
        t.inSyscall = false;
        CallInProgress c = t.call;
        boolean execFailed = t.launchExec && info.isError();
        t.launchExec = false;
        if (c != null && !t.hidden) {
            exitShown(t, c);
        }
        if (execFailed) {
            // The launcher exits with status 1 next, as strace's child does after its message; like
            // strace, jstrace hides its calls again unless the execve was left out of the trace.
            t.hidden = c != null;
            t.launchExecFailed = true;
            events.deliver();
            config.warnings().accept("exec: " + Errnos.message((int) -info.returnValue()));
        }
    }

    private void exitShown(Task t, CallInProgress c) {
        CallDecoding d = c.decoded();
        Call call = d.call();
        call.exit(info.returnValue(), info.isError());
        injector.exit(t, table.byNumber(call.number), call); // may replace the result: the exit's arguments are decoded with the injected one
        d.exit(call.ret(), call.failed());
        t.lastShown = d.name();
        Event.Result r = d.result();
        emitExit(t, c, d.exitArgs(), r, info.instructionPointer());
        Event.IoDump dump = dumper.dump(t.pid, call, c.decoded().name(), events.now());
        if (dump != null) {
            events.add(dump);
        }
        if (!stacks.fromEntry(t, c)) {
            stacks.now(t);
        }
        if (callsLeft > 0 && config.qualifiers().counted().test(r)) {
            callsLeft--;
        }
    }

    private void emitExit(Task t, CallInProgress c, List<Value> shown, Event.Result r, long ip) {
        events.add(new Event.SyscallExit(t.pid, t.tid, events.now(), c.decoded().call().number, c.decoded().name(), shown, r,
                events.nanoTime() - c.entryNanos(), config.systemTime() ? t.systemNanos - c.entrySystemNanos() : -1,
                t.tampering.outcome(), ip));
        t.call = null;
    }
}

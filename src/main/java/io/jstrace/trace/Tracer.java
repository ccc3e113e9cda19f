package io.jstrace.trace;

import io.jstrace.decode.ArgKind;
import io.jstrace.decode.Bytes;
import io.jstrace.decode.Siginfo;
import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.decode.Phase;
import io.jstrace.decode.Signature;
import io.jstrace.decode.Signatures;
import io.jstrace.linux.CloneUntraced;
import io.jstrace.linux.Errno;
import io.jstrace.linux.Ptrace;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.SyscallInfo;
import io.jstrace.linux.Sys;
import io.jstrace.linux.WaitStatus;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The ptrace event loop. Must run on one platform thread from start to end: the kernel accepts
 * ptrace requests for a tracee only from the thread that attached it.
 */
public final class Tracer {
    private static final int SIGTRAP = 5, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22,
            SIGKILL = 9, SIGCONT = 18;
    private static final int NR_EXECVE = 59, NR_EXECVEAT = 322;

    public record Config(boolean followForks, Selection selection, DecodeOptions decode, FdPaths fdPaths) {}

    private final Config config;
    private final Sink sink;
    private final SyscallTable table = SyscallTable.x86_64();
    private final Signatures signatures = Signatures.standard();
    private final Map<Integer, Task> tasks = new HashMap<>();
    private final Arena arena = Arena.ofConfined();
    private final SyscallInfo info = new SyscallInfo(arena);
    private final MemorySegment status = arena.allocate(JAVA_INT);
    private final MemorySegment scratch = Ptrace.scratch(arena);
    private final RemoteMemory memory = new RemoteMemory();
    private final long startNanos = System.nanoTime();
    private final long startEpochNanos = System.currentTimeMillis() * 1_000_000L;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private int options;
    private int mainPid;
    private int mainStatus;
    private volatile int waker;
    private SeccompLaunch seccomp = SeccompLaunch.NONE;
    private int launchFailure;

    public Tracer(Config config, Sink sink) {
        this.config = config;
        this.sink = sink;
    }

    private int baseOptions() {
        int o = Ptrace.O_TRACESYSGOOD | Ptrace.O_TRACEEXEC;
        if (config.followForks()) {
            o |= Ptrace.O_TRACEFORK | Ptrace.O_TRACEVFORK | Ptrace.O_TRACECLONE;
        }
        return o;
    }

    /** The seccomp filter {@link #runCommand} installs in the command; none unless set. */
    public void seccomp(SeccompLaunch launch) {
        this.seccomp = launch;
    }

    /** Starts {@code argv} (its program already resolved to {@code path}) and traces it to the end. */
    public int runCommand(String path, List<String> argv, Spawn.Inheritance inheritance,
                          java.util.function.IntConsumer started) throws Errno {
        mainPid = Spawn.stoppedBeforeExec(path, argv, inheritance, seccomp.program(), seccomp.fallback() == null);
        started.accept(mainPid);
        options = baseOptions() | Ptrace.O_EXITKILL | (seccomp.stopsOnTracedOnly() ? Ptrace.O_TRACESECCOMP : 0);
        Ptrace.seize(mainPid, options);
        Task t = newTask(mainPid, Event.How.STARTED);
        t.hidden = true;
        Sys.kill(mainPid, SIGCONT);
        loop();
        if (launchFailure != 0) {
            throw new Errno("seccomp(SECCOMP_SET_MODE_FILTER)", launchFailure);
        }
        return mainStatus;
    }

    /**
     * Attaches to every thread of each process in {@code pids} and traces until they end or
     * {@link #interrupt()} is called; then detaches, leaving them running.
     */
    public int runAttached(List<Integer> pids, java.util.function.Consumer<String> warn) throws Errno {
        options = baseOptions();
        waker = Spawn.stoppedBeforeExec("/", List.of("jstrace-waker"), new Spawn.Inheritance(java.util.Set.of(), 0, 0, List.of()));
        int attached = 0;
        for (int pid : pids) {
            for (int tid : Proc.threads(pid)) {
                try {
                    Ptrace.seize(tid, options);
                    Ptrace.interrupt(tid);
                    newTask(tid, Event.How.ATTACHED);
                    attached++;
                } catch (Errno e) {
                    warn.accept("attach: ptrace(PTRACE_SEIZE, " + tid + "): " + Errnos.message(e.errno()));
                }
            }
        }
        if (attached == 0) {
            Sys.kill(waker, SIGKILL);
            reap(waker);
            return 1;
        }
        loop();
        return 0;
    }

    /** Asks the loop to detach from everything and stop; safe from any thread. */
    public void interrupt() {
        if (interrupted.compareAndSet(false, true) && waker > 0) {
            Sys.kill(waker, SIGKILL);
        }
    }

    private Task newTask(int tid, Event.How how) {
        Task t = new Task(tid);
        tasks.put(tid, t);
        sink.accept(new Event.Attached(tid, now(), how));
        return t;
    }

    private long now() {
        return startEpochNanos + (System.nanoTime() - startNanos);
    }

    private void loop() {
        while (!tasks.isEmpty()) {
            int tid = Sys.waitpid(-1, status, Sys.WALL);
            if (tid < 0) {
                if (-tid == Errno.ECHILD) {
                    break;
                }
                continue;
            }
            if (tid == waker) {
                waker = -1;
                if (interrupted.get()) {
                    detachAll();
                    return;
                }
                continue;
            }
            handle(tid, Sys.status(status));
        }
        if (waker > 0) {
            Sys.kill(waker, SIGKILL);
            reap(waker);
        }
    }

    private void reap(int pid) {
        Sys.waitpid(pid, status, Sys.WALL);
    }

    private void handle(int tid, int s) {
        Task t = tasks.get(tid);
        if (t == null) {
            if (!WaitStatus.stopped(s)) {
                return; // a child of the JVM that is no tracee (e.g. bin/jstrace's environment pipe writer)
            }
            // A new child can report its first stop before its parent reports the fork event.
            t = newTask(tid, Event.How.FOLLOWED);
        }
        if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
            gone(t, s);
            return;
        }
        int sig = WaitStatus.stopSignal(s);
        if (sig == (SIGTRAP | 0x80)) {
            syscallStopUnderSeccomp(t);
            resume(t, 0);
            return;
        }
        int event = WaitStatus.event(s);
        if (event != 0) {
            eventStop(t, event, sig);
            return;
        }
        signalStop(t, sig);
    }

    private void gone(Task t, int s) {
        if (t.inSyscall && t.call != null && !t.hidden) {
            emitExit(t, new Event.Result.None());
        }
        tasks.remove(t.tid);
        if (t.tid == mainPid) {
            mainStatus = s;
        }
        if (t.hidden && seccomp.installs() && t.tid == mainPid && WaitStatus.exited(s)) {
            launchFailure = WaitStatus.exitCode(s); // the launcher exits with the errno of a required filter's seccomp()
        }
        if (t.hidden) {
            return;
        }
        if (WaitStatus.exited(s)) {
            sink.accept(new Event.Exited(t.tid, now(), WaitStatus.exitCode(s)));
        } else {
            sink.accept(new Event.Killed(t.tid, now(), WaitStatus.termSignal(s), WaitStatus.coreDumped(s)));
        }
    }

    private void eventStop(Task t, int event, int sig) {
        switch (event) {
            case Ptrace.EVENT_STOP -> {
                if (!t.hidden && (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)) {
                    // Group-stop: report it and let job control keep the thread stopped.
                    sink.accept(new Event.Stopped(t.tid, now(), sig));
                    Ptrace.listen(t.tid);
                } else {
                    resume(t, 0);
                }
            }
            case Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK, Ptrace.EVENT_CLONE -> {
                try {
                    int child = (int) Ptrace.eventMessage(t.tid, scratch);
                    if (!tasks.containsKey(child)) {
                        newTask(child, Event.How.FOLLOWED);
                    }
                } catch (Errno e) {
                    // The parent vanished; its child, if any, reports itself.
                }
                resume(t, 0);
            }
            case Ptrace.EVENT_EXEC -> {
                execEvent(t);
                resume(t, 0);
            }
            case Ptrace.EVENT_SECCOMP -> {
                // A RET_TRACE call: under PTRACE_CONT this stop is its entry. (The launcher runs
                // under PTRACE_SYSCALL, so its execve has had its entry stop already.)
                if (!t.inSyscall) {
                    syscallStop(t);
                    t.untracedUndo = CloneUntraced.clear(t.tid, info, memory);
                }
                resume(t, 0);
            }
            default -> resume(t, 0);
        }
    }

    /** After execve the thread group leader's tid carries on; a non-leader that exec'd takes its place. */
    private void execEvent(Task t) {
        int former;
        try {
            former = (int) Ptrace.eventMessage(t.tid, scratch);
        } catch (Errno e) {
            return;
        }
        if (former != t.tid) {
            Task execing = tasks.remove(former);
            if (execing != null) {
                if (t.inSyscall && t.call != null && !t.hidden) {
                    emitExit(t, new Event.Result.None());
                }
                sink.accept(new Event.Superseded(t.tid, now(), former));
                execing.tid = t.tid;
                tasks.put(t.tid, execing);
            }
        }
    }

    private void signalStop(Task t, int sig) {
        if (!t.hidden && config.selection().signals().test(sig)) {
            Value si = Ptrace.siginfo(t.tid, scratch)
                    ? Siginfo.decode(new Bytes(scratch.asSlice(0, 128).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)))
                    : null;
            sink.accept(new Event.Signal(t.tid, now(), sig, si));
        }
        resume(t, sig);
    }

    /**
     * Restarts {@code t}, delivering {@code sig}: to its next syscall stop, or, when the seccomp
     * filter stops the traced calls itself, on to the next event, asking for the exit stop only
     * of a call just entered (strace's --seccomp-bpf). The launcher stops at every call, so
     * that its execve is seen even when it could not install the filter.
     */
    private void resume(Task t, int sig) {
        if (seccomp.stopsOnTracedOnly() && !t.inSyscall && !t.hidden) {
            Ptrace.cont(t.tid, sig);
        } else {
            Ptrace.syscall(t.tid, sig);
        }
    }

    /**
     * A syscall stop, with what a seccomp launch adds: a cleared CLONE_UNTRACED is put back
     * before the call's exit is decoded; at the command's execve, if the launcher could not
     * install an optional filter, tracing goes on without it, every call stopping.
     */
    private void syscallStopUnderSeccomp(Task t) {
        if (t.untracedUndo != null) {
            t.untracedUndo.apply(t.tid);
            t.untracedUndo = null;
        }
        boolean launching = t.hidden;
        syscallStop(t);
        if (launching && !t.hidden && seccomp.stopsOnTracedOnly() && !SeccompLaunch.installedIn(t.tid)) {
            seccomp.fallback().run();
            seccomp = SeccompLaunch.NONE;
        }
    }

    private void syscallStop(Task t) {
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
        if (t.hidden && (nr == NR_EXECVE || nr == NR_EXECVEAT)) {
            t.hidden = false;
        }
        t.call = null;
        if (t.hidden) {
            return;
        }
        Syscall sc = table.byNumber(nr);
        if (!config.selection().shows(sc)) {
            return;
        }
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = info.arg(i);
        }
        Call call = new Call(t.tid, nr, args, memory, config.decode(), config.fdPaths());
        String name = sc != null ? sc.name() : "syscall_" + Long.toHexString(0x100000000L | nr).replaceFirst("^1", "0x");
        Signature sig = sc == null ? null : signatures.of(sc.name());
        List<ArgKind> kinds = sig != null ? sig.args() : RawArgs.kinds(sc == null ? 6 : sc.nargs());
        Value[] values = new Value[kinds.size()];
        int firstExit = kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            ArgKind k = kinds.get(i);
            if (k.phase() == Phase.EXIT) {
                firstExit = Math.min(firstExit, i);
            } else {
                values[i] = k.decode(call, i);
            }
        }
        t.call = call;
        t.signature = sig;
        t.name = name;
        t.values = values;
        t.firstExitArg = firstExit;
        t.entryNanos = System.nanoTime();
        List<Value> shown = present(values, 0, firstExit);
        sink.accept(new Event.SyscallEntry(t.tid, now(), nr, name, shown, firstExit < kinds.size()));
    }

    private void exit(Task t) {
        if (!t.inSyscall) {
            return;
        }
        t.inSyscall = false;
        Call call = t.call;
        if (call == null || t.hidden) {
            return;
        }
        call.exit(info.returnValue(), info.isError());
        List<ArgKind> kinds = t.signature != null ? t.signature.args() : RawArgs.kinds(t.values.length);
        for (int i = t.firstExitArg; i < kinds.size(); i++) {
            if (kinds.get(i).phase() == Phase.EXIT) {
                t.values[i] = kinds.get(i).decode(call, i);
            }
        }
        emitExit(t, result(t, call));
    }

    private Event.Result result(Task t, Call call) {
        if (call.failed()) {
            return Errnos.failure(-call.ret());
        }
        if (t.signature == null) {
            return new Event.Result.Success(Value.Num.dec(call.ret()), null);
        }
        return new Event.Result.Success(t.signature.ret().decode(call), t.signature.ret().detail(call));
    }

    private void emitExit(Task t, Event.Result r) {
        List<Value> rest = present(t.values, t.firstExitArg, t.values.length);
        sink.accept(new Event.SyscallExit(t.tid, now(), t.call.number, t.name, rest, r,
                System.nanoTime() - t.entryNanos));
        t.call = null;
    }

    /** The decoded values in [from, to), leaving out the ones a kind chose not to show. */
    private static List<Value> present(Value[] values, int from, int to) {
        return Arrays.stream(values, from, to).filter(v -> v != null).toList();
    }

    /** Stops every tracee (PTRACE_INTERRUPT), then detaches each at its stop, keeping signals it was owed. */
    private void detachAll() {
        for (int tid : tasks.keySet()) {
            Ptrace.interrupt(tid);
        }
        while (!tasks.isEmpty()) {
            int tid = Sys.waitpid(-1, status, Sys.WALL);
            if (tid < 0) {
                break;
            }
            Task t = tasks.get(tid);
            if (t == null) {
                continue;
            }
            int s = Sys.status(status);
            if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
                gone(t, s);
                continue;
            }
            int sig = WaitStatus.stopSignal(s);
            int event = WaitStatus.event(s);
            int pass = (event == 0 && sig != (SIGTRAP | 0x80)) ? sig : 0;
            Ptrace.detach(tid, pass);
            tasks.remove(tid);
            sink.accept(new Event.Detached(tid, now()));
        }
    }
}

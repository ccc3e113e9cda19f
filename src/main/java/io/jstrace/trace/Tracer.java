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
import io.jstrace.linux.Regs;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.SyscallInfo;
import io.jstrace.linux.Sys;
import io.jstrace.linux.WaitStatus;
import io.jstrace.linux.Waiter;
import io.jstrace.model.Event;
import io.jstrace.model.StackFrame;
import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.unwind.Unwinder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ptrace event loop. Must run on one platform thread from start to end: the kernel accepts
 * ptrace requests for a tracee only from the thread that attached it.
 */
public final class Tracer {
    private static final int SIGTRAP = 5, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22,
            SIGKILL = 9, SIGCONT = 18;
    private static final int NR_EXECVE = SyscallTable.x86_64().number("execve"),
            NR_EXECVEAT = SyscallTable.x86_64().number("execveat");
    /** This thread's tracees and children only: children the JVM starts elsewhere (ProcessBuilder) stay its own. */
    private static final int WAIT_TRACEES = Sys.WALL | Sys.WNOTHREAD;

    /**
     * {@code decodeArgs} false: calls are reported with no arguments (strace -c decodes nothing);
     * {@code systemTime}: measure each call's system CPU time (strace -c without -w);
     * {@code tampering}: what -e inject= and -e fault= do to calls;
     * {@code paths} is the -P filter (null: every call); {@code notices} takes the tracer's own
     * messages (the --syscall-limit notice); {@code stackTrace}: report each shown call's stack (-k).
     */
    public record Config(boolean followForks, Selection selection, DecodeOptions decode, FdPaths fdPaths,
                         boolean decodeArgs, boolean systemTime, Tampering tampering, Qualifiers qualifiers,
                         PathFilter paths, java.util.function.Consumer<String> notices, boolean stackTrace) {}

    private final Config config;
    private final Sink sink;
    private final SyscallTable table = SyscallTable.x86_64();
    private final Map<Integer, Task> tasks = new HashMap<>();
    /**
     * New children that stopped, ran and exited before their parent's fork, vfork or clone event
     * was handled (short threads on the other CPU do): the event must not bring them back as
     * tasks that would never report again, which kept the loop waiting for ever.
     */
    private final Set<Integer> goneAheadOfParentEvent = new HashSet<>();
    private final SyscallInfo info = new SyscallInfo();
    private final Waiter waiter = new Waiter();
    private final PendingStops stops = new PendingStops();
    private final RemoteMemory memory = new RemoteMemory();
    /** -k: walks stacks; null without -k. */
    private final Unwinder unwinder;
    private final long startNanos = System.nanoTime();
    private final long startEpochNanos = System.currentTimeMillis() * 1_000_000L;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final Injector injector;
    private final HeldTasks held = new HeldTasks();
    private int options;
    private int mainPid;
    private int mainStatus;
    private boolean mainGone;
    private final Waker waker = new Waker();
    /**
     * Events of the stop being handled. They reach the sink after the thread is resumed, so that
     * formatting and writing them overlaps the tracee's run instead of adding to its stopped time
     * (dd bs=1 -o FILE: 0.61 of strace's time, 0.68 when delivered before the stop is handled).
     */
    private final ArrayList<Event> pending = new ArrayList<>();
    private final IoDumper dumper;
    /** Shown calls still allowed by --syscall-limit; counts down to 0 when a limit is set. */
    private long callsLeft;
    private SeccompLaunch seccomp = SeccompLaunch.NONE;
    private int launchFailure;

    public Tracer(Config config, Sink sink) {
        this.config = config;
        this.sink = sink;
        this.injector = new Injector(config.tampering());
        this.dumper = new IoDumper(config.qualifiers().readFds(), config.qualifiers().writeFds());
        this.callsLeft = config.qualifiers().syscallLimit();
        this.unwinder = config.stackTrace() ? new Unwinder(memory) : null;
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
        waker.start(interrupted);
        try {
            mainPid = Spawn.stoppedBeforeExec(path, argv, inheritance, seccomp.program(), seccomp.fallback() == null);
            started.accept(mainPid);
            options = baseOptions() | Ptrace.O_EXITKILL | (seccomp.stopsOnTracedOnly() ? Ptrace.O_TRACESECCOMP : 0);
            Ptrace.seize(mainPid, options);
        } catch (Errno | RuntimeException e) {
            if (mainPid > 0) {
                Sys.kill(mainPid, SIGKILL); // the launcher, still stopped before its execve
                reap(mainPid);
            }
            waker.end(waiter);
            throw e;
        }
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
        waker.start(interrupted);
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
            waker.end(waiter);
            return 1;
        }
        loop();
        return 0;
    }

    /**
     * Asks the loop to stop as strace does on a fatal signal: the command it started is killed
     * (SIGKILL, then reaped, since the JVM outlives it), every other tracee is detached and left
     * running. Safe from any thread, also before the loop has started.
     */
    public void interrupt() {
        interrupted.set(true);
        waker.kill();
    }

    /**
     * The waker died without {@link #interrupt()}: a signal to the whole process group (timeout's
     * SIGTERM and SIGCONT, say) reached it too. Without a new one, interrupt() could not wake the loop.
     */
    private void restartWaker() {
        try {
            waker.start(interrupted);
        } catch (Errno e) {
            // Then interrupt() takes effect at the next stop of any tracee (the loop checks it there too).
        }
    }

    private Task newTask(int tid, Event.How how) {
        Task t = new Task(tid);
        tasks.put(tid, t);
        emit(new Event.Attached(tid, now(), how));
        return t;
    }

    private void emit(Event e) {
        pending.add(e);
    }

    private void deliver() {
        for (int i = 0; i < pending.size(); i++) {
            sink.accept(pending.get(i));
        }
        pending.clear();
    }

    private long now() {
        return startEpochNanos + (System.nanoTime() - startNanos);
    }

    private void loop() {
        while (!tasks.isEmpty()) {
            int tid = nextStop();
            if (tid < 0) {
                if (-tid == Errno.ECHILD) {
                    break;
                }
                continue;
            }
            if (waker.reaped(tid)) {
                if (!interrupted.get()) {
                    restartWaker();
                }
            } else {
                handle(tid, stops.status());
                deliver();
            }
            if (interrupted.get()) {
                if (mainPid > 0 && !mainGone) {
                    Sys.kill(mainPid, SIGKILL);
                }
                detachAll();
                break;
            }
            if (config.qualifiers().syscallLimit() > 0 && callsLeft == 0) {
                config.notices().accept("System call limit has been reached, detaching tracees");
                detachAll();
                break;
            }
        }
        waker.end(waiter);
        deliver();
    }

    /**
     * The next stop to handle. With several tracees, as strace does, every stop already pending
     * is collected after the first (WNOHANG) and they are handled in the kernel's order before
     * waiting again: handling each as it comes would favour the tracee the kernel reports first
     * (the newest), and a pipeline's processes would run, and end, in another order than under
     * strace.
     */
    private int nextStop() {
        if (!stops.isEmpty()) {
            return stops.next();
        }
        int tid = held.isEmpty() ? waitNext() : waitWhileHolding();
        if (tid <= 0) {
            return tid;
        }
        stops.add(tid, waiter.status(), config.systemTime() ? waiter.systemTimeNanos() : -1);
        if (tasks.size() > 1) {
            while (true) {
                int more = waitAny(Sys.WNOHANG);
                if (more <= 0) {
                    break;
                }
                boolean again = stops.contains(more);
                stops.add(more, waiter.status(), config.systemTime() ? waiter.systemTimeNanos() : -1);
                if (again) {
                    break; // a second stop of one tracee (e.g. its death after a SIGKILL): handle those first
                }
            }
        }
        return stops.next();
    }

    /** Longest wait for other threads' stops while some are held: their latency during a delay. */
    private static final long HOLD_POLL_NANOS = 1_000_000;

    /**
     * Polls this many times (WNOHANG) before blocking in wait4. A resumed tracee usually stops
     * again within microseconds; catching that stop without having slept saves the wake-up, which
     * on these virtual machines costs more than the polls (dd bs=1 under -o FILE: 1.34x strace's
     * time blocking at once, 0.95x polling first, medians of 5).
     */
    private static final int POLLS_BEFORE_BLOCKING = 200;

    /** The next stop of any tracee: polled for a little while, then waited for. */
    private int waitNext() {
        for (int i = 0; i < POLLS_BEFORE_BLOCKING; i++) {
            int tid = waitAny(Sys.WNOHANG);
            if (tid != 0) {
                return tid;
            }
            Thread.onSpinWait();
        }
        return waitAny(0);
    }

    /** The next stop of any tracee, with the thread group's CPU usage when -c wants system time. */
    private int waitAny(int options) {
        return waiter.wait(-1, WAIT_TRACEES | options, config.systemTime());
    }

    /**
     * waitpid while delay injections hold threads at their stops: polls, resuming each held thread
     * when its time comes, so the other threads are served meanwhile.
     */
    private int waitWhileHolding() {
        while (true) {
            long now = System.nanoTime();
            for (Task t = held.pollDue(now); t != null; t = held.pollDue(now)) {
                t.tampering.holdUntil = 0;
                if (tasks.get(t.tid) == t) {
                    resume(t, t.tampering.takeSignal());
                }
            }
            if (held.isEmpty()) {
                return waitAny(0);
            }
            int tid = waitAny(Sys.WNOHANG);
            if (tid != 0) {
                return tid;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(held.nanosUntilNext(now), HOLD_POLL_NANOS));
        }
    }

    /** Resumes a thread from a syscall stop, unless a delay injection holds it there for now. */
    private void resumeFromSyscallStop(Task t) {
        if (t.tampering.holdUntil != 0) {
            held.add(t);
        } else {
            resume(t, t.tampering.takeSignal());
        }
    }

    private void reap(int pid) {
        waiter.wait(pid, Sys.WALL, false);
    }

    private void handle(int tid, int s) {
        Task t = tasks.get(tid);
        if (t == null) {
            if (!WaitStatus.stopped(s)) {
                return; // a child of the JVM that is no tracee (e.g. bin/jstrace's environment pipe writer)
            }
            // A new child can report its first stop before its parent reports the fork event.
            t = newTask(tid, Event.How.FOLLOWED);
            t.aheadOfParentEvent = true;
        }
        if (config.systemTime()) {
            t.systemNanos = stops.systemNanos();
        }
        if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
            gone(t, s);
            return;
        }
        int sig = WaitStatus.stopSignal(s);
        if (sig == (SIGTRAP | 0x80)) {
            syscallStopUnderSeccomp(t);
            resumeFromSyscallStop(t);
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
            emitExit(t, new Event.Result.None(), Event.NO_IP);
        }
        tasks.remove(t.tid);
        if (t.aheadOfParentEvent) {
            goneAheadOfParentEvent.add(t.tid);
        }
        if (t.tid == mainPid) {
            mainStatus = s;
            mainGone = true;
        }
        if (t.hidden && seccomp.installs() && t.tid == mainPid && WaitStatus.exited(s)) {
            launchFailure = WaitStatus.exitCode(s); // the launcher exits with the errno of a required filter's seccomp()
        }
        if (t.hidden) {
            return;
        }
        if (WaitStatus.exited(s)) {
            emit(new Event.Exited(t.tid, now(), WaitStatus.exitCode(s)));
        } else {
            emit(new Event.Killed(t.tid, now(), WaitStatus.termSignal(s), WaitStatus.coreDumped(s)));
        }
        stackFromEntry(t);
    }

    private void eventStop(Task t, int event, int sig) {
        switch (event) {
            case Ptrace.EVENT_STOP -> {
                if (!t.hidden && (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU)) {
                    // Group-stop: report it and let job control keep the thread stopped.
                    emit(new Event.Stopped(t.tid, now(), sig, ip(t.tid)));
                    stackNow(t);
                    Ptrace.listen(t.tid);
                } else {
                    resume(t, 0);
                }
            }
            case Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK, Ptrace.EVENT_CLONE -> {
                try {
                    int child = (int) Ptrace.eventMessage(t.tid);
                    Task known = tasks.get(child);
                    if (known != null) {
                        known.aheadOfParentEvent = false;
                    } else if (!goneAheadOfParentEvent.remove(child)) {
                        newTask(child, Event.How.FOLLOWED);
                    }
                } catch (Errno e) {
                    // The parent vanished; its child, if any, reports itself.
                }
                resume(t, 0);
            }
            case Ptrace.EVENT_EXEC -> {
                if (unwinder != null) {
                    unwinder.mappingsChanged();
                }
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
                resumeFromSyscallStop(t);
            }
            default -> resume(t, 0);
        }
    }

    /** After execve the thread group leader's tid carries on; a non-leader that exec'd takes its place. */
    private void execEvent(Task t) {
        int former;
        try {
            former = (int) Ptrace.eventMessage(t.tid);
        } catch (Errno e) {
            return;
        }
        if (former != t.tid) {
            Task execing = tasks.remove(former);
            if (execing != null) {
                if (t.inSyscall && t.call != null && !t.hidden) {
                    emitExit(t, new Event.Result.None(), Event.NO_IP);
                }
                emit(new Event.Superseded(t.tid, now(), former));
                execing.tid = t.tid;
                tasks.put(t.tid, execing);
            }
        }
    }

    private void signalStop(Task t, int sig) {
        if (!t.hidden && config.selection().signals().test(sig)) {
            byte[] raw = Ptrace.siginfo(t.tid);
            Value si = raw != null ? Siginfo.decode(new Bytes(raw)) : null;
            emit(new Event.Signal(t.tid, now(), sig, si, ip(t.tid)));
            stackNow(t);
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

    /** The instruction pointer of a thread at a stop that is not a syscall stop (-i). */
    private long ip(int tid) {
        return Ptrace.syscallInfo(tid, info) ? info.instructionPointer() : Event.NO_IP;
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
        // The execve that ends the launch is never tampered with, as in strace.
        boolean launchExec = t.hidden && (nr == NR_EXECVE || nr == NR_EXECVEAT);
        if (launchExec) {
            t.hidden = false;
        }
        t.call = null;
        Syscall sc = table.byNumber(nr);
        if (unwinder != null && sc != null) {
            unwinder.syscallEntered(sc.name());
        }
        if (t.hidden) {
            return;
        }
        if (!config.selection().shows(sc)) {
            return;
        }
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = info.arg(i);
        }
        if (config.paths() != null && !config.paths().matches(t.tid, sc, args, memory)) {
            return;
        }
        Call call = new Call(t.tid, nr, args, memory, config.qualifiers().decode(config.decode(), sc), config.fdPaths());
        String name = sc != null ? sc.name() : "syscall_" + Long.toHexString(0x100000000L | nr).replaceFirst("^1", "0x");
        t.raw = config.qualifiers().raw(sc);
        Signature sig = sc == null || t.raw || !config.decodeArgs() ? null : Signatures.standard().of(sc.name());
        List<ArgKind> kinds = !config.decodeArgs() ? List.of()
                : sig != null ? sig.args() : RawArgs.kinds(sc == null ? 6 : sc.nargs());
        Value[] values = new Value[kinds.size()];
        int shownAtEntry = kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            ArgKind k = kinds.get(i);
            switch (k.phase()) {
                case EXIT -> shownAtEntry = Math.min(shownAtEntry, i);
                case ENTRY_AND_EXIT -> {
                    values[i] = decode(k, call, i);
                    shownAtEntry = Math.min(shownAtEntry, i + 1);
                }
                case ENTRY -> values[i] = decode(k, call, i);
            }
        }
        boolean continued = shownAtEntry > 0 && kinds.get(shownAtEntry - 1).phase() == Phase.ENTRY_AND_EXIT
                && values[shownAtEntry - 1] != null;
        Event.Rest rest = continued ? Event.Rest.CONTINUED
                : shownAtEntry < kinds.size() ? Event.Rest.ARGUMENTS : Event.Rest.NONE;
        t.call = call;
        t.signature = sig;
        t.name = name;
        t.values = values;
        t.firstExitArg = continued ? shownAtEntry - 1 : shownAtEntry;
        if (!launchExec) {
            injector.enter(t, nr);
        }
        t.entryNanos = System.nanoTime();
        t.entrySystemNanos = t.systemNanos;
        // -k: strace shows the new program's stack after the launch, not the launcher's.
        t.entryStack = unwinder != null && !launchExec && unwinder.takenAtEntry(name) ? walk(t) : null;
        List<Value> shown = present(values, 0, shownAtEntry);
        emit(new Event.SyscallEntry(t.tid, now(), nr, name, shown, rest, info.instructionPointer(), args));
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
        injector.exit(t, call);
        List<ArgKind> kinds = t.signature != null ? t.signature.args() : RawArgs.kinds(t.values.length);
        for (int i = t.firstExitArg; i < kinds.size(); i++) {
            if (kinds.get(i).phase() != Phase.ENTRY) {
                t.values[i] = decode(kinds.get(i), call, i);
            }
        }
        Event.Result r = result(t, call);
        emitExit(t, r, info.instructionPointer());
        Event.IoDump dump = dumper.dump(call, t.name, now());
        if (dump != null) {
            emit(dump);
        }
        if (!stackFromEntry(t)) {
            stackNow(t);
        }
        if (callsLeft > 0 && config.qualifiers().counted().test(r)) {
            callsLeft--;
        }
    }

    /** -k: the stack of {@code t} as it is now, or null if its registers cannot be read. */
    private List<StackFrame> walk(Task t) {
        Regs regs = Ptrace.regs(t.tid);
        return regs == null ? null : unwinder.walk(t.tid, regs);
    }

    /** -k: reports the stack of {@code t} after the event just reported for it. */
    private void stackNow(Task t) {
        List<StackFrame> frames = unwinder == null ? null : walk(t);
        if (frames != null) {
            emit(new Event.Backtrace(t.tid, now(), frames, false));
        }
    }

    /** -k: reports the stack taken at the entry of {@code t}'s call, if one was; says whether one was. */
    private boolean stackFromEntry(Task t) {
        if (t.entryStack == null) {
            return false;
        }
        emit(new Event.Backtrace(t.tid, now(), t.entryStack, true));
        t.entryStack = null;
        return true;
    }

    private Event.Result result(Task t, Call call) {
        if (call.failed()) {
            return Errnos.failure(-call.ret());
        }
        if (t.signature == null) {
            // -e raw= prints the return value in hex, as the arguments.
            return new Event.Result.Success(t.raw ? Value.Num.hex(call.ret()) : Value.Num.dec(call.ret()));
        }
        try {
            return new Event.Result.Success(t.signature.ret().decode(call), t.signature.ret().details(call));
        } catch (RuntimeException e) {
            return new Event.Result.Success(Value.Num.dec(call.ret())); // as decode() below
        }
    }

    /**
     * Argument {@code i} as its kind decodes it, or in hex if the decoder fails: a decoding bug
     * on data nobody foresaw must cost one argument's form, not the trace and the tracee's run.
     */
    private static Value decode(ArgKind k, Call call, int i) {
        try {
            return k.decode(call, i);
        } catch (RuntimeException e) {
            return Value.Num.hex(call.arg(i));
        }
    }

    private void emitExit(Task t, Event.Result r, long ip) {
        List<Value> rest = present(t.values, t.firstExitArg, t.values.length);
        emit(new Event.SyscallExit(t.tid, now(), t.call.number, t.name, rest, r,
                System.nanoTime() - t.entryNanos, config.systemTime() ? t.systemNanos - t.entrySystemNanos : -1,
                t.tampering.outcome(), ip));
        t.call = null;
    }

    /** The decoded values in [from, to), leaving out the ones a kind chose not to show. */
    private static List<Value> present(Value[] values, int from, int to) {
        // A plain loop: this runs twice per traced call, and a stream pipeline costs more than the decoding.
        List<Value> shown = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (values[i] != null) {
                shown.add(values[i]);
            }
        }
        return Collections.unmodifiableList(shown);
    }

    /** Stops every tracee (PTRACE_INTERRUPT), then detaches each at its stop, keeping signals it was owed. */
    private void detachAll() {
        // Held threads are at a stop already: a PTRACE_INTERRUPT would bring no new one.
        for (Task t : held.drain()) {
            if (tasks.get(t.tid) == t) {
                tasks.remove(t.tid);
                Ptrace.detach(t.tid, t.tampering.takeSignal());
                emit(new Event.Detached(t.tid, now()));
            }
        }
        // Stops collected but not handled yet: wait4 will not report them again.
        while (!stops.isEmpty()) {
            Task t = tasks.get(stops.next());
            if (t != null) {
                detachAt(t, stops.status());
            }
        }
        for (int tid : tasks.keySet()) {
            Ptrace.interrupt(tid);
        }
        while (!tasks.isEmpty()) {
            int tid = waiter.wait(-1, WAIT_TRACEES, false);
            if (tid < 0) {
                break;
            }
            Task t = tasks.get(tid);
            if (t != null) {
                detachAt(t, waiter.status());
            }
        }
    }

    /** Detaches {@code t} at the stop (or death) that wait4 reported with {@code s}. */
    private void detachAt(Task t, int s) {
        if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
            gone(t, s);
            return;
        }
        if (t.tid == mainPid && !mainGone && interrupted.get()) {
            // Killed by the interrupt: let it die traced, so its death is reported and it is reaped.
            Ptrace.cont(t.tid, 0);
            return;
        }
        int sig = WaitStatus.stopSignal(s);
        int event = WaitStatus.event(s);
        int pass = (event == 0 && sig != (SIGTRAP | 0x80)) ? sig : 0;
        Ptrace.detach(t.tid, pass);
        tasks.remove(t.tid);
        emit(new Event.Detached(t.tid, now()));
    }
}

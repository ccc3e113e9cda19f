package io.jstrace.trace;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Pids;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.decode.Siginfo;
import io.jstrace.linux.Errno;
import io.jstrace.linux.Ptrace;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.Sys;
import io.jstrace.linux.User;
import io.jstrace.linux.WaitStatus;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.xlat.Signals;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The ptrace event loop and its dispatch: each stop goes to the thread's syscall stops, its
 * bookkeeping (fork, exec, death) or its signal. Must run on one platform thread from start to
 * end: the kernel accepts ptrace requests for a tracee only from the thread that attached.
 */
public final class Tracer {
    /**
     * {@code decodeArgs} false: calls are reported with no arguments (strace -c decodes nothing);
     * {@code systemTime}: measure each call's system CPU time (strace -c without -w);
     * {@code tampering}: what -e inject= and -e fault= do to calls;
     * {@code paths} is the -P filter (null: every call); {@code notices} takes the tracer's own
     * messages (--syscall-limit reached, an unknown pid detached), which -q attach hides;
     * {@code unknownExits} takes the pid of a child of the tracer's that exited and is no tracee
     * (strace's "Exit of unknown pid N ignored", which -e quiet=exit hides);
     * {@code stackTrace}: report each shown call's stack (-k); {@code warnings} takes what is always
     * said (a started command's failed execve).
     */
    public record Config(boolean followForks, Selection selection, DecodeOptions decode, FdPaths fdPaths,
                         boolean decodeArgs, boolean systemTime, Tampering tampering, Qualifiers qualifiers,
                         PathFilter paths, Consumer<String> notices, IntConsumer unknownExits, boolean stackTrace,
                         Consumer<String> warnings) {}

    private final Config config;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final RemoteMemory memory = new RemoteMemory();
    private final PendingEvents events;
    private final StopSource stops;
    private final Stacks stacks;
    private final SyscallStops calls;
    /** What pids stand for (-Y, --pidns-translation). */
    private final Pids pids;
    private final Tasks tasks;
    private final Detacher detacher;
    /** Resumes a thread whose delay injection is over, if it is still traced. */
    private final Consumer<Task> resumeDue;
    private SeccompLaunch seccomp = SeccompLaunch.NONE;
    private boolean killOnExit;
    private boolean detachOnExec;
    /** What the started command gets when the loop is interrupted: see {@link #interrupt}. */
    private volatile int commandSignal = Signals.SIGKILL;
    private User user;

    public Tracer(Config config, Sink sink) {
        this.config = config;
        this.events = new PendingEvents(sink);
        this.stops = new StopSource(interrupted, config.systemTime());
        this.stacks = new Stacks(config.stackTrace(), memory, events);
        this.pids = ProcPids.forOptions(config.decode());
        this.calls = new SyscallStops(config, events, stacks, memory, SyscallTable.x86_64(), pids);
        this.tasks = new Tasks(events, calls, stacks, config.decode().pidComm());
        this.detacher = new Detacher(tasks, stops, events);
        memory.onShortRead((addr, read, wanted, errno) -> config.warnings().accept("short read (" + read + " < " + wanted
                + ") @0x" + Long.toHexString(addr) + ": " + Errnos.message(errno)));
        this.resumeDue = t -> {
            if (tasks.get(t.tid) == t) {
                resume(t, t.tampering.takeSignal());
            }
        };
    }

    /** The seccomp filter {@link #runCommand} installs in the command; none unless set. */
    public void seccomp(SeccompLaunch launch) {
        this.seccomp = launch;
    }

    /**
     * strace's --kill-on-exit: the started command and its descendants die with the tracer
     * (PTRACE_O_EXITKILL) and are killed, not detached, when tracing is interrupted. Otherwise, as
     * strace, they run on without it; --seccomp-bpf implies it (as in strace 6.6), since the
     * filter's calls would fail with ENOSYS without their tracer.
     */
    public void killOnExit(boolean kill) {
        this.killOnExit = kill;
    }

    /** strace's -u: the command runs as {@code user} (null: as jstrace). */
    public void user(User user) {
        this.user = user;
    }

    /** strace's -d: of strace's debug messages, those about calls whose number the table does not know. */
    public void debug(boolean debug) {
        calls.debug(debug);
    }

    /** strace's -b execve: a tracee that execs is detached, but for the command's own execve. */
    public void detachOnExec(boolean detach) {
        this.detachOnExec = detach;
    }

    /**
     * Starts {@code argv} (its program already resolved to {@code path}), then attaches to the
     * processes in {@code attach} (strace's -p with a command; failures go to {@code warn}), and
     * traces them all to the end. Returns the command's wait status.
     */
    public int runCommand(String path, List<String> argv, Spawn.Inheritance inheritance, IntConsumer started,
                          List<Integer> attach, Consumer<String> warn) throws Errno {
        if (!attach.isEmpty() && seccomp.stopsOnTracedOnly()) {
            // Attached processes have no filter to stop them: every call stops, in all of them.
            seccomp = SeccompLaunch.NONE;
        }
        killOnExit |= seccomp.stopsOnTracedOnly();
        stops.startWaker();
        int pid;
        try {
            int options = baseOptions() | (killOnExit ? Ptrace.O_EXITKILL : 0)
                    | (seccomp.stopsOnTracedOnly() ? Ptrace.O_TRACESECCOMP : 0);
            pid = Launcher.start(path, argv, inheritance, seccomp, user, options, started, stops);
        } catch (Errno | RuntimeException e) {
            stops.end();
            throw e;
        }
        events.at(System.nanoTime());
        tasks.started(pid);
        Sys.kill(pid, Signals.SIGCONT);
        Launcher.attach(attach, config.followForks(), baseOptions(), tasks, warn);
        loop();
        if (seccomp.installs() && tasks.launcherExit() != 0) {
            // The launcher exits with the errno of a required filter's seccomp().
            throw new Errno("seccomp(SECCOMP_SET_MODE_FILTER)", tasks.launcherExit());
        }
        return tasks.mainStatus();
    }

    /**
     * Attaches to each process in {@code pids} (every thread of it when following forks, as
     * strace) and traces until they end or {@link #interrupt} is called; then detaches, leaving
     * them running.
     */
    public int runAttached(List<Integer> pids, Consumer<String> warn) throws Errno {
        stops.startWaker();
        events.at(System.nanoTime());
        if (Launcher.attach(pids, config.followForks(), baseOptions(), tasks, warn) == 0) {
            stops.end();
            return 1;
        }
        loop();
        return 0;
    }

    /**
     * Asks the loop to stop as strace does on the fatal signal {@code signal}: the command it
     * started gets that signal (after SIGCONT) and every tracee is detached and left running; for
     * SIGKILL (the API's stop) the command is let die traced and reaped, since the JVM outlives
     * it. With {@link #killOnExit}, every tracee is killed. Safe from any thread, also before
     * the loop has started.
     */
    public void interrupt(int signal) {
        commandSignal = signal;
        interrupted.set(true);
        stops.wake();
    }

    private int baseOptions() {
        // TRACEEXIT as strace: a thread that exits (or that another's exit_group or execve kills) stops
        // once more, so that the call it was in ends ("= ?") where it ended, before other threads' lines.
        int o = Ptrace.O_TRACESYSGOOD | Ptrace.O_TRACEEXEC | Ptrace.O_TRACEEXIT;
        if (config.followForks()) {
            o |= Ptrace.O_TRACEFORK | Ptrace.O_TRACEVFORK | Ptrace.O_TRACECLONE;
        }
        return o;
    }

    private void loop() {
        while (!tasks.isEmpty()) {
            int tid = stops.next(tasks.size(), resumeDue);
            if (tid < 0) {
                if (-tid == Errno.ECHILD) {
                    break;
                }
                continue;
            }
            if (tid > 0) {
                events.at(stops.nanoTime());
                handle(tid, stops.status());
                events.deliver();
            }
            if (interrupted.get()) {
                if (killOnExit) {
                    detacher.killAll();
                    break;
                }
                int main = tasks.mainRunning();
                boolean killed = commandSignal == Signals.SIGKILL;
                if (main > 0) {
                    if (!killed) {
                        Sys.kill(main, Signals.SIGCONT); // a stopped command must see the signal too
                    }
                    Sys.kill(main, commandSignal);
                }
                detacher.detachAll(killed);
                break;
            }
            if (calls.limitReached()) {
                config.notices().accept("System call limit has been reached, detaching tracees");
                detacher.detachAll(false);
                break;
            }
        }
        stops.end();
        events.deliver();
    }

    private void handle(int tid, int s) {
        Task t = tasks.get(tid);
        if (t == null) {
            if (!WaitStatus.stopped(s)) {
                // A child of the tracer that is no tracee: one a tracee cloned with CLONE_PARENT (without
                // -f), or an orphan come to jstrace as a PID namespace's init. wait4 has reaped it.
                config.unknownExits().accept(tid);
                return;
            }
            if (!config.followForks()) {
                // A child its parent cloned with CLONE_PTRACE: without -f, strace lets it go.
                Ptrace.detach(tid, 0);
                config.notices().accept("Detached unknown pid " + tid);
                return;
            }
            // A new child can report its first stop before its parent reports the fork event.
            t = tasks.aheadOfParentEvent(tid);
        }
        if (config.systemTime()) {
            t.systemNanos = stops.systemNanos();
        }
        if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
            tasks.gone(t, s);
            return;
        }
        int sig = WaitStatus.stopSignal(s);
        if (sig == (Signals.SIGTRAP | 0x80)) {
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

    private void eventStop(Task t, int event, int sig) {
        switch (event) {
            case Ptrace.EVENT_STOP -> {
                if (!t.hidden && (sig == Signals.SIGSTOP || sig == Signals.SIGTSTP || sig == Signals.SIGTTIN
                        || sig == Signals.SIGTTOU)) {
                    // Group-stop: report it and let job control keep the thread stopped.
                    events.add(new Event.Stopped(t.pid, t.tid, events.now(), sig, calls.ip(t.tid)));
                    stacks.now(t);
                    Ptrace.listen(t.tid);
                } else {
                    resume(t, 0);
                }
            }
            case Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK, Ptrace.EVENT_CLONE -> {
                tasks.forked(t, event == Ptrace.EVENT_CLONE);
                resume(t, 0);
            }
            case Ptrace.EVENT_EXEC -> {
                stacks.mappingsChanged();
                Task execing = tasks.execed(t);
                tasks.renamed(execing.tid, execing);
                if (detachOnExec && !execing.launching) {
                    Ptrace.detach(execing.tid, 0);
                    tasks.detached(execing);
                } else {
                    execing.launching = false;
                    resume(execing, 0);
                }
            }
            case Ptrace.EVENT_EXIT -> {
                calls.exiting(t);
                resume(t, 0);
            }
            case Ptrace.EVENT_SECCOMP -> {
                // A RET_TRACE call: under PTRACE_CONT this stop is its entry. (The launcher runs
                // under PTRACE_SYSCALL, so its execve has had its entry stop already.)
                if (!t.inSyscall) {
                    calls.seccompEntry(t);
                }
                resumeFromSyscallStop(t);
            }
            default -> resume(t, 0);
        }
    }

    private void signalStop(Task t, int sig) {
        if (!t.hidden && config.selection().signals().test(sig)) {
            byte[] raw = Ptrace.siginfo(t.tid);
            Value si = raw != null ? Siginfo.decode(new Bytes(raw),
                    p -> Pids.of(config.decode(), pids, t.tid, p, Pids.Type.TGID)) : null;
            events.add(new Event.Signal(t.pid, t.tid, events.now(), sig, si, calls.ip(t.tid)));
            stacks.now(t);
        }
        resume(t, sig);
    }

    /**
     * A syscall stop; at the command's execve, if the launcher could not install an optional
     * seccomp filter, tracing goes on without it, every call stopping.
     */
    private void syscallStopUnderSeccomp(Task t) {
        boolean launching = t.hidden;
        calls.syscallStop(t);
        if (launching && !t.hidden && seccomp.stopsOnTracedOnly() && !SeccompLaunch.installedIn(t.tid)) {
            seccomp.fallback().run();
            seccomp = SeccompLaunch.NONE;
        }
    }

    /** Resumes a thread from a syscall stop, unless a delay injection holds it there for now. */
    private void resumeFromSyscallStop(Task t) {
        if (t.tampering.holdUntil != 0) {
            stops.hold(t);
        } else {
            resume(t, t.tampering.takeSignal());
        }
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
}

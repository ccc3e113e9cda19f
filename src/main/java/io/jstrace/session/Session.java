package io.jstrace.session;

import io.jstrace.model.ExitStatus;

import io.jstrace.bpf.EbpfTracer;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.linux.Errno;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.User;
import io.jstrace.xlat.Signals;
import io.jstrace.linux.WaitStatus;
import io.jstrace.model.Event;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.FdTable;
import io.jstrace.trace.Selection;
import io.jstrace.trace.Sink;
import io.jstrace.trace.TraceExpr;
import io.jstrace.trace.PathFilter;
import io.jstrace.trace.Qualifiers;
import io.jstrace.trace.SeccompLaunch;
import io.jstrace.trace.Tampering;
import io.jstrace.trace.Tracer;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One tracing run's whole configuration, in the engine's own types, and the run itself on either
 * backend: what the jstrace command and the Java API ({@link io.jstrace.api.Session}) both build
 * and run. Configure, then call {@link #run} on a platform thread (the kernel accepts ptrace
 * requests only from the thread that attached); {@link #stop()} ends the run in progress.
 */
public final class Session {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private final String path;
    private final List<String> argv;
    /** The processes to attach: alone, or beside the command (strace's -p with a command). */
    private List<Integer> pids;
    private boolean killOnExit;
    private boolean detachOnExec;
    private boolean debug;
    private User user;
    private boolean follow;
    private Selection selection = Selection.ALL;
    private DecodeOptions decode = DecodeOptions.DEFAULT;
    private boolean decodeArgs = true;
    private boolean systemTime;
    private Tampering tampering = Tampering.NONE;
    private Qualifiers qualifiers = Qualifiers.DEFAULT;
    private PathFilter tracePaths;
    private Consumer<String> onNotice = m -> { };
    private IntConsumer onUnknownExit = pid -> { };
    private boolean stackTraces;
    private SeccompLaunch seccomp = SeccompLaunch.NONE;
    private Spawn.Inheritance inheritance = new Spawn.Inheritance(Set.of(0, 1, 2), 0, 0, null);
    private IntConsumer onStart = pid -> { };
    private Consumer<String> onWarning = m -> System.getLogger("io.jstrace").log(System.Logger.Level.WARNING, m);
    private volatile Tracer running;
    private Backend backend = Backend.PTRACE;
    private volatile EbpfTracer runningBpf;

    /** How calls are seen: by stopping the tracee at each (ptrace, the default), or from the kernel as it runs (eBPF). */
    public enum Backend { PTRACE, BPF }

    private Session(String path, List<String> argv, List<Integer> pids) {
        this.path = path;
        this.argv = argv;
        this.pids = pids;
    }

    /**
     * Traces {@code argv}, started as a shell would start it. The program is looked up on PATH
     * now, as strace does before it starts anything.
     *
     * @throws IllegalArgumentException if {@code argv} is empty or the program does not exist,
     *                                  with strace's message ({@code Can't stat 'x': No such file or directory})
     */
    public static Session command(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("must have PROG [ARGS] or -p PID");
        }
        return new Session(CommandPath.resolve(argv.get(0)), List.copyOf(argv), List.of());
    }

    /** {@link #command(List)} with the arguments given one by one. */
    public static Session command(String... argv) {
        return command(List.of(argv));
    }

    /** Attaches to every thread of each running process in {@code pids}; stopping detaches and leaves them running. */
    public static Session attach(int... pids) {
        if (pids.length == 0) {
            throw new IllegalArgumentException("must have PROG [ARGS] or -p PID");
        }
        return new Session(null, null, valid(pids));
    }

    private static List<Integer> valid(int... pids) {
        for (int pid : pids) {
            if (pid <= 0) {
                throw new IllegalArgumentException("Invalid process id: '" + pid + "'");
            }
        }
        return Arrays.stream(pids).boxed().toList();
    }

    /**
     * With a command: attaches to these running processes too, once the command has started
     * (strace's -p PID with a command); the run ends when all of them have ended. They are
     * detached, not killed, by {@link #stop()}.
     *
     * @throws IllegalStateException when this session starts no command
     */
    public Session alsoAttach(int... pids) {
        if (path == null) {
            throw new IllegalStateException("alsoAttach() adds processes to a command; use attach(pids)");
        }
        this.pids = valid(pids);
        return this;
    }

    /**
     * strace's -u USER: the command runs with the user's ids and groups (and a set-user-ID or
     * set-group-ID program's owner as its effective id, which a traced exec does not take).
     * Needs root.
     *
     * @throws IllegalArgumentException if no such user is known ({@code Cannot find user 'x'})
     */
    public Session user(String name) {
        User u = User.named(name);
        if (u == null) {
            throw new IllegalArgumentException("Cannot find user '" + name + "'");
        }
        this.user = u;
        return this;
    }

    /** strace's -d: the tracer's debug messages go to {@link #onWarning} (only those about unknown call numbers so far). */
    public Session debug(boolean debug) {
        this.debug = debug;
        return this;
    }

    /**
     * strace's -b execve: a tracee is detached when it calls execve and runs on untraced, but for
     * the started command's own execve.
     */
    public Session detachOnExec(boolean detachOnExec) {
        this.detachOnExec = detachOnExec;
        return this;
    }

    /**
     * strace's --kill-on-exit: the command and its descendants die when the tracer does
     * (PTRACE_O_EXITKILL) and {@link #stop()} kills them all instead of detaching. By default, as
     * strace does, they run on untraced. A command traced under --seccomp-bpf always dies with
     * the tracer, as in strace 6.6 (its filter's calls would fail without their tracer).
     */
    public Session killOnExit(boolean killOnExit) {
        this.killOnExit = killOnExit;
        return this;
    }

    /** Also traces the children and threads the tracees create from now on (strace's -f). */
    public Session follow(boolean follow) {
        this.follow = follow;
        return this;
    }

    /** Whether this session attaches to running processes rather than starting a command. */
    public boolean attaches() {
        return path == null;
    }

    /** The decoding options: -s, -v, -y, -X. */
    public DecodeOptions decode() {
        return decode;
    }

    /** Which calls and signals are reported: the -e trace= and -e signal= sets. */
    public Selection selection() {
        return selection;
    }

    /** Which calls and signals are reported: the -e trace= and -e signal= sets. */
    public Session selection(Selection selection) {
        this.selection = selection;
        return this;
    }

    /** String limit, verbosity, -X style and fd details for the decoded arguments; {@link DecodeOptions#DEFAULT} otherwise. */
    public Session decode(DecodeOptions decode) {
        this.decode = decode;
        return this;
    }

    /**
     * Whether calls carry their decoded arguments and return values (the default), or only
     * their number and outcome: enough for counting, and cheaper (strace -c decodes nothing).
     */
    public Session decodeArgs(boolean decodeArgs) {
        this.decodeArgs = decodeArgs;
        return this;
    }

    /**
     * Whether each {@link Event.SyscallExit} carries the system CPU time the call took
     * ({@code systemNanos}, from wait4's rusage at its two stops, as strace -c measures it).
     */
    public Session systemTime(boolean systemTime) {
        this.systemTime = systemTime;
        return this;
    }

    /** What to do to calls: inject errors, return values, signals or delays (strace's -e inject=). */
    public Session tampering(Tampering tampering) {
        this.tampering = tampering;
        return this;
    }

    /** Per-syscall decoding (strace's -e abbrev=/verbose=/raw=), data dumps (-e read=/write=), --syscall-limit. */
    public Session qualifiers(Qualifiers qualifiers) {
        this.qualifiers = qualifiers;
        return this;
    }

    /** Only calls touching these paths, by name or through a descriptor (strace's -P). */
    public Session tracePaths(PathFilter tracePaths) {
        this.tracePaths = tracePaths;
        return this;
    }

    /** Where the tracer's own notices go (e.g. that --syscall-limit was reached); dropped by default. */
    public Session onNotice(Consumer<String> onNotice) {
        this.onNotice = onNotice;
        return this;
    }

    /**
     * Where the pid of a child of the tracer's goes that exited and is no tracee (a tracee's
     * CLONE_PARENT child without {@link #follow}; strace says "Exit of unknown pid N ignored");
     * dropped by default. The tracer reaped it: a process the caller started on the tracing
     * thread (ProcessBuilder) may come here too.
     */
    public Session onUnknownExit(IntConsumer onUnknownExit) {
        this.onUnknownExit = onUnknownExit;
        return this;
    }

    /**
     * Whether each shown call, signal and stop is followed by an {@link Event.Backtrace}: the
     * thread's stack, unwound and symbolised as strace -k prints it.
     */
    public Session stackTraces(boolean stackTraces) {
        this.stackTraces = stackTraces;
        return this;
    }

    /** The seccomp filter a started command gets before its execve (a tracing filter or a policy); none by default. */
    public Session seccomp(SeccompLaunch seccomp) {
        this.seccomp = seccomp;
        return this;
    }

    /**
     * What a started command inherits: by default descriptors 0, 1 and 2, the JVM's environment
     * and working directory, no blocked or ignored signals.
     */
    public Session inheritance(Spawn.Inheritance inheritance) {
        this.inheritance = inheritance;
        return this;
    }

    /** Called with the started command's pid, before it runs (e.g. to forward signals to it). */
    public Session onStart(IntConsumer onStart) {
        this.onStart = onStart;
        return this;
    }

    /**
     * Which backend traces: {@link Backend#BPF} reports the same events without stopping the
     * tracee, but cannot change calls (tampering) or unwind stacks, and needs root (CAP_BPF and
     * CAP_PERFMON); {@link #run} then fails with IllegalStateException.
     */
    public Session backend(Backend backend) {
        this.backend = backend;
        return this;
    }

    /**
     * Where attach failures and, with {@link Backend#BPF}, lost events go (one line each); the
     * {@code io.jstrace} System.Logger by default.
     */
    public Session onWarning(Consumer<String> onWarning) {
        this.onWarning = onWarning;
        return this;
    }

    /**
     * Traces on the calling thread until the command ends (every traced process, with
     * {@link #follow}), the attached processes end, or {@link #stop()}; hands every event to
     * {@code events} in the order it happened. If {@code events} throws, tracing stops as by
     * {@link #stop()} and the exception is rethrown.
     *
     * @throws Errno                 if the command cannot be started or the tracer cannot wait for it
     * @throws IllegalStateException on a virtual thread (it may move between carrier threads)
     */
    public ExitStatus run(Consumer<? super Event> events) throws Errno {
        return run(events, () -> 0);
    }

    /**
     * {@link #run(Consumer)}, stopping as {@link #stop(int)} does with the signal {@code stopSignal}
     * gives, if not 0, once the run is under way: for a signal handler installed first, which
     * records the signal, then calls stop(int).
     */
    public ExitStatus run(Consumer<? super Event> events, java.util.function.IntSupplier stopSignal) throws Errno {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("Session.run needs a platform thread; use stream() from a virtual thread");
        }
        Throwable[] thrown = new Throwable[1];
        Tracer.Config config = new Tracer.Config(follow, selection, decode, fdPaths(), decodeArgs, systemTime, tampering,
                qualifiers, tracePaths, onNotice, onUnknownExit, stackTraces, onWarning);
        Sink sink = Sink.of(e -> {
            if (thrown[0] == null) {
                try {
                    events.accept(e);
                } catch (RuntimeException | Error x) {
                    thrown[0] = x;
                    stop();
                }
            }
        });
        if (backend == Backend.BPF) {
            return runBpf(config, sink, thrown, () -> stopSignal.getAsInt() != 0);
        }
        if (killOnExit && !pids.isEmpty()) {
            throw new IllegalStateException("--kill-on-exit and -p/--attach are mutually exclusive options");
        }
        Tracer tracer = new Tracer(config, sink);
        tracer.seccomp(seccomp);
        tracer.killOnExit(killOnExit);
        tracer.detachOnExec(detachOnExec);
        tracer.debug(debug);
        tracer.user(user);
        running = tracer;
        int signal = stopSignal.getAsInt();
        if (signal != 0) {
            tracer.interrupt(signal);
        }
        try {
            ExitStatus status = path != null
                    ? status(tracer.runCommand(path, argv, inheritance, onStart, pids, onWarning))
                    : ExitStatus.exited(tracer.runAttached(pids, onWarning));
            rethrow(thrown[0]);
            return status;
        } finally {
            running = null;
        }
    }

    private static ExitStatus status(int waitStatus) {
        return WaitStatus.signaled(waitStatus)
                ? ExitStatus.killed(WaitStatus.termSignal(waitStatus), WaitStatus.coreDumped(waitStatus))
                : ExitStatus.exited(WaitStatus.exitCode(waitStatus));
    }

    /** What the event consumer threw, if anything. */
    private static void rethrow(Throwable thrown) {
        // Not a type switch: its bootstrap would generate a class on every run's exit path.
        if (thrown instanceof RuntimeException x) {
            throw x;
        }
        if (thrown instanceof Error x) {
            throw x;
        }
    }

    private ExitStatus runBpf(Tracer.Config config, Sink sink, Throwable[] thrown,
                              java.util.function.BooleanSupplier cancelled) throws Errno {
        String refused = path != null && !pids.isEmpty() ? "--backend=bpf: -p with a command is not supported"
                : EbpfTracer.refused(config);
        if (refused == null && seccomp.program().length > 0 && !seccomp.stopsOnTracedOnly()) {
            // --seccomp-bpf only spares ptrace stops and is not needed; a policy must not be dropped silently.
            refused = "--seccomp-policy is enforced by the ptrace backend's launcher: use --backend=ptrace";
        }
        if (refused != null) {
            throw new IllegalStateException(refused);
        }
        EbpfTracer tracer = new EbpfTracer(config, sink, onWarning);
        runningBpf = tracer;
        if (cancelled.getAsBoolean()) {
            tracer.interrupt();
        }
        try {
            ExitStatus status = path != null ? status(tracer.runCommand(path, argv, inheritance, onStart))
                    : ExitStatus.exited(tracer.runAttached(pids, onWarning));
            rethrow(thrown[0]);
            return status;
        } finally {
            runningBpf = null;
        }
    }

    /**
     * Ends the run in progress, from any thread, as strace ends on SIGINT: the started command
     * is killed (SIGKILL: the JVM outlives it and reaps it, so it must not linger), every other
     * tracee (attached processes, followed children) is detached and keeps running. Does nothing
     * when nothing runs.
     */
    public void stop() {
        stop(Signals.SIGKILL);
    }

    /**
     * Ends the run in progress as strace ends on the fatal signal {@code signal}: the started
     * command gets that signal (SIGKILL: it is let die traced and reaped) and every tracee is
     * detached. Does nothing when nothing runs.
     */
    public void stop(int signal) {
        Tracer t = running;
        if (t != null) {
            t.interrupt(signal);
        }
        EbpfTracer b = runningBpf;
        if (b != null) {
            b.interrupt();
        }
    }

    private FdPaths fdPaths() {
        return decode.fdDetail() > 0 || decode.kvmVcpu() ? new FdTable(decode.fdDetail()) : FdPaths.NONE;
    }
}

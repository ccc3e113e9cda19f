package io.jstrace.api;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.linux.Errno;
import io.jstrace.model.CallPairing;
import io.jstrace.model.Event;
import io.jstrace.model.ExitStatus;
import io.jstrace.model.SystemCall;
import io.jstrace.session.Session;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.PathFilter;
import io.jstrace.trace.Selection;
import io.jstrace.trace.TraceExpr;
import io.jstrace.xlat.Signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Traces a command, or running processes, from Java: the events the jstrace command prints, as
 * {@link Event}s with {@link io.jstrace.model.Value} arguments, or whole calls as
 * {@link SystemCall}s. Options take strace's syntax.
 *
 * <pre>{@code
 * ExitStatus s = JsTrace.command("ls", "/tmp").follow(true).syscalls("%file", "/^stat", "connect")
 *         .onSyscall("openat", call -> System.out.println(call.args() + " = " + call.result()))
 *         .run();
 *
 * try (TraceStream events = JsTrace.attach(pid).stream()) {
 *     events.stream().filter(e -> e instanceof Event.SyscallExit).limit(100).forEach(System.out::println);
 * }   // closing detaches; the process keeps running
 * }</pre>
 *
 * Configure, register handlers, then call {@link #run()} (traces on the calling thread, which
 * must be a platform thread: the kernel accepts ptrace requests only from the thread that
 * attached) or {@link #stream()} (traces on a dedicated thread of its own). A JsTrace may run
 * several times; {@link #stop()} ends the run in progress. Failures are unchecked:
 * {@link JsTraceException} when tracing cannot start or go on, {@link IllegalArgumentException}
 * for a bad option, with strace's wording.
 */
public final class JsTrace {
    private static final SyscallTable TABLE = SyscallTable.x86_64();

    private final Session session;
    private final List<Consumer<? super Event>> eventHandlers = new ArrayList<>();
    private final Map<String, List<Consumer<? super SystemCall>>> callHandlers = new HashMap<>();
    private final List<Consumer<? super Throwable>> errorHandlers = new ArrayList<>();
    private final List<Runnable> closeHandlers = new ArrayList<>();
    private Consumer<String> onWarning = m -> System.getLogger("io.jstrace").log(System.Logger.Level.WARNING, m);

    private JsTrace(Session session) {
        this.session = session;
    }

    /**
     * Traces {@code argv}, started as a shell would start it. The program is looked up on PATH
     * now, as strace does before it starts anything.
     *
     * @throws IllegalArgumentException if {@code argv} is empty or the program does not exist,
     *                                  with strace's message ({@code Can't stat 'x': No such file or directory})
     */
    public static JsTrace command(List<String> argv) {
        return new JsTrace(Session.command(argv));
    }

    /** {@link #command(List)} with the arguments given one by one. */
    public static JsTrace command(String... argv) {
        return command(List.of(argv));
    }

    /** Attaches to every thread of each running process in {@code pids}; stopping detaches and leaves them running. */
    public static JsTrace attach(int... pids) {
        return new JsTrace(Session.attach(pids));
    }

    /**
     * Applies strace's tracing options, spelled as on its command line: {@code -f}, {@code -s 64},
     * {@code -v}, {@code -y}, {@code -X raw}, {@code -e trace=...}, {@code -e signal=...},
     * {@code -e inject=...}, {@code -e fault=...}, {@code -e raw=/abbrev=/verbose=/read=/write=},
     * {@code -P PATH}, {@code -k}, {@code --syscall-limit=N}, {@code --backend=bpf}. Options that
     * only shape the text output (-o, -t, -T, -c, --json, ...) or start other processes (-p, a
     * command) are refused: the events carry what they would print.
     *
     * @throws IllegalArgumentException for a bad or refused option, with strace's message
     */
    public JsTrace options(String... straceOptions) {
        TracingOptions.apply(List.of(straceOptions), session);
        return this;
    }

    /** Also traces the children and threads the tracees create from now on (strace's -f). */
    public JsTrace follow(boolean follow) {
        session.follow(follow);
        return this;
    }

    /**
     * Reports only these system calls: names, {@code %class} (file, network, process, ...) and
     * {@code /regex} items, {@code all}, {@code none}, a leading {@code !} negating the whole set:
     * what strace's {@code -e trace=} takes, split at the commas.
     *
     * @throws IllegalArgumentException for an unknown name or class, or a bad regex (strace's message)
     */
    public JsTrace syscalls(String... items) {
        Selection s = session.selection();
        session.selection(new Selection(TraceExpr.syscalls(String.join(",", items), TABLE), false, s.signals()));
        return this;
    }

    /** Reports only these signals: strace's {@code -e signal=} set ({@code SIGCHLD,TERM}, {@code !all}, numbers). */
    public JsTrace signals(String set) {
        Selection s = session.selection();
        session.selection(new Selection(s.syscalls(), s.unknownSyscalls(), TraceExpr.signals(set)));
        return this;
    }

    /** How many bytes of each string and buffer arguments carry (strace's -s; 32 by default). */
    public JsTrace stringLimit(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("Invalid -s argument: '" + bytes + "'");
        }
        DecodeOptions d = session.decode();
        session.decode(new DecodeOptions(bytes, d.verbose(), d.fdDetail(), d.xstyle(), d.structs(), d.pidComm(), d.pidNs(), d.kvmVcpu()));
        return this;
    }

    /** Whether structures, arrays and environments are shown whole (strace's -v). */
    public JsTrace verbose(boolean verbose) {
        DecodeOptions d = session.decode();
        session.decode(new DecodeOptions(d.stringLimit(), verbose, d.fdDetail(), d.xstyle(), d.structs(), d.pidComm(), d.pidNs(), d.kvmVcpu()));
        return this;
    }

    /**
     * What file descriptor arguments carry: 0 the number only, 1 also the path behind it (strace's
     * -y), 2 also socket endpoints, device numbers and pidfds' processes (-yy).
     */
    public JsTrace fdPaths(int detail) {
        if (detail < 0 || detail > 2) {
            throw new IllegalArgumentException("fd detail must be 0, 1 or 2: " + detail);
        }
        DecodeOptions d = session.decode();
        int bits = detail == 0 ? 0 : detail == 1 ? DecodeOptions.FD_PATH : DecodeOptions.FD_ALL;
        session.decode(new DecodeOptions(d.stringLimit(), d.verbose(), bits, d.xstyle(), d.structs(), d.pidComm(), d.pidNs(), d.kvmVcpu()));
        return this;
    }

    /**
     * Only calls that touch these paths, by name or through a descriptor open on them (strace's
     * -P; each path is also traced by its real path).
     */
    public JsTrace tracePaths(String... paths) {
        session.tracePaths(PathFilter.of(List.of(paths)));
        return this;
    }

    /**
     * Whether calls carry their decoded arguments and return values (the default), or only
     * their number and outcome: enough for counting, and cheaper (strace -c decodes nothing).
     */
    public JsTrace decodeArgs(boolean decodeArgs) {
        session.decodeArgs(decodeArgs);
        return this;
    }

    /**
     * Whether each {@link Event.SyscallExit} carries the system CPU time the call took
     * ({@code systemNanos}, from wait4's rusage at its two stops, as strace -c measures it).
     */
    public JsTrace systemTime(boolean systemTime) {
        session.systemTime(systemTime);
        return this;
    }

    /**
     * Whether each shown call, signal and stop is followed by an {@link Event.Backtrace}: the
     * thread's stack, unwound and symbolised as strace -k prints it.
     */
    public JsTrace stackTraces(boolean stackTraces) {
        session.stackTraces(stackTraces);
        return this;
    }

    /**
     * Which backend traces, as {@code --backend=} names it: {@code ptrace} (the default: stops
     * the tracee at each call) or {@code bpf} (sees calls from the kernel as they run; cannot
     * change calls or unwind stacks, needs root).
     */
    public JsTrace backend(String name) {
        session.backend(switch (name) {
            case "ptrace" -> Session.Backend.PTRACE;
            case "bpf" -> Session.Backend.BPF;
            default -> throw new IllegalArgumentException("unknown backend '" + name + "': ptrace or bpf");
        });
        return this;
    }

    /** Where the tracer's own notices go (e.g. that --syscall-limit was reached); dropped by default. */
    public JsTrace onNotice(Consumer<String> onNotice) {
        session.onNotice(onNotice).onUnknownExit(pid -> onNotice.accept("Exit of unknown pid " + pid + " ignored"));
        return this;
    }

    /**
     * Where attach failures and, with the bpf backend, lost events go (one line each); the
     * {@code io.jstrace} System.Logger by default. When no process could be attached,
     * {@link #run()} throws.
     */
    public JsTrace onWarning(Consumer<String> onWarning) {
        this.onWarning = onWarning;
        return this;
    }

    /** Called with the started command's pid, before it runs (e.g. to forward signals to it). */
    public JsTrace onStart(IntConsumer onStart) {
        session.onStart(onStart);
        return this;
    }

    /** Called with every event, in the order it happened. */
    public JsTrace onEvent(Consumer<? super Event> handler) {
        eventHandlers.add(handler);
        return this;
    }

    /**
     * Called with each call of syscall {@code name} once it is whole: at its exit, or when a
     * detach or the end of tracing cut it ({@link SystemCall#status()} says which).
     *
     * @throws IllegalArgumentException if no x86_64 syscall has that name
     */
    public JsTrace onSyscall(String name, Consumer<? super SystemCall> handler) {
        if (TABLE.byName(name) == null) {
            throw new IllegalArgumentException("invalid system call '" + name + "'");
        }
        callHandlers.computeIfAbsent(name, n -> new ArrayList<>()).add(handler);
        return this;
    }

    /** Called with every call once it is whole, whatever its name. */
    public JsTrace onSyscall(Consumer<? super SystemCall> handler) {
        callHandlers.computeIfAbsent(null, n -> new ArrayList<>()).add(handler);
        return this;
    }

    /**
     * Called with what ends a run abnormally, a handler's exception or a {@link JsTraceException},
     * before {@link #run()} throws it.
     */
    public JsTrace onError(Consumer<? super Throwable> handler) {
        errorHandlers.add(handler);
        return this;
    }

    /** Called when a run has ended, however it ended. */
    public JsTrace onClose(Runnable handler) {
        closeHandlers.add(handler);
        return this;
    }

    /**
     * Traces on the calling thread until the command ends (every traced process, with
     * {@link #follow}), the attached processes end, or {@link #stop()}, calling the handlers as
     * events come. If a handler throws, tracing stops as by {@link #stop()} and the exception is
     * rethrown.
     *
     * @throws JsTraceException      if the command cannot be started or the tracer cannot go on
     * @throws IllegalStateException on a virtual thread (it may move between carrier threads)
     */
    public ExitStatus run() {
        return run(e -> { }, () -> false);
    }

    /** {@link #run()} with one more event handler, for this run only. */
    public ExitStatus run(Consumer<? super Event> events) {
        return run(events, () -> false);
    }

    /** {@link #run(Consumer)}, stopping once under way if {@code cancelled} holds (for {@link TraceStream}). */
    ExitStatus run(Consumer<? super Event> events, BooleanSupplier cancelled) {
        CallPairing<RuntimeException> calls = callHandlers.isEmpty() ? null : new CallPairing<>(this::call);
        long[] last = new long[1];
        List<String> warnings = new ArrayList<>();
        session.onWarning(w -> {
            warnings.add(w);
            onWarning.accept(w);
        });
        try {
            ExitStatus status = session.run(e -> {
                last[0] = e.timeNanos();
                events.accept(e);
                for (Consumer<? super Event> h : eventHandlers) {
                    h.accept(e);
                }
                if (calls != null) {
                    calls.accept(e);
                }
            }, () -> cancelled.getAsBoolean() ? Signals.SIGKILL : 0);
            if (calls != null) {
                calls.end(last[0]);
            }
            if (session.attaches() && status.code() != 0) {
                // Nothing could be attached: the command line exits 1 after the warnings, the API throws.
                throw new JsTraceException(warnings.isEmpty() ? "no process could be attached" : warnings.getLast(), 0, null);
            }
            return status;
        } catch (Errno e) {
            throw failed(JsTraceException.of(e));
        } catch (RuntimeException e) {
            throw failed(e);
        } catch (Error e) {
            throw failed(e);
        } finally {
            closeHandlers.forEach(Runnable::run);
        }
    }

    private <T extends Throwable> T failed(T t) {
        for (Consumer<? super Throwable> h : errorHandlers) {
            h.accept(t);
        }
        return t;
    }

    private void call(SystemCall c) {
        List<Consumer<? super SystemCall>> named = callHandlers.get(c.name());
        if (named != null) {
            named.forEach(h -> h.accept(c));
        }
        List<Consumer<? super SystemCall>> all = callHandlers.get(null);
        if (all != null) {
            all.forEach(h -> h.accept(c));
        }
    }

    /**
     * Starts tracing on a dedicated platform thread and returns the events as they come, through
     * a bounded queue (the tracees wait while it is full); registered handlers run on that
     * thread. Returns once tracing has begun. Closing the stream stops tracing as {@link #stop()}
     * does.
     *
     * @throws JsTraceException if the command cannot be started
     */
    public TraceStream stream() {
        return TraceStream.start(this);
    }

    /**
     * Ends the run in progress, from any thread, as strace ends on SIGINT: the started command
     * is killed (SIGKILL: the JVM outlives it and reaps it, so it must not linger), every other
     * tracee (attached processes, followed children) is detached and keeps running. Does nothing
     * when nothing runs.
     */
    public void stop() {
        session.stop();
    }
}

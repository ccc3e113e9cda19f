package io.jstrace.cli;

import io.jstrace.model.ExitStatus;
import io.jstrace.session.Session;
import io.jstrace.decode.Signatures;
import io.jstrace.linux.Errno;
import io.jstrace.linux.SignalPipe;
import io.jstrace.linux.Sys;
import io.jstrace.output.AttachMessages;
import io.jstrace.output.GuardedOutput;
import io.jstrace.output.JsonLines;
import io.jstrace.output.Outputs;
import io.jstrace.output.Palette;
import io.jstrace.output.StraceText;
import io.jstrace.output.Summary;
import io.jstrace.output.SummaryOptions;
import io.jstrace.output.TextOptions;
import io.jstrace.output.Timeline;
import io.jstrace.output.ValueText;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Errnos;
import io.jstrace.trace.Sink;
import io.jstrace.trace.Tee;
import io.jstrace.xlat.Signals;
import io.jstrace.model.Value;
import io.jstrace.trace.PathFilter;
import io.jstrace.seccomp.ProfileError;
import io.jstrace.seccomp.SeccompSetup;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/** The jstrace command: strace's command line, strace's output. */
public final class Main {
    /**
     * What messages start with: as strace words them, the name jstrace was run by (the launcher
     * passes the path it was started by, or its plain name when found on PATH).
     */
    static final String NAME = System.getProperty("jstrace.name", "jstrace");

    private Main() {}

    public static void main(String[] argv) {
        Thread.ofPlatform().daemon().name("jstrace-warm-up").start(Main::warmUp);
        // Arguments and paths are bytes, one per char: they go back out as the same bytes.
        PrintStream err = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 8192),
                true, StandardCharsets.ISO_8859_1);
        System.setErr(err);
        int code;
        try {
            code = run(RawArgs.of(argv), err);
        } catch (UsageError e) {
            e.warnings().forEach(w -> err.println(NAME + ": " + w));
            err.println(NAME + ": " + e.getMessage());
            if (e.suggestHelp()) {
                err.println("Try '" + NAME + " -h' for more information.");
            }
            code = 1;
        } catch (RuntimeException | Errno e) {
            err.println(NAME + ": " + describe(e));
            code = 1;
        } catch (OutOfMemoryError e) {
            err.println(NAME + ": Out of memory");
            code = 1;
        }
        err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * Prepares, on the second CPU, what the main thread needs once it has parsed the options (it
     * loads the syscall table itself, first thing): the native calls to start the command, then
     * the signatures for the first stop. Start-up is mostly such set-up run in the interpreter.
     * A thread that needs one of them before it is ready waits for it (class initialisation).
     */
    private static void warmUp() {
        Sys.warmUp();
        Signatures.standard();
    }

    private static String describe(Throwable e) {
        if (e instanceof Errno n) {
            return n.getMessage().replaceFirst(": errno \\d+$", "") + ": " + Errnos.message(n.errno());
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    static int run(List<String> args, PrintStream err) throws UsageError, Errno {
        return switch (CommandLine.parse(args)) {
            case Invocation.Help h -> {
                System.out.print(Help.TEXT);
                yield 0;
            }
            case Invocation.Version v -> {
                System.out.println("jstrace -- version " + Help.VERSION);
                yield 0;
            }
            case Options o -> trace(o, err);
        };
    }

    private static int trace(Options o, PrintStream err) throws UsageError, Errno {
        o.tampering().warnings().forEach(w -> err.println(NAME + ": " + w));
        o.warnings().forEach(w -> err.println(NAME + ": " + w));
        boolean attach = o.command().isEmpty();
        PathFilter paths = o.tracePaths().isEmpty() ? null : tracePaths(o, new ValueText(o.hex(), o.decode().xstyle()), err);
        // As strace: the output is opened before the command is looked for.
        Outputs out = outputs(o, err);
        Sink text = sink(o, out, err);
        Session trace;
        try {
            if (o.quietConflict() != null) {
                throw o.quietConflict();
            }
            trace = attach ? Session.attach(o.pids().stream().mapToInt(Integer::intValue).toArray())
                    : Session.command(o.command()).inheritance(Launch.inheritance(o.envChanges()))
                            .killOnExit(o.killOnExit());
            if (o.user() != null) {
                trace.user(o.user());
            }
        } catch (UsageError | RuntimeException e) {
            text.close();
            throw e;
        }
        SummaryOptions summary = o.summary();
        trace.follow(o.followForks()).decode(o.decode())
                .decodeArgs(summary == null || !summary.only()).systemTime(summary != null && !summary.wallClock())
                .tampering(o.tampering()).qualifiers(o.qualifiers())
                .stackTraces(o.stackTrace()).backend(o.backend()).detachOnExec(o.detachOnExecve()).debug(o.debug())
                .onWarning(m -> err.println(NAME + ": " + m))
                .onNotice(notice -> {
                    if (!o.quiet().contains(Options.Quiet.ATTACH)) {
                        err.println(NAME + ": " + notice);
                    }
                })
                .onUnknownExit(pid -> {
                    // -o |CMD's reader is jstrace's child too, as strace's popen'd one, and as quiet.
                    if (pid != out.readerPid() && !o.quiet().contains(Options.Quiet.EXIT)) {
                        err.println(NAME + ": Exit of unknown pid " + pid + " ignored");
                    }
                });
        if (paths != null) {
            trace.tracePaths(paths);
        }
        // The seccomp options may widen what the tracer reports (a profile needs every call) and add sinks.
        SeccompSetup seccomp = seccomp(o, text, err, !attach);
        trace.selection(seccomp.selection()).seccomp(seccomp.launch());
        Sink sink = seccomp.sink();
        // -I: unless never interruptible (the default with -o and a command), the terminal's signals end the trace.
        boolean interactive = o.interruptible() == Options.Interruptible.WAITING
                || o.interruptible() == Options.Interruptible.ANYWHERE;
        if (o.interruptible() == Options.Interruptible.NEVER_TSTP) {
            SignalPipe.install(new int[] {Signals.SIGTSTP}, sig -> { }); // caught and dropped: ^Z stops the command only
        }
        if (!attach) {
            trace.onStart(pid -> Sys.releaseStandardFds(0, 1)) // the command has its own copies
                    .alsoAttach(o.pids().stream().mapToInt(Integer::intValue).toArray());
        }
        try {
            if (!interactive) {
                FatalSignals.install(sig -> { }); // -I never: strace ignores them
                ExitStatus status = trace.run(sink::accept);
                return ended(o, attach, status, sink, err);
            }
            // As strace: the started command gets the signal, every tracee is detached, and jstrace
            // ends by the signal. One before the run has begun still ends it: run() reads it once under way.
            FatalSignals signals = FatalSignals.install(trace::stop);
            ExitStatus status = trace.run(sink::accept, signals::first);
            sink.close();
            err.flush();
            signals.dieIfReceived();
            return ended(o, attach, status, sink, err);
        } finally {
            sink.close();
        }
    }

    /**
     * The end of the trace, after the --tips tip: the started command's end is jstrace's, its
     * exit status or death by its signal.
     */
    private static int ended(Options o, boolean attach, ExitStatus status, Sink sink, PrintStream err) {
        sink.close();
        Tips.print(o.tips(), err);
        if (attach) {
            return status.code();
        }
        if (status.killed()) {
            err.flush();
            Sys.dieBySignal(status.signal());
        }
        return status.code();
    }

    /** --seccomp-bpf, --seccomp-profile, --seccomp-policy: a bad policy stops jstrace before the command starts. */
    private static SeccompSetup seccomp(Options o, Sink text, PrintStream err, boolean startsCommand) throws UsageError {
        try {
            Consumer<String> warn = m -> err.println(NAME + ": " + m);
            return SeccompSetup.of(o.seccomp(), o.selection(), o.followForks(), startsCommand, text, err, NAME,
                    warn, o.decode().verbose() ? warn : m -> { });
        } catch (ProfileError e) {
            text.close();
            throw new UsageError(e.getMessage());
        }
    }

    /**
     * The sink for -c (the table and attach messages, no trace lines) or -C (trace lines, then
     * the table); {@code text} alone otherwise.
     */
    private static Sink withSummary(Options o, Outputs out, Sink text, PrintStream err) {
        SummaryOptions s = o.summary();
        if (s == null) {
            return text;
        }
        List<Syscall> known = SyscallTable.x86_64().all();
        int size = known.get(known.size() - 1).number() + 1;
        if (s.only()) {
            return Tee.of(List.of(new Summary(s, size, out, true),
                    new AttachMessages(err, NAME, textOptions(o).quietAttach())));
        }
        // The summary closes first so that its table comes before text closes the output.
        return Tee.of(List.of(new Summary(s, size, out, false), text));
    }

    /** -P: the filter, after strace's "Requested path ... resolved into ..." for each path realpath changed. */
    private static PathFilter tracePaths(Options o, ValueText values, PrintStream err) {
        PathFilter filter = PathFilter.of(o.tracePaths());
        if (!o.quiet().contains(Options.Quiet.PATH_RESOLUTION)) {
            for (PathFilter.Resolution r : filter.resolutions()) {
                StringBuilder sb = new StringBuilder(NAME).append(": Requested path ");
                values.append(sb, new Value.Str(r.requested().getBytes(StandardCharsets.ISO_8859_1), false));
                sb.append(" resolved into ");
                values.append(sb, new Value.Str(r.resolved().getBytes(StandardCharsets.ISO_8859_1), false));
                err.println(sb);
            }
        }
        return filter;
    }

    /** --color=auto colours only what goes to a terminal: stderr, without -o. */
    private static Palette palette(Options o) {
        boolean terminal = o.output() == null && Sys.isatty(2);
        return Palette.choose(o.color(), terminal, System.getenv("NO_COLOR"), System.getenv("TERM"));
    }

    /** strace's text or --json lines, with the -c/-C table, and the --timeline file when asked for. */
    private static Sink sink(Options o, Outputs out, PrintStream err) throws UsageError {
        Sink timeline = o.timeline() != null
                ? new Timeline(new GuardedOutput(open(o.timeline(), false), o.timeline(), null, trouble(err))) : null;
        Sink lines = o.json() ? new JsonLines(out, o.statuses())
                : new StraceText(out, textOptions(o), new ValueText(o.hex(), o.decode().xstyle(), palette(o)), err, NAME);
        Sink main = withSummary(o, out, lines, err);
        return timeline == null ? main : Tee.of(List.of(main, timeline));
    }

    private static Outputs outputs(Options o, PrintStream err) throws UsageError {
        if (o.output() == null) {
            return Outputs.single(err, true);
        }
        if (o.output().startsWith("|") || o.output().startsWith("!")) {
            return Outputs.pipe(o.output().substring(1), o.output(), trouble(err));
        }
        if (o.follow() == 2) {
            return Outputs.perThread(o.output(), trouble(err));
        }
        return Outputs.single(open(o.output(), o.appendOutput()), false, o.output(), trouble(err));
    }

    /** Where a failure to write the trace is reported: once, and tracing goes on (see GuardedOutput). */
    private static java.util.function.Consumer<String> trouble(PrintStream err) {
        return m -> err.println(NAME + ": " + m);
    }

    private static OutputStream open(String path, boolean append) throws UsageError {
        try {
            return Outputs.open(path, append);
        } catch (UncheckedIOException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static TextOptions textOptions(Options o) {
        TextOptions.Prefix prefix;
        if (o.output() == null) {
            prefix = TextOptions.Prefix.BRACKETED;
        } else if (o.follow() == 2) {
            prefix = TextOptions.Prefix.NONE;
        } else if (o.follow() == 1) {
            prefix = TextOptions.Prefix.PLAIN;
        } else {
            prefix = TextOptions.Prefix.PLAIN_IF_MANY;
        }
        return new TextOptions(prefix, o.column(), o.stamp(), o.relativeDigits(), o.durationDigits(), o.numbers(),
                o.quiet().contains(Options.Quiet.ATTACH), o.quiet().contains(Options.Quiet.EXIT), o.statuses(),
                o.quiet().contains(Options.Quiet.THREAD_EXECVE), o.instructionPointer(), o.selection().signals());
    }
}

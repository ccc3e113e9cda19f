package io.jstrace.cli;

import io.jstrace.decode.FdPaths;
import io.jstrace.linux.Errno;
import io.jstrace.linux.Sys;
import io.jstrace.linux.WaitStatus;
import io.jstrace.output.Outputs;
import io.jstrace.output.StraceText;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.seccomp.ProfileError;
import io.jstrace.seccomp.SeccompSetup;
import io.jstrace.trace.Errnos;
import io.jstrace.trace.FdTable;
import io.jstrace.trace.Sink;
import io.jstrace.trace.Tracer;
import sun.misc.Signal;

import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/** The jstrace command: strace's command line, strace's output. */
public final class Main {
    static final String NAME = "jstrace";
    private static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGPIPE = 13, SIGTERM = 15;

    private Main() {}

    public static void main(String[] argv) {
        PrintStream err = System.err;
        int code;
        try {
            code = run(RawArgs.of(argv), err);
        } catch (UsageError e) {
            err.println(NAME + ": " + e.getMessage());
            if (e.suggestHelp()) {
                err.println("Try '" + NAME + " -h' for more information.");
            }
            code = 1;
        } catch (RuntimeException | Errno e) {
            err.println(NAME + ": " + describe(e));
            code = 1;
        }
        err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }

    private static String describe(Throwable e) {
        if (e instanceof Errno n) {
            return n.getMessage().replaceFirst(": errno \\d+$", "") + ": " + Errnos.message(n.errno());
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    static int run(List<String> args, PrintStream err) throws UsageError, Errno {
        Options o = CommandLine.parse(args);
        switch (o.action()) {
            case HELP -> {
                System.out.print(Help.TEXT);
                return 0;
            }
            case VERSION -> {
                System.out.println(NAME + " -- version " + Help.VERSION);
                return 0;
            }
            case TRACE -> { }
        }
        String path = o.command().isEmpty() ? null : Launch.resolve(o.command().get(0));
        StraceText text = new StraceText(outputs(o, err), textOptions(o), new ValueText(o.hex(), o.decode().xstyle()), err, NAME);
        FdPaths fds = o.decode().fdDetail() > 0 ? new FdTable(o.decode().fdDetail()) : FdPaths.NONE;
        SeccompSetup seccomp = seccomp(o, text, err, path != null);
        Sink sink = seccomp.sink();
        Tracer tracer = new Tracer(new Tracer.Config(o.followForks(), seccomp.selection(), o.decode(), fds), sink);
        tracer.seccomp(seccomp.launch());
        try {
            if (path == null) {
                for (int sig : new int[] {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM}) {
                    handle(sig, tracer::interrupt);
                }
                return tracer.runAttached(o.pids(), m -> err.println(NAME + ": " + m));
            }
            int[] child = new int[1];
            // With -o the terminal's signals reach the command itself; otherwise pass them on, as strace does.
            for (int sig : new int[] {SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM}) {
                handle(sig, o.output() != null ? () -> { } : () -> forward(child[0], sig));
            }
            int status = tracer.runCommand(path, o.command(), Launch.inheritance(), pid -> child[0] = pid);
            sink.close();
            if (WaitStatus.signaled(status)) {
                err.flush();
                Sys.dieBySignal(WaitStatus.termSignal(status));
            }
            return WaitStatus.exitCode(status);
        } finally {
            sink.close();
        }
    }

    /** --seccomp-bpf, --seccomp-profile, --seccomp-policy: a bad policy stops jstrace before the command starts. */
    private static SeccompSetup seccomp(Options o, Sink text, PrintStream err, boolean startsCommand) throws UsageError {
        try {
            return SeccompSetup.of(o.seccomp(), o.selection(), o.followForks(), startsCommand, text, err, NAME,
                    m -> err.println(NAME + ": " + m));
        } catch (ProfileError e) {
            text.close();
            throw new UsageError(e.getMessage());
        }
    }

    private static void forward(int pid, int sig) {
        if (pid > 0) {
            Sys.kill(pid, 18); // SIGCONT: a stopped command must see the signal too
            Sys.kill(pid, sig);
        }
    }

    private static void handle(int sig, Runnable action) {
        String name = switch (sig) {
            case SIGHUP -> "HUP";
            case SIGINT -> "INT";
            case SIGQUIT -> "QUIT";
            case SIGPIPE -> "PIPE";
            default -> "TERM";
        };
        try {
            Signal.handle(new Signal(name), s -> action.run());
        } catch (IllegalArgumentException e) {
            // The JVM reserves this signal (e.g. QUIT without -Xrs): leave it be.
        }
    }

    private static Outputs outputs(Options o, PrintStream err) throws UsageError {
        if (o.output() == null) {
            return Outputs.single(err, true);
        }
        if (o.output().startsWith("|") || o.output().startsWith("!")) {
            return Outputs.pipe(o.output().substring(1));
        }
        if (o.follow() == 2) {
            return Outputs.perThread(o.output());
        }
        try {
            OutputStream out = new FileOutputStream(o.output(), o.appendOutput());
            return Outputs.single(out, false);
        } catch (FileNotFoundException e) {
            throw new UsageError("Can't fopen '" + o.output() + "': " + reason(e));
        }
    }

    private static String reason(FileNotFoundException e) {
        String m = e.getMessage();
        int p = m == null ? -1 : m.lastIndexOf('(');
        return p < 0 ? "No such file or directory" : m.substring(p + 1, m.length() - 1);
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
        return new TextOptions(prefix, o.column(), o.stamp(), o.relative(), o.durations(), o.numbers(),
                o.quiet() > 0, o.quiet() > 1, o.statuses());
    }
}

package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -p as strace does it: the signals that end it, the threads it attaches, -p beside a command. */
class AttachIT {
    private static final String STRACE = "/usr/bin/strace";

    @TempDir
    Path tmp;

    /**
     * After SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGPIPE, strace detaches and dies by that signal
     * (exit status 128 + N), also when the signal was ignored when it started (a background job
     * of a script starts with SIGINT and SIGQUIT ignored, nohup with SIGHUP). So does jstrace; it
     * used to exit 0, and to trace on for good when the signal had been ignored.
     */
    @Test
    void fatalSignalsDetachAndEndTracingByTheSignalEvenWhenIgnoredAtStart() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        try {
            for (String sig : List.of("INT", "TERM", "HUP", "QUIT", "PIPE")) {
                for (boolean ignored : new boolean[] {false, true}) {
                    int strace = endBySignal(STRACE, sleep.pid(), sig, ignored);
                    int jstrace = endBySignal(Run.JSTRACE, sleep.pid(), sig, ignored);
                    assertEquals(strace, jstrace, "SIG" + sig + (ignored ? " ignored at start" : ""));
                    assertTrue(jstrace > 128, "strace itself: " + strace);
                    assertTrue(sleep.isAlive());
                    String status = Files.readString(Path.of("/proc/" + sleep.pid() + "/status"));
                    assertTrue(status.contains("TracerPid:\t0") && status.contains("State:\tS"), status);
                }
            }
        } finally {
            sleep.destroyForcibly();
        }
    }

    /** The exit status of {@code tracer -p pid} sent {@code sig} once attached ({@code ignored}: SIG_IGN inherited). */
    private int endBySignal(String tracer, long pid, String sig, boolean ignored) throws Exception {
        String trap = ignored ? "trap '' " + sig + "; " : "";
        Process p = attached(List.of("sh", "-c", trap + "exec " + tracer + " -o /dev/null -p " + pid),
                Files.createTempFile(tmp, "err", ".txt"));
        Run.exec("kill", "-" + sig, String.valueOf(p.pid()));
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return -1;
        }
        return p.exitValue();
    }

    /** Starts {@code argv} (a tracer with -p), its stderr to {@code err}, and returns once it says it attached. */
    private static Process attached(List<String> argv, Path err) throws Exception {
        Process p = new ProcessBuilder(argv).redirectError(err.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(err).contains("attached") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return p;
    }

    /**
     * Threads that exit while -f -p attaches are no error: strace reports an attach failure only
     * for the process named. jstrace printed "attach: ptrace(PTRACE_SEIZE, TID): No such process"
     * for them, 8 runs of 23 on a busy process.
     */
    @Test
    void threadsThatExitDuringTheAttachAreNoError() throws Exception {
        Process churn = new ProcessBuilder(Run.tracee("churn")).start();
        try {
            new BufferedReader(new InputStreamReader(churn.getInputStream())).readLine();
            for (int i = 0; i < 15; i++) {
                Path err = Files.createTempFile(tmp, "err", ".txt");
                Process p = attached(List.of(Run.JSTRACE, "-f", "-o", "/dev/null", "-p", String.valueOf(churn.pid())), err);
                Thread.sleep(100);
                Run.exec("kill", "-INT", String.valueOf(p.pid()));
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertFalse(Files.readString(err).contains("attach:"), Files.readString(err));
            }
        } finally {
            churn.destroyForcibly();
        }
    }

    /** Without -f, strace attaches the thread named only ("Process N attached", once); jstrace took every thread. */
    @Test
    void withoutFollowingOnlyTheThreadNamedIsAttached() throws Exception {
        Process churn = new ProcessBuilder(Run.tracee("churn")).start();
        try {
            new BufferedReader(new InputStreamReader(churn.getInputStream())).readLine();
            Path err = Files.createTempFile(tmp, "err", ".txt");
            Process p = attached(List.of(Run.JSTRACE, "-o", "/dev/null", "-p", String.valueOf(churn.pid())), err);
            Thread.sleep(200);
            Run.exec("kill", "-INT", String.valueOf(p.pid()));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals("jstrace: Process " + churn.pid() + " attached\njstrace: Process " + churn.pid()
                    + " detached\n", Run.plainName(Files.readString(err)));
        } finally {
            churn.destroyForcibly();
        }
    }

    /**
     * -p with a command: strace starts the command, attaches to the process, traces both to their
     * ends and exits with the command's status. jstrace dropped the -p. Here the command ends the
     * attached process.
     */
    @Test
    void attachesBesideACommandAndTracesBoth() throws Exception {
        for (String tracer : List.of(STRACE, Run.JSTRACE)) {
            Process sleep = new ProcessBuilder("sleep", "600").start();
            try {
                Path out = tmp.resolve("out");
                Run.Result r = Run.exec(tracer, "-o", out.toString(), "-p", String.valueOf(sleep.pid()),
                        "sh", "-c", "kill " + sleep.pid() + "; exit 3");
                String name = tracer.equals(STRACE) ? "strace" : "jstrace";
                assertEquals(3, r.exit(), name + ": " + r.err());
                assertEquals("", r.err(), name + ": -o with a command implies -q, no attach message");
                String trace = Files.readString(out);
                assertTrue(trace.matches("(?s).*\\n" + sleep.pid() + " +\\+\\+\\+ killed by SIGTERM \\+\\+\\+\\n.*"),
                        name + ": " + trace);
                assertTrue(trace.matches("(?s).*kill\\(" + sleep.pid() + ", SIGTERM\\) += 0\\n.*"), name + ": " + trace);
                assertTrue(trace.contains(" +++ exited with 3 +++\n"), name + ": " + trace);
            } finally {
                sleep.destroyForcibly();
            }
        }
    }

    /**
     * A child cloned with CLONE_PTRACE comes traced whatever the options; without -f strace lets
     * it go ("Detached unknown pid N", hidden by -q) and traces the parent only. jstrace traced it.
     */
    @Test
    void aClonePtraceChildIsLetGoWithoutFollowing() throws Exception {
        String prog = Run.tracee("cloneptrace");
        for (String tracer : List.of(STRACE, Run.JSTRACE)) {
            Path out = tmp.resolve("out");
            Run.Result r = Run.exec(tracer, "-o", out.toString(), "-e", "trace=none", "--quiet=personality", prog);
            String name = tracer.equals(STRACE) ? tracer : "jstrace";
            assertEquals(0, r.exit(), name + ": " + r.err());
            String child = r.out().strip();
            assertEquals(name + ": Detached unknown pid " + child + "\n", r.err());
            assertTrue(Files.readString(out).matches("--- SIGCHLD \\{si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=" + child
                    + ", .*si_status=SIGUSR1, .*\\n\\+\\+\\+ exited with 0 \\+\\+\\+\\n"), name + ": " + Files.readString(out));
        }
    }

    /**
     * A child cloned with CLONE_PARENT, not followed, is the tracer's child: its exit comes to the
     * tracer, which reaps it and says so ("Exit of unknown pid N ignored"), unless -e quiet=exit.
     */
    @Test
    void anUntracedCloneParentChildsExitIsReported() throws Exception {
        String prog = Run.tracee("cloneparent");
        for (String quiet : List.of("personality", "exit")) {
            for (String tracer : List.of(STRACE, Run.JSTRACE)) {
                Run.Result r = Run.exec(tracer, "-o", "/dev/null", "-e", "trace=none", "--quiet=" + quiet, prog);
                String name = tracer.equals(STRACE) ? tracer : "jstrace";
                assertEquals(0, r.exit(), name + ": " + r.err());
                String child = r.out().strip();
                assertEquals(quiet.equals("exit") ? "" : name + ": Exit of unknown pid " + child + " ignored\n", r.err());
            }
        }
    }
}

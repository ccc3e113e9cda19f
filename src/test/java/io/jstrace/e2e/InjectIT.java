package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Syscall tampering (-e inject=, -e fault=) end to end: the tracee sees the injected results,
 * signals and delays, and the lines, exit statuses and errors are strace's.
 */
class InjectIT {
    @TempDir
    Path tmp;

    private static List<String> argv(String tracer, String... args) {
        List<String> a = new ArrayList<>(List.of(tracer));
        a.addAll(List.of(args));
        return a;
    }

    private static Run.Result run(String tracer, String... args) throws Exception {
        return Run.exec(argv(tracer, args), StraceDiff.ENV, null);
    }

    @Test
    void injectedErrorFailsTheCommandAsUnderStrace() throws Exception {
        Run.Result r = run(Run.JSTRACE, "-e", "trace=openat", "-e", "inject=openat:error=EPERM:when=3",
                "cat", "/etc/hostname");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = -1 EPERM (Operation not permitted) (INJECTED)\n"),
                r.err());
        assertTrue(r.err().contains("cat: /etc/hostname: Operation not permitted\n"), r.err());
        assertEquals("", r.out());
        // Every openat failing: the dynamic loader cannot load libc, as under strace (status 127).
        Run.Result all = run(Run.JSTRACE, "-o", "/dev/null", "-e", "inject=openat:error=EPERM", "cat", "/etc/hostname");
        assertEquals(127, all.exit(), all.err());
        assertTrue(all.err().contains("libc.so.6: cannot open shared object file: Operation not permitted"), all.err());
    }

    @ParameterizedTest(name = "{0} :: {1}")
    @CsvSource(delimiter = '|', value = {
            "-e inject=openat:error=EPERM:when=5 | exec cat /etc/hostname",
            "-e inject=openat:retval=42:when=4..5 | exec cat /etc/hostname",
            "-e fault=openat:when=2+2 | exec cat /etc/hostname",
            "-e trace=read,openat,close -e inject=read:error=EIO:when=2 | exec cat /etc/hostname",
            "-e inject=openat:error=ENOENT:when=4 -e inject=read:retval=0:when=3 -e inject=openat:error=EACCES:when=5 | exec cat /etc/hostname /etc/passwd",
            "-Z -e inject=openat:error=EACCES:when=2..6+2 | exec cat /etc/hostname",
            "-X raw -e trace=openat -e inject=openat:error=EACCES:when=4 | exec cat /etc/hostname",
            "-e inject=execve:error=ENOENT:when=2 | exec sh -c 'exec cat /etc/hostname'",
            "-e trace=getppid -e inject=getppid:error=ERESTARTSYS:when=2 | exec INJECT calls 2",
            "-f -e trace=getppid -e inject=getppid:error=EPERM:when=2 | exec INJECT calls 3",
            "-f -e trace=getppid,getpid -e inject=getppid:syscall=getpid:retval=7:when=1..2 | exec INJECT calls 3",
            "-e trace=getppid -e inject=getppid:signal=CHLD:retval=5:when=2 | exec INJECT calls 3",
            "-e trace=getppid -e inject=getppid:signal=USR1:when=2 | exec INJECT calls 3",
            "-e trace=getppid -e inject=getppid:delay_enter=20ms:delay_exit=10ms:when=2 | exec INJECT calls 3",
            // ids are unsigned: strace prints the injected values so
            "-e trace=geteuid,getgid -e inject=geteuid:retval=0x8000000000000000 -e inject=getgid:retval=0xffffffffffffffff | exec id",
    })
    void sameLinesAsStrace(String options, String command) throws Exception {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
        String cmd = command.replace("INJECT", Run.tracee("inject"));
        StraceDiff.Pair p = StraceDiff.run(tmp, Arrays.asList(options.trim().split(" +")), cmd);
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }

    @Test
    void countsPerProcessAndTheTraceeSeesTheInjectedResults() throws Exception {
        Run.Result r = run(Run.JSTRACE, "-f", "-o", "/dev/null", "-e", "inject=getppid:error=EPERM:when=2",
                "-e", "inject=getppid:retval=0:when=3", Run.tracee("inject"), "calls", "3");
        assertEquals(0, r.exit(), r.err());
        // The later expression replaces the earlier one for getppid: only the third call is injected.
        assertEquals("parent 1: 1\nparent 2: 1\nparent 3: 0\nchild 1: 1\nchild 2: 1\nchild 3: 0\n", r.out());
        r = run(Run.JSTRACE, "-f", "-o", "/dev/null", "-e", "fault=getppid:when=2..3", Run.tracee("inject"), "calls", "4");
        assertEquals("parent 1: 1\nparent 2: -38\nparent 3: -38\nparent 4: 1\n"
                + "child 1: 1\nchild 2: -38\nchild 3: -38\nchild 4: 1\n", r.out());
    }

    /**
     * poke_exit= rewrites what getcwd returned, which the command then prints; poke_enter= with an
     * argument the call does not have is reported and the call runs untouched: as under strace.
     */
    @Test
    void pokesAsUnderStrace() throws Exception {
        String[] args = {"-f", "-e", "trace=getcwd,chdir", "-e", "inject=getcwd:poke_exit=@arg1=2f706f6b656400",
            "-e", "inject=chdir:poke_enter=@arg2=00", "sh", "-c", "cd /tmp && /bin/pwd -P"};
        Run.Result j = run(Run.JSTRACE, args);
        assertEquals(0, j.exit(), j.err());
        assertEquals("/poked\n", j.out());
        assertTrue(j.err().replaceAll(" +=", " =").contains("getcwd(\"/pok\"..., 4096) = 5 (INJECTED: args)\n"), j.err());
        assertTrue(j.err().contains("jstrace: Failed to tamper with process "), j.err());
        if (StraceDiff.straceAvailable()) {
            Run.Result s = run("/usr/bin/strace", args);
            assertEquals(s.out(), j.out());
            assertEquals(masked(s.err()), masked(j.err()));
        }
    }

    /** Without what differs between runs and tracers: numbers, alignment, the tracer's name and function. */
    private static String masked(String err) {
        return err.replaceAll("(?m)^(/usr/bin/strace|jstrace): (poke_tcb: )?", "").replaceAll("\\d+", "N").replaceAll(" +=", " =");
    }

    @Test
    void injectedSignalKillsAsUnderStrace() throws Exception {
        String inject = Run.tracee("inject");
        Run.Result j = run(Run.JSTRACE, "-e", "trace=getppid", "-e", "inject=getppid:signal=USR1:when=2", inject, "calls", "3");
        assertEquals(128 + 10, j.exit(), j.err());
        assertTrue(j.err().contains("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---\n+++ killed by SIGUSR1 +++\n"), j.err());
        assertEquals("parent 1: 1\n", j.out());
        if (StraceDiff.straceAvailable()) {
            assertEquals(run("/usr/bin/strace", "-e", "inject=getppid:signal=USR1:when=2", inject, "calls", "3").exit(),
                    j.exit());
        }
    }

    private static final Pattern HELD = Pattern.compile("sleeps ([0-9.]+) child ([0-9.]+)\n");

    @Test
    void delayHoldsOnlyTheDelayedThread() throws Exception {
        Run.Result r = run(Run.JSTRACE, "-f", "-e", "trace=getppid", "-e", "inject=getppid:delay_enter=1s",
                Run.tracee("inject"), "held", "300");
        assertEquals(0, r.exit(), r.err());
        Matcher m = HELD.matcher(r.out());
        assertTrue(m.matches(), r.out());
        // The child waits a second at its getppid; the parent's 30 sleeps of 10 ms go on meanwhile.
        assertTrue(Double.parseDouble(m.group(2)) >= 1.0, r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 0.9, r.out());
        assertTrue(r.err().matches("(?s).*\\[pid +\\d+\\] getppid\\(\\) += \\d+ \\(DELAYED\\)\n.*"), r.err());

        r = run(Run.JSTRACE, "-f", "-o", "/dev/null", "-e", "inject=getppid:delay_exit=500ms", Run.tracee("inject"), "held", "0");
        m = HELD.matcher(r.out());
        assertTrue(m.matches() && Double.parseDouble(m.group(2)) >= 0.5, r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"inject=openat", "inject=openat:error=EPERM:retval=1", "inject=openat:when=3..2:error=EPERM",
            "inject=nosuch:error=EPERM", "inject=:error=EPERM", "fault=openat:retval=1", "inject=openat:signal=65",
            "inject=openat:delay_enter=1x", "inject=openat:syscall=write:error=EPERM"})
    void badExpressionsAreStracesOneLineErrors(String expr) throws Exception {
        Run.Result j = run(Run.JSTRACE, "-e", expr, "true");
        assertEquals(1, j.exit());
        assertTrue(j.err().matches("jstrace: invalid [a-z ]+ '[^\n]*'\n"), j.err());
        if (StraceDiff.straceAvailable()) {
            Run.Result s = run("/usr/bin/strace", "-e", expr, "true");
            assertEquals(s.err().replaceFirst("^/usr/bin/strace:", "jstrace:"), j.err());
            assertEquals(s.exit(), j.exit());
        }
    }
}

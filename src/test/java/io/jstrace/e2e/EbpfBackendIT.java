package io.jstrace.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * --backend=bpf against --backend=ptrace on the same commands: the same lines. Skipped only where
 * bpf(2) is refused for want of privilege (the message says "needs root"); CI runs as root.
 */
class EbpfBackendIT {
    private static final String BPF = "--backend=bpf";

    @BeforeAll
    static void bpfAllowed() throws Exception {
        Run.Result r = Run.jstrace(BPF, "-o", "/dev/null", "true");
        assumeTrue(r.exit() == 0 || !r.err().contains("needs root"), r.err());
        assertEquals(0, r.exit(), r.err());
    }

    /** Lines of each process, in order, as StraceDiff normalises them; the two backends must agree. */
    @ParameterizedTest
    @ValueSource(strings = {
        "cat /etc/hostname",
        "ls -la /etc/default",
        "echo abc | wc -c",
        "mkdir d && touch d/f && ln -s f d/l && readlink d/l && chmod 600 d/f && unlink d/l && unlink d/f && rmdir d",
        "CALLS",
    })
    void sameLinesAsPtrace(String command, @TempDir Path tmp) throws Exception {
        String cmd = command.matches("[A-Z]+") ? "exec " + Run.tracee(command.toLowerCase()) : command;
        List<String> ptrace = StraceDiff.trace(tmp, List.of(Run.JSTRACE), List.of("-f"), cmd, "p");
        List<String> bpf = StraceDiff.trace(tmp, List.of(Run.JSTRACE, BPF), List.of("-f"), cmd, "b");
        assertEquals(comparable(ptrace), comparable(bpf));
    }

    /**
     * The lines as both backends must print them. Signals come in the order they happened, and
     * an untraced-speed tracee takes its SIGCHLD at another point than a ptrace-stopped one (two
     * children ending together may even make one SIGCHLD): which signals each process got is
     * compared, after the other lines. rt_sigreturn's mask is read from the signal
     * frame at the stack pointer, which only the ptrace backend reads: its line is left out. The
     * test's stdout and stderr are fresh temporary files each run.
     */
    private static String comparable(List<String> lines) {
        List<String> calls = new ArrayList<>();
        List<String> signals = new ArrayList<>();
        for (String l : lines) {
            l = l.replaceAll("/tmp/e2e-(out|err)\\d+\\.txt", "/tmp/e2e-$1");
            if (l.contains(" --- SIG")) {
                String signal = l.replaceFirst(" \\{.*", "");
                if (!signals.contains(signal)) {
                    signals.add(signal);
                }
            } else if (!l.contains("rt_sigreturn(")) {
                calls.add(l);
            }
        }
        // Which process's lines come first is which started first: scheduling, not tracing.
        calls.sort(java.util.Comparator.comparingInt(EbpfBackendIT::process));
        signals.sort(null);
        calls.addAll(signals);
        return String.join("\n", calls);
    }

    /** The number of a line's process (P3 in "P3 close(0) = 0"), -1 for none. */
    private static int process(String line) {
        return line.matches("^P\\d+ .*") ? Integer.parseInt(line.substring(1, line.indexOf(' '))) : -1;
    }

    @Test
    void yFollowsDescriptorsOfProcessesThatEnded(@TempDir Path tmp) throws Exception {
        String cmd = "cat /etc/hostname";
        List<String> ptrace = StraceDiff.trace(tmp, List.of(Run.JSTRACE), List.of("-f", "-y"), cmd, "p");
        List<String> bpf = StraceDiff.trace(tmp, List.of(Run.JSTRACE, BPF), List.of("-f", "-y"), cmd, "b");
        assertEquals(comparable(ptrace), comparable(bpf));
        assertTrue(bpf.stream().anyMatch(l -> l.contains("(3</etc/hostname>, ")), String.join("\n", bpf));
    }

    /** The first figure: dd's reads counted as strace counts them (20000 + 3 of the loader and locale). */
    @Test
    void countsEveryCallOfDd() throws Exception {
        List<String> dd = List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000");
        Map<String, Long> strace = calls(Run.exec(concat(List.of("/usr/bin/strace", "-c"), dd), null, null).err());
        Map<String, Long> bpf = calls(Run.exec(concat(List.of(Run.JSTRACE, BPF, "-c"), dd), null, null).err());
        assertEquals(20003L, bpf.get("read"));
        assertEquals(strace.get("read"), bpf.get("read"));
        assertEquals(strace.get("write"), bpf.get("write"));
    }

    /** 8 threads x 20,000 getppid under -f -c: every call counted, none lost. */
    @Test
    void countsEveryCallOfEightThreads(@TempDir Path tmp) throws Exception {
        Path exe = tmp.resolve("threads");
        Run.Result cc = Run.exec("gcc", "-O2", "-pthread", "-o", exe.toString(), Run.ROOT.resolve("bench/threads.c").toString());
        assertEquals(0, cc.exit(), cc.err());
        Run.Result r = Run.jstrace(BPF, "-f", "-c", exe.toString(), "20000");
        assertEquals(0, r.exit(), r.err());
        assertEquals(160000L, calls(r.err()).get("getppid"), r.err());
        assertTrue(!r.err().contains("lost"), r.err());
    }

    /** A ring too small for the pace (64 KiB): the losses are said on stderr, also with -o (which quiets notices). */
    @Test
    void lossesAreNeverSilent(@TempDir Path tmp) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("JAVA_TOOL_OPTIONS", "-Djstrace.bpf.ring=65536");
        Run.Result r = Run.exec(List.of(Run.JSTRACE, BPF, "-o", tmp.resolve("out").toString(), "dd", "if=/dev/zero",
                "of=/dev/null", "bs=1", "count=50000"), env, null);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().matches("(?s).*jstrace: \\d+ events? of thread \\d+ lost here \\(ring buffer full\\).*"), r.err());
        assertTrue(r.err().matches("(?s).*jstrace: \\d+ events lost on CPU \\d \\(ring buffer full\\).*"), r.err());
    }

    @Test
    void commandSeesNoDifference() throws Exception {
        Run.Result plain = Run.exec("env");
        Run.Result traced = Run.jstrace(BPF, "-o", "/dev/null", "env");
        assertEquals(plain.out(), traced.out());
        assertEquals(0, traced.exit());
    }

    @Test
    void exitStatusAndSignalDeathPassThrough() throws Exception {
        assertEquals(3, Run.jstrace(BPF, "-o", "/dev/null", "sh", "-c", "exit 3").exit());
        Run.Result killed = Run.jstrace(BPF, "sh", "-c", "kill -TERM $$");
        assertEquals(128 + 15, killed.exit());
        assertTrue(killed.err().contains("+++ killed by SIGTERM +++"), killed.err());
    }

    @Test
    void whatEbpfCannotDoIsRefusedInOneLine() throws Exception {
        for (List<String> opts : List.of(List.of("-e", "inject=getpid:error=EPERM"), List.of("-e", "fault=getpid"),
                List.of("-k"))) {
            Run.Result r = Run.exec(concat(concat(List.of(Run.JSTRACE, BPF), opts), List.of("true")), null, null);
            assertEquals(1, r.exit(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("jstrace: ") && r.err().contains("--backend=ptrace"), r.err());
        }
        Run.Result bad = Run.jstrace("--backend=kprobe", "true");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().startsWith("jstrace: invalid --backend"), bad.err());
    }

    /** A profile recorded from bpf's events lets ls run under the ptrace backend's policy; bpf does not enforce one. */
    @Test
    void recordsASeccompProfileButLeavesPoliciesToPtrace(@TempDir Path tmp) throws Exception {
        Path profile = tmp.resolve("ls.json");
        Run.Result rec = Run.jstrace(BPF, "-f", "-o", "/dev/null", "--seccomp-profile", profile.toString(), "ls", "/");
        assertEquals(0, rec.exit(), rec.err());
        Run.Result confined = Run.jstrace("-e", "trace=none", "--seccomp-policy", profile.toString(), "ls", "/");
        assertEquals(0, confined.exit(), confined.err());
        assertEquals(Run.exec("ls", "/").out(), confined.out());
        Run.Result refused = Run.jstrace(BPF, "--seccomp-policy", profile.toString(), "ls", "/");
        assertEquals(1, refused.exit(), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertTrue(refused.err().contains("--backend=ptrace"), refused.err());
    }

    /** -p: a running process's calls, until the tracer is interrupted; the process keeps running. */
    @Test
    void attachesToARunningProcess(@TempDir Path tmp) throws Exception {
        Process sleeper = new ProcessBuilder("sh", "-c", "while :; do cat /etc/hostname > /dev/null; sleep 0.05; done")
                .start();
        try {
            Path out = tmp.resolve("out");
            // Long enough for the JVM to start and the verifier to load the programs on a busy machine.
            Run.Result r = Run.exec(List.of("timeout", "-s", "INT", "4", Run.JSTRACE, BPF, "-f", "-o", out.toString(),
                    "-p", Long.toString(sleeper.pid())), null, null);
            assertTrue(r.exit() == 0 || r.exit() == 124, r.err());
            String text = Files.readString(out);
            assertTrue(text.contains("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3"), text);
            assertTrue(sleeper.isAlive(), () -> "exited: " + sleeper.exitValue() + "\n" + r.err());
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\s*[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+(\\d+)\\s+(?:\\d+\\s+)?(\\w+)$");

    /** The calls column of a -c table, by syscall name. */
    private static Map<String, Long> calls(String table) {
        Map<String, Long> m = new java.util.HashMap<>();
        for (String line : table.split("\n")) {
            Matcher x = ROW.matcher(line);
            if (x.matches()) {
                m.put(x.group(2), Long.parseLong(x.group(1)));
            }
        }
        return m;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

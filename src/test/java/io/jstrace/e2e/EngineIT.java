package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracing engine on real processes: launch transparency, exit status, -f, -p, nothing lost. */
class EngineIT {
    @TempDir
    Path tmp;

    @Test
    void firstLineIsTheExecveAndLastTheExit() throws Exception {
        Path out = tmp.resolve("out");
        Run.Result r = Run.jstrace("-o", out.toString(), "true");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Run.lines(out);
        assertTrue(lines.get(0).matches(
                "execve\\(\"/usr/bin/true\", \\[\"true\"], 0x[0-9a-f]+ /\\* \\d+ vars \\*/\\) = 0"), lines.get(0));
        assertEquals("+++ exited with 0 +++", lines.get(lines.size() - 1));
    }

    @Test
    void tracedCommandSeesTheSameEnvironmentBytesInOrder() throws Exception {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("ZETA", "last-first");
        env.put("ALPHA", "x y\tz");
        env.put("MIDDLE", "caf\u00e9");
        env.put("PATH", "/usr/bin:/bin");
        // Through sh so the environment order is the caller's, not ProcessBuilder's map order.
        String direct = "exec env";
        String traced = "exec " + Run.JSTRACE + " -o /dev/null env";
        Run.Result a = Run.exec(List.of("/usr/bin/env", "-i", "ZETA=last-first", "ALPHA=x y\tz",
                "MIDDLE=caf\u00e9", "PATH=/usr/bin:/bin", "/bin/sh", "-c", direct), Map.of(), null);
        Run.Result b = Run.exec(List.of("/usr/bin/env", "-i", "ZETA=last-first", "ALPHA=x y\tz",
                "MIDDLE=caf\u00e9", "PATH=/usr/bin:/bin", "/bin/sh", "-c", traced), Map.of(), null);
        assertEquals(0, b.exit(), b.err());
        // The shell sets _ to the program it runs: env itself in one case, jstrace in the other.
        assertEquals(a.out().replaceAll("(?m)^_=.*\n", ""), b.out().replaceAll("(?m)^_=.*\n", ""));
        assertTrue(b.out().contains("MIDDLE=caf"), b.out());
    }

    @Test
    void tracedCommandGetsArgvCwdSignalsAndOnlyInheritedFds() throws Exception {
        String args = Run.tracee("args");
        String script = "trap '' USR1 RTMIN+3; cd " + tmp + " && exec %s " + args + " 'two words' \"$(printf 'caf\\351')\" '' 9>>/dev/full";
        Run.Result direct = Run.exec("/bin/sh", "-c", String.format(script, ""));
        Run.Result traced = Run.exec("/bin/sh", "-c", String.format(script, Run.JSTRACE + " -o " + tmp.resolve("o")));
        assertEquals(0, traced.exit(), traced.err());
        assertEquals(direct.out(), traced.out());
        assertTrue(direct.out().contains("fd 9\n") && direct.out().contains("ignored 10\n")
                && direct.out().contains("ignored 37\n"), direct.out());
    }

    /** The launcher dies with the tracer until the exec (PR_SET_PDEATHSIG); the command must not inherit that. */
    /**
     * In a PID namespace of its own whose /proc is still its parent's (unshare -pf, as strace's
     * --pidns-translation tests run), jstrace starts and traces as strace does: its pid there
     * names another process in /proc.
     */
    @Test
    void startsInAPidNamespaceWithItsParentsProc() throws Exception {
        Run.Result strace = Run.exec("unshare", "-pf", "/usr/bin/strace", "-e", "trace=exit_group", "true");
        org.junit.jupiter.api.Assumptions.assumeTrue(strace.exit() == 0, "no PID namespaces here: " + strace.err());
        Run.Result r = Run.exec("unshare", "-pf", Run.JSTRACE, "-e", "trace=exit_group", "true");
        assertEquals(0, r.exit(), r.err());
        assertEquals(strace.err(), r.err());

        // As that namespace's init, jstrace reaps the orphans that come to it: the init of a
        // namespace nested in it, exiting, waits until its other processes are reaped (it hung).
        Run.Result nested = Run.exec(List.of("unshare", "-pf", Run.JSTRACE, "-f", "-e", "trace=none",
                "unshare", "-pf", "sh", "-c", "sleep 0.2 & exit 3"), null, null, 30);
        assertEquals(3, nested.exit(), nested.err());
        assertTrue(nested.err().contains("+++ killed by SIGKILL +++"), nested.err());
    }

    /**
     * A path that readable memory cuts short (src/test/c/pageedge.c) is printed as its address,
     * and, as strace does, jstrace warns how much of it it read and where.
     */
    @Test
    void shortReadsOfStringsAreReportedAsStraceReportsThem(@TempDir Path dir) throws Exception {
        String exe = Run.tracee("pageedge");
        Run.Result j = Run.jstrace("-o", dir.resolve("j").toString(), "-e", "trace=chdir", exe);
        assertEquals(0, j.exit(), j.err());
        List<String> warnings = j.err().lines().filter(l -> !l.startsWith("jstrace: building")).toList();
        List<String> calls = Files.readAllLines(dir.resolve("j"));
        assertEquals(4, calls.size(), calls.toString()); // and "+++ exited with 0 +++"
        assertEquals(List.of("jstrace: short read (3 < 4096) @0x" + calls.get(0).replaceAll("^chdir\\(0x([0-9a-f]+)\\).*", "$1")
                + ": Bad address", "jstrace: short read (8 < 4096) @0x" + calls.get(1).replaceAll("^chdir\\(0x([0-9a-f]+)\\).*", "$1")
                + ": Bad address"), warnings);
        if (StraceDiff.straceAvailable()) {
            Run.Result s = Run.exec("strace", "-o", dir.resolve("s").toString(), "-e", "trace=chdir", exe);
            String mask = "0x[0-9a-f]+";
            assertEquals(s.err().replace("strace: umovestr: ", "jstrace: ").replaceAll(mask, "ADDR"),
                    String.join("\n", warnings).replaceAll(mask, "ADDR") + "\n");
            assertEquals(Files.readString(dir.resolve("s")).replaceAll(mask, "ADDR"),
                    Files.readString(dir.resolve("j")).replaceAll(mask, "ADDR"));
        }
    }

    /** -d: a call whose number no table knows is reported as strace's debug output reports it. */
    @Test
    void debugOutputNamesUnknownCallNumbers() throws Exception {
        String[] cmd = {"-d", "-e", "trace=none", "python3", "-c", "import ctypes; ctypes.CDLL(None).syscall(500)"};
        Run.Result j = Run.jstrace(cmd);
        assertEquals(0, j.exit(), j.err());
        List<String> invalid = j.err().lines().filter(l -> l.contains("invalid syscall")).toList();
        assertEquals(1, invalid.size(), j.err());
        assertTrue(invalid.getFirst().matches("jstrace: pid \\d+ invalid syscall 0x1f4"), invalid.getFirst());
        if (StraceDiff.straceAvailable()) {
            List<String> s = new ArrayList<>(List.of("strace"));
            s.addAll(List.of(cmd));
            assertEquals(List.of("strace: pid N invalid syscall 0x1f4"), Run.exec(s, null, null).err().lines()
                    .filter(l -> l.contains("invalid syscall")).map(l -> l.replaceAll("pid \\d+", "pid N")).toList());
        }
    }

    @Test
    void tracedCommandHasNoParentDeathSignal() throws Exception {
        String py = "import ctypes; s = ctypes.c_int(-1); ctypes.CDLL(None).prctl(2, ctypes.byref(s)); print(s.value)";
        Run.Result r = Run.jstrace("-o", "/dev/null", "python3", "-c", py);
        assertEquals(0, r.exit(), r.err());
        assertEquals("0\n", r.out());
    }

    @Test
    void exitStatusIsTheCommands() throws Exception {
        assertEquals(7, Run.jstrace("-o", "/dev/null", "sh", "-c", "exit 7").exit());
        assertEquals(128 + 9, Run.jstrace("-o", "/dev/null", "sh", "-c", "kill -KILL $$").exit());
    }

    /** bin/jstrace makes the AOT cache for a new jar; without it start-up is about twice as slow, silently. */
    @Test
    void launcherLeavesAnAotCacheForTheJar() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Run.Result r = Run.jstrace("-o", "/dev/null", "true");
        assertEquals(0, r.exit(), r.err());
        Path jar = Run.ROOT.resolve("target/jstrace.jar");
        Path aot = Run.ROOT.resolve("target/jstrace.aot");
        assertTrue(Files.exists(aot), "no " + aot);
        assertTrue(Files.getLastModifiedTime(aot).compareTo(Files.getLastModifiedTime(jar)) > 0, "stale " + aot);
    }

    @Test
    void missingCommandIsAOneLineError() throws Exception {
        Run.Result r = Run.jstrace("nosuch-command-xyz");
        assertEquals(1, r.exit());
        assertEquals("jstrace: Can't stat 'nosuch-command-xyz': No such file or directory\n", r.err());
    }

    @Test
    void badOptionsAreOneLineErrors() throws Exception {
        Run.Result r = Run.jstrace("-Q", "true");
        assertEquals(1, r.exit());
        assertEquals("jstrace: invalid option -- 'Q'\nTry 'jstrace -h' for more information.\n", r.err());
        r = Run.jstrace("-e", "trace=nosuchcall", "true");
        assertEquals("jstrace: invalid system call 'nosuchcall'\n", r.err());
        r = Run.jstrace("-s", "x", "true");
        assertTrue(r.err().startsWith("jstrace: invalid -s argument: 'x'\n"), r.err());
        r = Run.jstrace();
        assertTrue(r.err().startsWith("jstrace: must have PROG [ARGS] or -p PID\n"), r.err());
    }

    @Test
    void followsEveryProcessOfAPipeline() throws Exception {
        Path out = tmp.resolve("out");
        Run.Result r = Run.jstrace("-f", "-o", out.toString(), "sh", "-c", "true | true");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Run.lines(out);
        long exits = lines.stream().filter(l -> l.matches("\\d+ +\\+\\+\\+ exited with 0 \\+\\+\\+")).count();
        long pids = lines.stream().map(l -> l.split(" ")[0]).distinct().count();
        assertEquals(3, exits, String.join("\n", lines));
        assertEquals(3, pids);
    }

    @Test
    void perProcessFilesWithFf() throws Exception {
        Path base = tmp.resolve("trace");
        Run.Result r = Run.jstrace("-ff", "-o", base.toString(), "sh", "-c", "true | true");
        assertEquals(0, r.exit(), r.err());
        try (var files = Files.list(tmp)) {
            List<Path> per = files.filter(p -> p.getFileName().toString().startsWith("trace.")).toList();
            assertEquals(3, per.size());
            for (Path p : per) {
                List<String> lines = Run.lines(p);
                assertEquals("+++ exited with 0 +++", lines.get(lines.size() - 1));
            }
        }
    }

    @Test
    void attachedProcessKeepsRunningAfterInterrupt() throws Exception {
        interruptAttached(false);
    }

    /** A signal to jstrace's whole process group may kill its waker child first; SIGINT must still work. */
    @Test
    void interruptWorksAfterTheWakerWasKilled() throws Exception {
        interruptAttached(true);
    }

    private void interruptAttached(boolean killWakerFirst) throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            Path out = tmp.resolve("out");
            Path err = tmp.resolve("err");
            Process tracer = new ProcessBuilder(Run.JSTRACE, "-o", out.toString(), "-p", String.valueOf(sleep.pid()))
                    .redirectError(err.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(err).contains("attached") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.readString(err).contains("jstrace: Process " + sleep.pid() + " attached"),
                    Files.readString(err));
            if (killWakerFirst) {
                ProcessHandle waker = tracer.toHandle().children()
                        .filter(c -> c.info().commandLine().orElse("").contains("jstrace-waker")).findFirst()
                        .orElseThrow(() -> new AssertionError("no waker child"));
                new ProcessBuilder("kill", "-KILL", String.valueOf(waker.pid())).start().waitFor();
                Thread.sleep(200);
            }
            new ProcessBuilder("kill", "-INT", String.valueOf(tracer.pid())).start().waitFor();
            assertTrue(tracer.waitFor(30, TimeUnit.SECONDS), "jstrace did not end");
            assertTrue(Files.readString(err).contains("jstrace: Process " + sleep.pid() + " detached"),
                    Files.readString(err));
            Thread.sleep(100);
            assertTrue(sleep.isAlive());
            String stat = Files.readString(Path.of("/proc/" + sleep.pid() + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            assertFalse(state == 'T' || state == 't', "sleep left stopped: " + stat);
            String status = Files.readString(Path.of("/proc/" + sleep.pid() + "/status"));
            assertTrue(status.contains("TracerPid:\t0"), status);
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void losesNoSyscallUnderManyThreadsAndChildren() throws Exception {
        String stress = Run.tracee("stress");
        Path out = tmp.resolve("out");
        Run.Result r = Run.jstrace("-f", "-o", out.toString(), "-e", "trace=getppid,getpgrp", stress);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Run.lines(out);
        Pattern entry = Pattern.compile("^\\d+ +(getppid|getpgrp)\\(");
        Pattern resumed = Pattern.compile("^\\d+ +<\\.\\.\\. (getppid|getpgrp) resumed>");
        int getppid = 0, getpgrp = 0, unfinished = 0, resumedCount = 0;
        for (String l : lines) {
            Matcher m = entry.matcher(l);
            if (m.find()) {
                if (m.group(1).equals("getppid")) {
                    getppid++;
                } else {
                    getpgrp++;
                }
                if (l.endsWith("<unfinished ...>")) {
                    unfinished++;
                }
            } else if (resumed.matcher(l).find()) {
                resumedCount++;
            }
        }
        assertEquals(50 * 2000, getppid);
        assertEquals(100, getpgrp);
        assertEquals(unfinished, resumedCount);
        long exited = lines.stream().filter(l -> l.contains("+++ exited with 0 +++")).count();
        assertEquals(1 + 50 + 100, exited, "main, its threads and the children each exit");
    }

    @Test
    void outputPipedToACommand() throws Exception {
        Path out = tmp.resolve("count");
        Run.Result r = Run.jstrace("-o", "|grep -c execve > " + out, "true");
        assertEquals(0, r.exit(), r.err());
        assertEquals("1", Files.readString(out).strip());
    }
}

package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command lines as strace 6.1 takes them, run side by side with /usr/bin/strace (issues 18 and 23). */
class CommandLineIT {
    private static final Pattern CALL = Pattern.compile("^(?:\\d+ +)?([a-z_0-9]+)\\(");

    /** Issue 18 item 1: a second -f does not undo -ff; each process gets its file, as under strace. */
    @Test
    void fFfWritesAFilePerProcess(@TempDir Path dir) throws Exception {
        String script = "/bin/true & wait";
        Run.Result s = Run.exec("strace", "-f", "-o", dir.resolve("s").toString(), "-ff", "/bin/sh", "-c", script);
        Run.Result j = Run.jstrace("-f", "-o", dir.resolve("j").toString(), "-ff", "/bin/sh", "-c", script);
        assertEquals(0, s.exit(), s.err());
        assertEquals(0, j.exit(), j.err());
        assertEquals(2, files(dir, "s.").size(), "strace's files");
        assertEquals(2, files(dir, "j.").size(), "a file per process: " + files(dir, "j."));
        assertFalse(Files.exists(dir.resolve("j")), "no merged file");
    }

    /** Issue 18 item 1: -c with -ff is refused however the f's are spelt. */
    @Test
    void summaryWithSeparateFilesRefused() throws Exception {
        Run.Result s = Run.exec("strace", "-c", "-f", "-ff", "-o", "/dev/null", "true");
        Run.Result j = Run.jstrace("-c", "-f", "-ff", "-o", "/dev/null", "true");
        assertEquals(1, s.exit());
        assertEquals(s.exit(), j.exit());
        assertEquals(s.err().replace("strace", "jstrace"), j.err());
    }

    /** Issue 18 item 4: a regex that adds nothing new to the set is no error. */
    @Test
    void classRegexAndName(@TempDir Path dir) throws Exception {
        String set = "trace=%file,/^stat,connect";
        Run.Result s = Run.exec("strace", "-e", set, "-o", dir.resolve("s").toString(), "/bin/ls", "/");
        Run.Result j = Run.jstrace("-e", set, "-o", dir.resolve("j").toString(), "/bin/ls", "/");
        assertEquals(0, s.exit(), s.err());
        assertEquals(0, j.exit(), j.err());
        assertEquals(calls(dir.resolve("s")), calls(dir.resolve("j")));
        assertTrue(calls(dir.resolve("j")).contains("openat"));
    }

    /** Issue 18 item 7: bin/jstrace through a symlink on PATH finds its project. */
    @Test
    void throughASymlinkOnPath(@TempDir Path dir) throws Exception {
        Files.createSymbolicLink(dir.resolve("jstrace"), Path.of(Run.JSTRACE));
        Files.createSymbolicLink(dir.resolve("js"), dir.resolve("jstrace"));
        for (String name : List.of("jstrace", "js")) {
            // The shell finds it on PATH, as a user's shell would.
            Run.Result r = Run.exec(List.of("/bin/sh", "-c", name + " -o /dev/null true"),
                    Map.of("PATH", dir + ":/usr/bin:/bin"), dir);
            assertEquals(0, r.exit(), name + ": " + r.err());
            assertEquals("", r.err());
        }
    }

    /** Issue 23 item 9: arguments are bytes; messages give them back as they came, as strace's do. */
    @Test
    void nonAsciiArgumentsComeBackAsGiven() throws Exception {
        String arg = "nosuch-\u00e9-\u4e2d";
        Run.Result s = Run.exec("strace", arg);
        Run.Result j = Run.jstrace(arg);
        assertEquals(1, j.exit());
        assertEquals(s.err().replace("strace: ", "jstrace: "), j.err(), "byte for byte");
    }

    /** Issue 18 item 6: an output command that is not there is strace's one line per failure, no Java words. */
    @Test
    void pipeToAMissingCommand() throws Exception {
        Run.Result s = Run.exec("strace", "-o", "|nosuch-command-x", "true");
        Run.Result j = Run.jstrace("-o", "|nosuch-command-x", "true");
        assertEquals(0, s.exit());
        assertEquals(s.exit(), j.exit(), j.err());
        // Whether a write fails before the shell is gone is a race, under strace too.
        for (String line : j.err().split("\n")) {
            assertTrue(!line.startsWith("jstrace") || line.equals("jstrace: |nosuch-command-x: Broken pipe"), j.err());
        }
        assertFalse(j.err().contains("java") || j.err().contains("Exception"), j.err());
    }

    /** Issue 23 item 9: a command that cannot be executed is strace's "exec: REASON", exit status 1. */
    @Test
    void commandThatCannotBeExecuted() throws Exception {
        for (List<String> opts : List.of(List.<String>of(), List.of("-e", "trace=exit_group"), List.of("-o", "/dev/null"))) {
            List<String> s = new java.util.ArrayList<>(List.of("strace"));
            List<String> j = new java.util.ArrayList<>(List.of(Run.JSTRACE));
            s.addAll(opts);
            j.addAll(opts);
            s.add("/");
            j.add("/");
            Run.Result rs = Run.exec(s, null, null);
            Run.Result rj = Run.exec(j, null, null);
            assertEquals(1, rs.exit());
            assertEquals(1, rj.exit(), rj.err());
            String hex = "0x[0-9a-f]+ /";
            assertEquals(rs.err().replaceAll(hex, "").replace("strace: ", "TRACER: "),
                    rj.err().replaceAll(hex, "").replace("jstrace: ", "TRACER: "), String.join(" ", opts));
        }
    }

    /** A call the table does not know is shown whatever -e trace= selects, as strace shows it. */
    @Test
    void unknownCallsAlwaysShown() throws Exception {
        String py = "import ctypes; ctypes.CDLL(None).syscall(500, 1, 2, 3, 4, 5, 6)";
        for (String set : List.of("none", "read", "%file")) {
            Run.Result s = Run.exec("strace", "-qq", "-e", "trace=" + set, "-e", "signal=none", "python3", "-c", py);
            Run.Result j = Run.jstrace("-qq", "-e", "trace=" + set, "-e", "signal=none", "python3", "-c", py);
            String line = "syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)";
            assertTrue(s.err().contains(line), s.err());
            assertTrue(j.err().contains(line), set + ": " + j.err());
        }
    }

    /**
     * jstrace lets go of its stdin and stdout once the command runs, as strace does: a pipe into
     * the command breaks when the command closes it (yes gets SIGPIPE), not when jstrace exits.
     */
    @Test
    void standardFdsReleased(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        for (String tracer : List.of("strace", Run.JSTRACE)) {
            Files.deleteIfExists(status);
            Run.Result r = Run.exec("bash", "-c", "{ yes; echo $? > " + status + "; } | " + tracer
                    + " -qq -e trace=none sh -c 'exec <&-; sleep 1; cat " + status + "'");
            assertEquals("141\n", r.out(), tracer + ": " + r.err());
        }
    }

    /** Issue 16: -u USER runs the command with that user's ids and groups; only root may ask, as under strace. */
    @Test
    void userRunsTheCommandAsThatUser() throws Exception {
        Run.Result s = Run.exec("strace", "-u", "nobody", "-e", "trace=none", "id");
        Run.Result j = Run.jstrace("-u", "nobody", "-e", "trace=none", "id");
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().startsWith("uid=65534(nobody) gid=65534("), s.out());
        assertEquals(s.out(), j.out(), "the command's ids and groups");
        assertEquals(s.err(), j.err());
        assertEquals(s.exit(), j.exit());
        List<List<String>> refused = List.of(List.of("-u", "no-such-user-x", "true"),
                List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "TRACER", "-u", "nobody", "true"));
        for (List<String> argv : refused) {
            List<String> sa = argv.contains("TRACER") ? argv : prepend("TRACER", argv);
            Run.Result rs = Run.exec(sa.stream().map(a -> a.equals("TRACER") ? "/usr/bin/strace" : a).toList(), null, null);
            Run.Result rj = Run.exec(sa.stream().map(a -> a.equals("TRACER") ? Run.JSTRACE : a).toList(), null, null);
            assertEquals(1, rs.exit(), rs.err());
            assertEquals(rs.exit(), rj.exit(), rj.err());
            assertEquals(rs.err().replace("/usr/bin/strace: ", "jstrace: "), rj.err());
        }
    }

    /** Issue 16: -b execve lets each process go at its execve (but the command's first), as strace's -b. */
    @Test
    void detachOnExecve(@TempDir Path dir) throws Exception {
        String script = "/bin/true; exec /bin/echo x";
        Run.Result s = Run.exec("strace", "-f", "-b", "execve", "-e", "trace=execve,exit_group", "-o",
                dir.resolve("s").toString(), "sh", "-c", script);
        Run.Result j = Run.jstrace("-f", "-b", "execve", "-e", "trace=execve,exit_group", "-o",
                dir.resolve("j").toString(), "sh", "-c", script);
        assertEquals(0, s.exit(), s.err());
        assertEquals(s.exit(), j.exit(), j.err());
        assertEquals(s.out(), j.out());
        assertEquals(s.err().replace("strace", "jstrace"), j.err());
        List<String> expected = masked(dir.resolve("s"));
        assertEquals(2, expected.stream().filter(l -> l.endsWith("<detached ...>")).count(), expected.toString());
        assertEquals(expected, masked(dir.resolve("j")));
        Run.Result bad = Run.jstrace("-b", "fork", "true");
        assertEquals(1, bad.exit());
        assertEquals("jstrace: Syscall 'fork' for -b isn't supported\n", bad.err());
    }

    /**
     * SIGTERM to the tracer (-I2) ends jstrace as it ends strace: the started command gets the
     * signal, every tracee is detached (the call it was in shows "<detached ...>", which
     * -e status=detached selects), and the tracer dies by the signal. A command that ignores the
     * signal runs on, untraced. Before, jstrace passed the signal on and traced to the end.
     */
    @Test
    void fatalSignalDetachesAndPassesItOn(@TempDir Path dir) throws Exception {
        for (String tracer : List.of("strace", Run.JSTRACE)) {
            String tag = tracer.equals("strace") ? "s" : "j";
            Process p = new ProcessBuilder(tracer, "-o", dir.resolve(tag).toString(), "-I2", "-e", "status=detached",
                    "sleep", "5").redirectInput(new java.io.File("/dev/null")).start();
            Process q = new ProcessBuilder(tracer, "-o", dir.resolve(tag + "2").toString(), "-I2", "-e", "trace=none",
                    "sh", "-c", "trap '' TERM; sleep 2; echo done").redirectInput(new java.io.File("/dev/null"))
                    .redirectOutput(dir.resolve(tag + ".out").toFile()).start();
            Thread.sleep(1500);
            p.destroy();
            q.destroy();
            assertEquals(143, p.waitFor(), tracer);
            assertEquals(143, q.waitFor(), tracer);
            Path out = dir.resolve(tag + ".out");
            for (int i = 0; i < 100 && Files.size(out) == 0; i++) {
                Thread.sleep(50);
            }
            assertEquals("done\n", Files.readString(out), tracer + ": the command runs on");
        }
        List<String> expected = Files.readAllLines(dir.resolve("s"));
        assertEquals(List.of("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=5, tv_nsec=0},  <detached ...>"), expected);
        assertEquals(expected, Files.readAllLines(dir.resolve("j")));
        assertEquals(Files.readAllLines(dir.resolve("s2")), Files.readAllLines(dir.resolve("j2")));
    }

    /**
     * A thread's execve names that thread in the leader's "+++ superseded by execve in pid TID +++"
     * (jstrace named the leader), and -e status=none leaves out the execve it ends (jstrace printed
     * its "<... execve resumed>"): beside strace, as the suite's status-none-threads.
     */
    @Test
    void threadExecveSupersedesTheLeader(@TempDir Path dir) throws Exception {
        String exe = Run.tracee("threadexec");
        for (String status : List.of("none", "all")) {
            Run.exec("strace", "-f", "-e", "status=" + status, "-o", dir.resolve("s").toString(), exe);
            Run.Result j = Run.jstrace("-f", "-e", "status=" + status, "-o", dir.resolve("j").toString(), exe);
            assertEquals(0, j.exit(), j.err());
            for (String tag : List.of("s", "j")) {
                List<String> lines = Files.readAllLines(dir.resolve(tag));
                String superseded = lines.stream().filter(l -> l.contains("superseded")).findFirst().orElseThrow();
                Matcher m = Pattern.compile("^(\\d+) +\\+\\+\\+ superseded by execve in pid (\\d+) \\+\\+\\+$").matcher(superseded);
                assertTrue(m.matches() && !m.group(1).equals(m.group(2)), tag + ": " + superseded);
            }
            List<String> expected = masked(dir.resolve("s")).stream().map(l -> l.replaceAll("pid \\d+", "pid T")).toList();
            List<String> actual = masked(dir.resolve("j")).stream().map(l -> l.replaceAll("pid \\d+", "pid T")).toList();
            if (status.equals("none")) {
                assertEquals(expected, actual);
            } else {
                assertEquals(expected.stream().filter(l -> l.contains("+++")).toList(),
                        actual.stream().filter(l -> l.contains("+++")).toList());
            }
        }
    }

    /** restart_syscall names the call it resumes, the thread's previous shown call, as strace does. */
    @Test
    void restartSyscallNamesTheInterruptedCall(@TempDir Path dir) throws Exception {
        String exe = Run.tracee("restartsleep");
        List<String> opts = List.of("-a20", "-e", "trace=restart_syscall,/nanosleep", "-o");
        List<String> s = new java.util.ArrayList<>(List.of("strace"));
        s.addAll(opts);
        s.addAll(List.of(dir.resolve("s").toString(), exe));
        List<String> j = new java.util.ArrayList<>(List.of(Run.JSTRACE));
        j.addAll(opts);
        j.addAll(List.of(dir.resolve("j").toString(), exe));
        assertEquals(0, Run.exec(s, null, null).exit());
        Run.Result r = Run.exec(j, null, null);
        assertEquals(0, r.exit(), r.err());
        List<String> expected = masked(dir.resolve("s")).stream().map(l -> l.replaceAll("tv_nsec=\\d+", "tv_nsec=N")).toList();
        assertTrue(expected.contains("restart_syscall(<... resuming interrupted clock_nanosleep ...>) = 0"), expected.toString());
        assertEquals(expected, masked(dir.resolve("j")).stream().map(l -> l.replaceAll("tv_nsec=\\d+", "tv_nsec=N")).toList());
    }

    /**
     * A standard fd closed for jstrace stays closed for the command, as under strace (the suite's
     * redirect-fds): with stderr closed, bash left the launcher script open on fd 2, and the
     * command got it.
     */
    @Test
    void closedStandardFdsStayClosed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("fds");
        for (String closed : List.of("2>&-", "0<&- 2>&-", "0<&-", ">&- 2>&-")) {
            List<String> fds = new java.util.ArrayList<>();
            for (String tracer : List.of("strace", Run.JSTRACE)) {
                Files.deleteIfExists(out);
                Run.exec("bash", "-c", tracer + " -o " + dir.resolve("log") + " -e trace=none sh -c 'ls /proc/$$/fd > "
                        + out + "' " + closed);
                fds.add(Files.readString(out));
            }
            assertEquals(fds.get(0), fds.get(1), closed);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    /** The lines of a trace with pids and addresses masked, which differ from run to run. */
    private static List<String> masked(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(l -> l.replaceAll("^\\d+ +", "PID ").replaceAll("si_pid=\\d+", "si_pid=N").replaceAll("0x[0-9a-f]+", "0xX"))
                .toList();
    }

    private static List<Path> files(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }

    private static TreeSet<String> calls(Path file) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (String line : Run.lines(file)) {
            Matcher m = CALL.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}

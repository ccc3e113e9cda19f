package io.jstrace.session;

import io.jstrace.model.Event;
import io.jstrace.model.ExitStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a session starts a command and lets go of it: -u, -b execve, --kill-on-exit; each beside strace. */
class LaunchOptionsIT {
    @TempDir
    Path tmp;

    private static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    /** -u USER: the command runs with the user's ids and groups, as under strace -u. */
    @Test
    void theCommandRunsAsTheUserNamed() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "-u needs root");
        Path ids = tmp.resolve("ids");
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        String script = "id -u > " + ids + "; id -g >> " + ids + "; id -G >> " + ids;
        run(List.of("strace", "-u", "nobody", "-o", "/dev/null", "sh", "-c", script));
        String strace = Files.readString(ids);
        Files.delete(ids);
        ExitStatus s = Session.command("sh", "-c", script).user("nobody").run(e -> { });
        assertEquals(ExitStatus.exited(0), s);
        assertEquals(strace, Files.readString(ids));
        assertTrue(strace.startsWith("65534\n"), strace);
    }

    /**
     * -b execve: a tracee that execs is let go, but for the command's own execve; strace then
     * exits 0, not knowing how the command ends. The execve of true, after sh's, detaches sh.
     */
    @Test
    void aTraceeThatExecsIsDetached() throws Exception {
        String strace = run(List.of("strace", "-e", "trace=none", "-b", "execve", "sh", "-c", "exec false"));
        assertTrue(strace.matches("strace: Process \\d+ detached\n"), strace);
        List<Event> events = new CopyOnWriteArrayList<>();
        ExitStatus s = Session.command("sh", "-c", "exec false").detachOnExec(true).run(events::add);
        assertEquals(ExitStatus.exited(0), s);
        assertTrue(events.getLast() instanceof Event.Detached, events.getLast().toString());
        assertTrue(events.stream().noneMatch(e -> e instanceof Event.Exited), "traced on after its execve of false");
        assertTrue(events.get(events.size() - 2) instanceof Event.SyscallEntry x && x.name().equals("execve"),
                events.get(events.size() - 2).toString());
    }

    /**
     * --kill-on-exit: stopping kills every tracee instead of detaching them; by default only the
     * started command is killed and its children run on.
     */
    @Test
    void killOnExitKillsEveryTraceeWhenStopped() throws Exception {
        for (boolean kill : new boolean[] {false, true}) {
            Path pid = tmp.resolve("pid" + kill);
            Session session = Session.command("sh", "-c", "sleep 60 & echo $! > " + pid + "; wait").follow(true)
                    .killOnExit(kill);
            Thread stopper = Thread.ofPlatform().start(() -> {
                try {
                    while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                session.stop();
            });
            session.run(e -> { });
            stopper.join();
            long sleep = Long.parseLong(Files.readString(pid).strip());
            boolean alive = alive(sleep);
            ProcessHandle.of(sleep).ifPresent(ProcessHandle::destroyForcibly);
            if (kill) {
                assertFalse(alive, "--kill-on-exit left the child running");
            } else {
                assertTrue(alive, "the child did not run on");
            }
        }
    }

    /** Whether {@code pid} exists other than as a zombie (its new parent may not reap it). */
    private static boolean alive(long pid) throws Exception {
        Path status = Path.of("/proc/" + pid + "/status");
        return Files.exists(status) && !Files.readString(status).contains("State:\tZ");
    }
}

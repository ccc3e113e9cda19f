package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tracer's own trouble (its output failing, its death, a signal while it starts) never costs
 * the traced command its work, its exit status or its core dump, and leaves nothing of jstrace
 * behind. Each case is compared with what strace 6.1 does on the same command.
 */
class CommandSurvivesIT {
    /** Ten rounds of work that each leave a line in {@code p}, then exit 7: what must survive. */
    private static final String WORK = "for i in $(seq 10); do ls / >/dev/null; echo $i >> p; done; exit 7";

    @TempDir
    Path tmp;

    /**
     * strace reports each failed write ("strace: /dev/full: No space left on device", hundreds of
     * times), lets the command finish and exits with its status; jstrace says it once.
     */
    @Test
    void outputErrorsAreReportedOnceAndTheCommandFinishes() throws Exception {
        assertSurvives(List.of("-f", "-o", "/dev/full"), "jstrace: /dev/full: No space left on device\n");
        assertSurvives(List.of("-f", "-o", "|head -1"), "jstrace: |head -1: Broken pipe\n");
        assertSurvives(List.of("-f", "-o", "!head -c 10"), "jstrace: !head -c 10: Broken pipe\n");
        assertSurvives(List.of("-c", "-o", "/dev/full"), "jstrace: /dev/full: No space left on device\n");
        assertSurvives(List.of("-f", "--timeline", "/dev/full", "-o", "/dev/null"),
                "jstrace: /dev/full: No space left on device\n");
    }

    /** A file system that fills up while tracing (a 64 KiB tmpfs; needs root to mount it). */
    @Test
    void aFullFileSystemIsReportedOnceAndTheCommandFinishes() throws Exception {
        Path mnt = Files.createDirectory(tmp.resolve("small"));
        Run.Result m = Run.exec("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString());
        Assumptions.assumeTrue(m.exit() == 0, "cannot mount a tmpfs here: " + m.err());
        try {
            String out = mnt.resolve("trace").toString();
            assertSurvives(List.of("-f", "-o", out), "jstrace: " + out + ": No space left on device\n");
        } finally {
            Run.exec("umount", mnt.toString());
        }
    }

    private void assertSurvives(List<String> options, String message) throws Exception {
        Files.deleteIfExists(tmp.resolve("p"));
        List<String> argv = new ArrayList<>(List.of(Run.JSTRACE));
        argv.addAll(options);
        argv.addAll(List.of("sh", "-c", WORK));
        Run.Result r = Run.exec(argv, null, tmp);
        assertEquals(7, r.exit(), options + ": " + r.err());
        assertEquals(10, Run.lines(tmp.resolve("p")).size(), options + ": the command's work was cut short");
        assertEquals(message, r.err(), options.toString());
    }

    /**
     * A tracee that dumps core leaves its own core file, not the tracer's: jstrace dies by the
     * same signal, as strace does, with RLIMIT_CORE 0 (a JVM's core is hundreds of MB, and where
     * core_pattern names one file it would replace the tracee's).
     */
    @Test
    void aTraceesCoreDumpIsNotReplacedByTheTracers() throws Exception {
        String pattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern")).strip();
        Assumptions.assumeTrue(!pattern.startsWith("|") && !pattern.contains("/"),
                "core files are not written to the working directory here: " + pattern);
        Run.Result r = Run.exec(List.of("sh", "-c", "ulimit -c unlimited && exec " + Run.JSTRACE
                + " -o /dev/null sh -c 'kill -SEGV $$'"), null, tmp);
        assertEquals(128 + 11, r.exit(), r.err());
        List<String> dumpers = new ArrayList<>();
        try (var files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                String name = coreOf(p);
                if (name != null) {
                    dumpers.add(name);
                }
            }
        }
        Assumptions.assumeFalse(dumpers.isEmpty(), "no core file was written (a limit or a core handler here)");
        assertEquals(List.of("sh"), dumpers);
    }

    /** The program name (pr_fname of NT_PRPSINFO) of an ELF core file, or null if {@code p} is none. */
    private static String coreOf(Path p) throws IOException {
        ByteBuffer b;
        try (var ch = java.nio.channels.FileChannel.open(p)) {
            b = ByteBuffer.allocate((int) Math.min(ch.size(), 1 << 20)).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
        }
        if (b.limit() < 64 || b.getInt(0) != 0x464c457f || b.getShort(16) != 4) { // ELF, ET_CORE
            return null;
        }
        long phoff = b.getLong(32);
        int phentsize = b.getShort(54), phnum = b.getShort(56);
        for (int i = 0; i < phnum; i++) {
            int ph = (int) phoff + i * phentsize;
            if (b.getInt(ph) != 4) { // PT_NOTE
                continue;
            }
            int at = (int) b.getLong(ph + 8), end = at + (int) b.getLong(ph + 32);
            while (at + 12 <= end && end <= b.limit()) {
                int namesz = b.getInt(at), descsz = b.getInt(at + 4), type = b.getInt(at + 8);
                int desc = at + 12 + ((namesz + 3) & ~3);
                if (type == 3) { // NT_PRPSINFO: pr_fname[16] follows 40 bytes of ids and flags
                    byte[] fname = new byte[16];
                    b.get(desc + 40, fname);
                    return new String(fname, StandardCharsets.ISO_8859_1).replaceAll("\0.*", "");
                }
                at = desc + ((descsz + 3) & ~3);
            }
        }
        return "?";
    }

    /**
     * A SIGTERM at any moment of jstrace's start-up ends it at once: before attaching it exits, after
     * it detaches. Signals are sent at random moments of the start-up, whose length (to the
     * "attached" message) is measured first; a lost signal leaves jstrace tracing for good. The
     * handlers are installed some 30-60 ms before the attach, when a signal was lost 1 time in 5.
     */
    @Test
    void aSignalDuringStartUpIsNeverLost() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "600").start();
        try {
            String pid = String.valueOf(sleep.pid());
            long[] runs = {attachMillis(pid), attachMillis(pid), attachMillis(pid)};
            java.util.Arrays.sort(runs);
            long attach = runs[1];
            Random random = new Random(23);
            for (int i = 0; i < 40; i++) {
                long delay = attach / 3 + random.nextLong(attach * 4 / 5);
                Process tracer = new ProcessBuilder(Run.JSTRACE, "-o", "/dev/null", "-p", pid)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                Thread.sleep(delay);
                Run.exec("kill", "-TERM", String.valueOf(tracer.pid()));
                if (!tracer.waitFor(5, TimeUnit.SECONDS)) {
                    tracer.destroyForcibly().waitFor();
                    fail("jstrace went on tracing after a SIGTERM " + delay + " ms after its start (attach: "
                            + attach + " ms)");
                }
                assertTrue(status(sleep.pid()).contains("TracerPid:\t0"), "sleep left traced");
            }
            assertTrue(sleep.isAlive());
        } finally {
            sleep.destroyForcibly();
        }
    }

    /** Milliseconds from jstrace's start to its "attached" message. */
    private long attachMillis(String pid) throws Exception {
        Path err = Files.createTempFile(tmp, "attach", ".err");
        long start = System.nanoTime();
        Process tracer = new ProcessBuilder(Run.JSTRACE, "-o", "/dev/null", "-p", pid).redirectError(err.toFile()).start();
        while (!Files.readString(err).contains("attached")) {
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "no attach: " + Files.readString(err));
            Thread.sleep(2);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        tracer.destroy();
        assertTrue(tracer.waitFor(10, TimeUnit.SECONDS));
        return millis;
    }

    /**
     * A tracer killed by SIGKILL leaves none of its helpers (the waker here, stopped for good
     * before) and, as strace, no tracee stopped.
     */
    @Test
    void nothingOfJstraceOutlivesItsSigkill() throws Exception {
        Path err = tmp.resolve("err");
        Process sleep = new ProcessBuilder("sleep", "600").start();
        Process tracer = new ProcessBuilder(Run.JSTRACE, "-o", "/dev/null", "-p", String.valueOf(sleep.pid()))
                .redirectError(err.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(err).contains("attached") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<ProcessHandle> helpers = tracer.toHandle().children().toList();
            assertTrue(helpers.stream().anyMatch(h -> h.info().commandLine().orElse("").contains("jstrace-waker")),
                    "no waker: " + helpers);
            tracer.destroyForcibly().waitFor();
            for (ProcessHandle h : helpers) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (alive(h.pid()) && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertTrue(!alive(h.pid()), "left behind: " + h.pid() + " " + status(h.pid()));
            }
            Thread.sleep(100);
            assertTrue(status(sleep.pid()).contains("State:\tS"), status(sleep.pid()));
        } finally {
            tracer.destroyForcibly();
            sleep.destroyForcibly();
        }
    }

    /**
     * A command jstrace started runs on when jstrace is killed, as under strace 6.1 (which has no
     * PTRACE_O_EXITKILL; --kill-on-exit asks for it). jstrace killed it with itself.
     */
    @Test
    void aStartedCommandOutlivesItsKilledTracer() throws Exception {
        for (String tracer : List.of("/usr/bin/strace", Run.JSTRACE)) {
            Path done = tmp.resolve("done");
            Files.deleteIfExists(done);
            Process p = new ProcessBuilder(tracer, "-o", "/dev/null", "sh", "-c", "sleep 1; echo done > " + done)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (p.toHandle().descendants().noneMatch(h -> h.info().command().orElse("").endsWith("sleep"))) {
                    assertTrue(System.nanoTime() < deadline, tracer + ": the command did not start");
                    Thread.sleep(10);
                }
                p.destroyForcibly().waitFor();
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!Files.exists(done) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(Files.exists(done), tracer + ": the command died with its tracer");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    /** Whether {@code pid} still exists other than as a zombie (its new parent may not reap it). */
    private static boolean alive(long pid) throws IOException {
        String s = status(pid);
        return !s.isEmpty() && !s.contains("State:\tZ");
    }

    private static String status(long pid) throws IOException {
        Path p = Path.of("/proc/" + pid + "/status");
        try {
            return Files.readString(p);
        } catch (java.nio.file.NoSuchFileException e) {
            return "";
        }
    }
}

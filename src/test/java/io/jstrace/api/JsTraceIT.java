package io.jstrace.api;

import io.jstrace.model.ExitStatus;

import io.jstrace.model.CallStatus;
import io.jstrace.model.Event;
import io.jstrace.model.SystemCall;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java API on real processes: both delivery variants, stopping, attaching. */
class JsTraceIT {
    private static final ValueText TEXT = new ValueText(ValueText.Hex.NONE);

    @Test
    void streamDeliversTheSameEventsAsTheCallback() throws Exception {
        List<Event> called = new ArrayList<>();
        ExitStatus status = command().run(called::add);
        List<Event> streamed;
        ExitStatus streamedStatus;
        try (TraceStream events = command().stream()) {
            streamed = events.stream().toList();
            streamedStatus = events.exitStatus();
        }
        assertEquals(ExitStatus.exited(0), status);
        assertEquals(status, streamedStatus);
        assertTrue(called.size() > 20, called.toString());
        assertInstanceOf(Event.Exited.class, called.getLast());
        assertEquals(shape(called), shape(streamed));
    }

    /** The same program twice gives the same calls; random bytes (getrandom) are left out. */
    private static JsTrace command() {
        return JsTrace.command("cat", "/etc/hostname").syscalls("!getrandom");
    }

    /** Events as text, with what differs between two runs masked: the pid, addresses. */
    private static List<String> shape(List<Event> events) {
        String tid = String.valueOf(events.getFirst().tid());
        return events.stream().map(e -> switch (e) {
            case Event.SyscallEntry s -> s.name() + "(" + args(s.entryArgs()) + (s.rest() != Event.Rest.NONE ? ", ..." : "");
            case Event.SyscallExit x -> x.name() + " " + args(x.exitArgs()) + ") = " + switch (x.result()) {
                case Event.Result.Success ok -> TEXT.format(ok.value());
                case Event.Result.Failure f -> f.name();
                case Event.Result.None n -> "?";
            };
            default -> e.getClass().getSimpleName();
        }).map(s -> s.replaceAll("0x[0-9a-f]+", "0x_").replaceAll("\\b" + tid + "\\b", "PID")).toList();
    }

    private static String args(List<io.jstrace.model.Value> values) {
        StringBuilder sb = new StringBuilder();
        TEXT.appendAll(sb, values);
        return sb.toString();
    }

    @Test
    void closingTheStreamKillsTheCommandAndDetachesItsChildrenRunning() throws Exception {
        int sh = 0;
        int child = 0;
        TraceStream events = JsTrace.command("sh", "-c", "sleep 30 & wait").follow(true).stream();
        try (events) {
            for (Event e : events) {
                if (e instanceof Event.Attached a) {
                    if (a.how() == Event.How.STARTED) {
                        sh = a.tid();
                    } else {
                        child = a.tid();
                    }
                }
                if (e instanceof Event.SyscallEntry s && s.tid() == child && s.name().contains("nanosleep")) {
                    break; // the child is sleeping, the shell waits for it
                }
            }
        }
        try {
            assertTrue(sh > 0 && child > 0, sh + " " + child);
            assertEquals(new ExitStatus(128 + 9, 9, false), events.exitStatus());
            assertFalse(Files.exists(Path.of("/proc/" + sh)), "the shell is killed and reaped");
            assertRunningUntraced(child);
        } finally {
            kill(child);
        }
    }

    @Test
    void closingWhileTheQueueIsFullEndsAtOnce() throws Exception {
        int[] pid = new int[1];
        TraceStream events = JsTrace.command("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000000")
                .onStart(p -> pid[0] = p).stream();
        try (events) {
            events.iterator().next();
            Thread.sleep(300); // the tracer fills the queue and waits
        }
        assertEquals(9, events.exitStatus().signal());
        assertFalse(Files.exists(Path.of("/proc/" + pid[0])), "dd is killed and reaped");
    }

    @Test
    void anExceptionFromTheConsumerStopsTracingAndIsRethrown() {
        int[] pid = new int[1];
        long start = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> JsTrace.command("sleep", "30").onStart(p -> pid[0] = p).run(event -> {
                    if (event instanceof Event.SyscallEntry) {
                        throw new IllegalStateException("enough");
                    }
                }));
        assertEquals("enough", e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
        assertFalse(Files.exists(Path.of("/proc/" + pid[0])), "sleep is killed and reaped");
    }

    @Test
    void attachingToARunningProcessAndStoppingLeavesItRunning() throws Exception {
        int pid = background("sleep 30");
        try {
            try (TraceStream events = JsTrace.attach(pid).stream()) {
                assertEquals(Event.How.ATTACHED, assertInstanceOf(Event.Attached.class, events.iterator().next()).how());
                assertFalse(field(pid, "TracerPid").equals("0"), "traced now");
            }
            assertRunningUntraced(pid);

            // The callback variant, stopped from another thread.
            JsTrace trace = JsTrace.attach(pid);
            List<Event> seen = Collections.synchronizedList(new ArrayList<>());
            Thread stopper = Thread.ofPlatform().start(() -> {
                while (seen.isEmpty()) {
                    Thread.onSpinWait();
                }
                trace.stop();
            });
            assertEquals(ExitStatus.exited(0), trace.run(seen::add));
            stopper.join();
            // In between: the sleep resuming its interrupted call (restart_syscall), unfinished.
            assertInstanceOf(Event.Attached.class, seen.getFirst());
            assertEquals(new Event.Detached(pid, pid, seen.getLast().timeNanos()), seen.getLast());
            assertRunningUntraced(pid);
        } finally {
            kill(pid);
        }
    }

    @Test
    void tracingLeavesTheJvmsOtherChildrenToIt() throws Exception {
        try (TraceStream events = JsTrace.command("sleep", "1").stream()) {
            Process p = new ProcessBuilder("sh", "-c", "exit 5").start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(5, p.exitValue());
            events.stream().count();
            assertEquals(ExitStatus.exited(0), events.exitStatus());
        }
    }

    /** Handlers per syscall get whole calls, paired from entry to exit; every run ends with the close handlers. */
    @Test
    void perSyscallHandlersGetWholeCalls() throws Exception {
        List<SystemCall> opens = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] closed = new int[1];
        ExitStatus status = JsTrace.command("cat", "/etc/hostname").options("-e", "trace=openat,read", "-s", "4")
                .onSyscall("openat", opens::add).onSyscall(c -> names.add(c.name())).onClose(() -> closed[0]++).run();
        assertEquals(ExitStatus.exited(0), status);
        assertEquals(1, closed[0]);
        SystemCall hostname = opens.stream().filter(c -> args(c.args()).contains("\"/etc/hostname\"")).findFirst().orElseThrow();
        assertEquals(CallStatus.SUCCESSFUL, hostname.status());
        assertEquals("AT_FDCWD, \"/etc/hostname\", O_RDONLY", args(hostname.args()));
        assertInstanceOf(Event.Result.Success.class, hostname.result());
        assertTrue(hostname.endNanos() >= hostname.timeNanos(), hostname.toString());
        assertTrue(names.contains("read") && names.stream().allMatch(n -> n.equals("openat") || n.equals("read")), names.toString());
    }

    @Test
    void optionsTakeStracesTracingSyntaxAndRefuseOutputOnes() {
        JsTrace t = JsTrace.command("true");
        t.options("-f", "-v", "-s", "64", "-yy", "-X", "raw", "-e", "trace=%file", "-e", "inject=openat:error=ENOENT:when=3");
        assertEquals("-T: not a tracing option (the events carry what it would print)",
                assertThrows(IllegalArgumentException.class, () -> t.options("-T")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.options("-o", "x")).getMessage().startsWith("-o:"));
        assertEquals("invalid system call 'nosuch'",
                assertThrows(IllegalArgumentException.class, () -> t.options("-e", "trace=nosuch")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.options("-p", "1"));
    }

    /** A process that cannot be attached is a JsTraceException, handed to the error handlers first. */
    @Test
    void failuresAreUncheckedAndReachTheErrorHandlers() {
        List<Throwable> errors = new ArrayList<>();
        int[] closed = new int[1];
        JsTraceException e = assertThrows(JsTraceException.class, () -> JsTrace.attach(Integer.MAX_VALUE - 1)
                .onWarning(w -> { }).onError(errors::add).onClose(() -> closed[0]++).run());
        assertEquals("attach: ptrace(PTRACE_SEIZE, " + (Integer.MAX_VALUE - 1) + "): No such process", e.getMessage());
        assertEquals(List.of(e), errors);
        assertEquals(1, closed[0]);
        RuntimeException boom = new RuntimeException("boom");
        assertEquals(boom, assertThrows(RuntimeException.class, () -> JsTrace.command("true").onEvent(ev -> {
            throw boom;
        }).run()));
    }

    @Test
    void badInputIsAnIllegalArgumentWithStracesWords() {
        assertEquals("invalid system call 'nosuch'",
                assertThrows(IllegalArgumentException.class, () -> JsTrace.command("true").syscalls("nosuch")).getMessage());
        assertEquals("Can't stat 'nosuch-program-xyz': No such file or directory",
                assertThrows(IllegalArgumentException.class, () -> JsTrace.command("nosuch-program-xyz")).getMessage());
    }

    /**
     * Starts {@code command} in the background of a shell that exits at once, so the process is
     * no child of this JVM (whose process reaper would wait for it), and returns its pid.
     */
    private static int background(String command) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("sh", "-c", command + " >/dev/null 2>&1 & echo $!").start();
        String pid = new String(sh.getInputStream().readAllBytes()).trim();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS));
        return Integer.parseInt(pid);
    }

    private static void assertRunningUntraced(int pid) throws IOException {
        assertFalse(state(pid).equalsIgnoreCase("t"), "process " + pid + " left stopped");
        assertEquals("0", field(pid, "TracerPid"), "process " + pid + " still traced");
    }

    /** The state letter in /proc/PID/status: S sleeping, R running, T stopped, t stopped by a tracer. */
    private static String state(int pid) throws IOException {
        return field(pid, "State").substring(0, 1);
    }

    private static String field(int pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new AssertionError("no " + name + " in /proc/" + pid + "/status");
    }

    private static void kill(int pid) {
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}

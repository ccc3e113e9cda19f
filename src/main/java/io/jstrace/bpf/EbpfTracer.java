package io.jstrace.bpf;

import io.jstrace.linux.EbpfRing;
import io.jstrace.linux.Errno;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.Sys;
import io.jstrace.linux.Waiter;
import io.jstrace.model.Event;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Proc;
import io.jstrace.trace.Sink;
import io.jstrace.trace.Tracer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The eBPF backend (--backend=bpf): the same events as the ptrace {@link Tracer}, from records the
 * kernel writes while the tracee runs on, never stopped. The ring is read every few milliseconds;
 * events are put back in time order within {@link #WINDOW_NANOS}.
 */
public final class EbpfTracer {
    private static final int SIGKILL = 9, SIGCONT = 18;
    /** How far records of different CPUs may be out of order. */
    private static final long WINDOW_NANOS = 10_000_000;
    /** Sleep between reads of an empty ring: a lazy reader costs the tracee nothing (no wake-ups). */
    private static final long POLL_NANOS = 5_000_000;
    /**
     * The ring's size: 64 MiB holds about 500,000 calls with their data, some seconds of a
     * tracee making calls non-stop faster than the reader decodes them. The system property
     * jstrace.bpf.ring sets another (a power of 2, at least a page).
     */
    private final int ringSize = Integer.getInteger("jstrace.bpf.ring", 64 << 20);
    /** Records read before the events older than the window are handed on (a busy ring never runs dry). */
    private static final int BATCH = 4096;

    private final Tracer.Config config;
    private final Sink sink;
    /** Where losses are reported: never quieted (-q, or -o with a command, silences only notices). */
    private final java.util.function.Consumer<String> losses;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final long epochOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

    /** {@code losses} takes a line for each loss of events: where it happened and in the end per CPU. */
    public EbpfTracer(Tracer.Config config, Sink sink, java.util.function.Consumer<String> losses) {
        this.config = config;
        this.sink = sink;
        this.losses = losses;
    }

    /** What the ptrace backend does that this one cannot, as strace's option names; null when nothing. */
    public static String refused(Tracer.Config config) {
        if (!config.tampering().isEmpty()) {
            return "-e inject= and -e fault= change calls, which --backend=bpf cannot do: use --backend=ptrace";
        }
        if (config.stackTrace()) {
            return "-k (stack traces) is not available with --backend=bpf: use --backend=ptrace";
        }
        return null;
    }

    /** Ends the run from any thread: a started command is killed, attached processes are left running. */
    public void interrupt() {
        interrupted.set(true);
    }

    private EbpfSession open() throws Errno {
        byte[][] plans = new CapturePlans().plans(SyscallTable.x86_64(), config.selection()::shows, config.decodeArgs(),
                config.decode().stringLimit(), config.decode().verbose());
        try {
            return EbpfSession.open(plans, ringSize, config.followForks(), config.decodeArgs());
        } catch (EbpfSession.Unavailable e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /** Starts {@code argv} (its program resolved to {@code path}), traced from its execve, to its end; its wait status. */
    public int runCommand(String path, List<String> argv, Spawn.Inheritance inheritance, IntConsumer started) throws Errno {
        try (EbpfSession session = open()) {
            int pid = Spawn.stoppedBeforeExec(path, argv, inheritance);
            started.accept(pid);
            int[] status = {0};
            AtomicBoolean reaped = new AtomicBoolean();
            Thread reaper = Thread.ofPlatform().daemon().name("jstrace-bpf-reaper").start(() -> {
                Waiter w = new Waiter();
                if (w.wait(pid, 0, false) == pid) {
                    status[0] = w.status();
                }
                reaped.set(true);
            });
            SinkThread lines = new SinkThread(sink);
            EventOrder order = new EventOrder(lines);
            RecordEvents events = new RecordEvents(config, order, epochOffset, losses);
            try {
                session.trace(pid, true);
            } catch (Errno e) {
                Sys.kill(pid, SIGKILL);
                throw e;
            }
            events.traced(pid, pid, now(), Event.How.STARTED);
            Sys.kill(pid, SIGCONT);
            loop(session, events, order, lines, () -> reaped.get() && events.live().isEmpty(), () -> Sys.kill(pid, SIGKILL));
            try {
                reaper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return status[0];
        }
    }

    /** Traces every thread of each process in {@code pids} until they end or {@link #interrupt()}; 1 if none could be traced. */
    public int runAttached(List<Integer> pids, java.util.function.Consumer<String> warn) throws Errno {
        try (EbpfSession session = open()) {
            SinkThread lines = new SinkThread(sink);
            EventOrder order = new EventOrder(lines);
            RecordEvents events = new RecordEvents(config, order, epochOffset, losses);
            for (int pid : pids) {
                List<Integer> tids = threads(pid);
                if (tids.isEmpty()) {
                    warn.accept("attach: bpf: " + pid + ": No such process");
                }
                for (int tid : tids) {
                    session.trace(tid, false);
                    events.traced(Proc.processOf(pid), tid, now(), Event.How.ATTACHED);
                }
            }
            if (events.live().isEmpty()) {
                lines.close();
                return 1;
            }
            loop(session, events, order, lines, () -> events.live().isEmpty(), () -> { });
            return 0;
        }
    }

    private long now() {
        return System.nanoTime() + epochOffset;
    }

    /**
     * Reads the ring until {@code done}: each pass hands over the events older than the window. A
     * thread whose end record was lost would keep the loop waiting: once the command has been
     * reaped and the ring read to its end, threads that no longer exist are dropped.
     */
    private void loop(EbpfSession session, RecordEvents events, EventOrder order, SinkThread lines,
                      java.util.function.BooleanSupplier done, Runnable kill) {
        EbpfRing ring = session.ring();
        long lastCheck = System.nanoTime();
        while (true) {
            boolean finished = done.getAsBoolean();
            int n = ring.drain(events::record, BATCH);
            if ((finished && n < BATCH) || interrupted.get()) {
                ring.drain(events::record, Integer.MAX_VALUE);
                break;
            }
            order.releaseBefore(now() - WINDOW_NANOS);
            if (n == 0) {
                lines.flush();
                LockSupport.parkNanos(POLL_NANOS);
            }
            if (n == 0 && System.nanoTime() - lastCheck > 200_000_000L && ring.pending() == 0) {
                lastCheck = System.nanoTime();
                events.live().removeIf(tid -> !Files.exists(Path.of("/proc/" + tid)));
            }
        }
        if (interrupted.get()) {
            kill.run();
            events.detachAll(now());
        }
        order.releaseBefore(Long.MAX_VALUE);
        lines.close();
        session.missed().forEach((tp, n) -> losses.accept(n + " " + tp + " event" + (n == 1 ? "" : "s")
                + " not seen: the kernel skipped its program, preempted while running on that CPU"));
        long[] lost = session.lostPerCpu();
        for (int cpu = 0; cpu < lost.length; cpu++) {
            if (lost[cpu] > 0) {
                losses.accept(lost[cpu] + " events lost on CPU " + cpu + " (ring buffer full)");
            }
        }
    }

    private static List<Integer> threads(int pid) {
        try (var s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return s.map(p -> Integer.parseInt(p.getFileName().toString())).sorted().toList();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }
}

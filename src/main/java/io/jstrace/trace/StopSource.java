package io.jstrace.trace;

import io.jstrace.linux.Errno;
import io.jstrace.linux.Sys;
import io.jstrace.linux.Waiter;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Where the loop's stops come from: wait4 (polled for a little while first), stops collected and
 * not handled yet, threads that delay injections hold at their stop, and the waker whose death
 * ends a blocking wait4 when another thread interrupts the tracer.
 */
final class StopSource {
    /**
     * This thread's tracees and children only: children the JVM starts elsewhere (ProcessBuilder)
     * stay its own. Except as the init of a PID namespace (unshare -pf jstrace ...): orphans of
     * the traced processes come to the JVM's main thread then, and the tracer must reap them, as
     * strace does there; a PID namespace's init that exits waits until they are.
     */
    private static final int WAIT_TRACEES = Sys.WALL | (Sys.getpid() == 1 ? 0 : Sys.WNOTHREAD);
    /** Longest wait for other threads' stops while some are held: their latency during a delay. */
    private static final long HOLD_POLL_NANOS = 1_000_000;
    /**
     * Polls this many times (WNOHANG) before blocking in wait4. A resumed tracee usually stops
     * again within microseconds; catching that stop without having slept saves the wake-up, which
     * on these virtual machines costs more than the polls (dd bs=1 under -o FILE: 1.34x strace's
     * time blocking at once, 0.95x polling first, medians of 5).
     */
    private static final int POLLS_BEFORE_BLOCKING = 200;

    private final Waiter waiter = new Waiter();
    private final PendingStops collected = new PendingStops();
    private final HeldTasks held = new HeldTasks();
    private final Waker waker = new Waker();
    private final AtomicBoolean interrupted;
    /** Whether each stop comes with the thread group's system time (-c without -w). */
    private final boolean systemTime;
    private int status;
    private long systemNanos;
    private long nanoTime;

    StopSource(AtomicBoolean interrupted, boolean systemTime) {
        this.interrupted = interrupted;
        this.systemTime = systemTime;
    }

    void startWaker() throws Errno {
        waker.start(interrupted);
    }

    /** Ends a blocking wait of the loop's thread. Safe from any thread. */
    void wake() {
        waker.kill();
    }

    /** Kills and reaps the waker: the loop is done. */
    void end() {
        waker.end(waiter);
    }

    void reap(int pid) {
        waiter.wait(pid, Sys.WALL, false);
    }

    /** The wait status of the stop last returned. */
    int status() {
        return status;
    }

    /** wait4's ru_stime with the stop last returned, or -1 when it was not asked for. */
    long systemNanos() {
        return systemNanos;
    }

    /**
     * When wait4 returned the stop last returned (System.nanoTime()): the time of its events,
     * taken before anything is decoded, so that a call's duration is that of its stops.
     */
    long nanoTime() {
        return nanoTime;
    }

    /**
     * The next stop to handle: a tid; 0 when the waker was reaped (time to look at the interrupt
     * flag); a negated errno when wait4 failed. With several tracees, as strace does, every stop
     * already pending is collected after the first (WNOHANG) and they are handled in the
     * kernel's order before waiting again: handling each as it comes would favour the tracee the
     * kernel reports first (the newest), and a pipeline's processes would run, and end, in
     * another order than under strace.
     *
     * @param tracees   how many threads are traced
     * @param resumeDue resumes a held thread whose delay is over
     */
    int next(int tracees, Consumer<Task> resumeDue) {
        int tid;
        if (!collected.isEmpty()) {
            tid = takeCollected();
        } else {
            tid = held.isEmpty() ? waitNext() : waitWhileHolding(resumeDue);
            if (tid <= 0) {
                return tid;
            }
            collected.add(tid, waiter.status(), usage(), System.nanoTime());
            if (tracees > 1) {
                while (true) {
                    int more = waitAny(Sys.WNOHANG);
                    if (more <= 0) {
                        break;
                    }
                    boolean again = collected.contains(more);
                    collected.add(more, waiter.status(), usage(), System.nanoTime());
                    if (again) {
                        break; // a second stop of one tracee (e.g. its death after a SIGKILL): handle those first
                    }
                }
            }
            tid = takeCollected();
        }
        if (waker.reaped(tid)) {
            if (!interrupted.get()) {
                restartWaker();
            }
            return 0;
        }
        return tid;
    }

    /** Keeps {@code t} at its syscall stop until its delay is over. */
    void hold(Task t) {
        held.add(t);
    }

    /** Every held thread, none held any more. */
    List<Task> drainHeld() {
        return held.drain();
    }

    /** Whether stops were collected and not handled yet: wait4 will not report them again. */
    boolean hasCollected() {
        return !collected.isEmpty();
    }

    /** The oldest collected stop; its status is then {@link #status()}. */
    int takeCollected() {
        int tid = collected.next();
        status = collected.status();
        systemNanos = collected.systemNanos();
        nanoTime = collected.nanoTime();
        return tid;
    }

    /** Blocks for the next stop of any tracee; its status is then {@link #status()}. */
    int waitForAny() {
        int tid = waiter.wait(-1, WAIT_TRACEES, false);
        if (tid > 0) {
            status = waiter.status();
            nanoTime = System.nanoTime();
        }
        return tid;
    }

    private long usage() {
        return systemTime ? waiter.systemTimeNanos() : -1;
    }

    /**
     * The waker died without an interrupt: a signal to the whole process group (timeout's SIGTERM
     * and SIGCONT, say) reached it too. Without a new one, an interrupt could not wake the loop.
     */
    private void restartWaker() {
        try {
            waker.start(interrupted);
        } catch (Errno e) {
            // Then an interrupt takes effect at the next stop of any tracee (the loop checks it there too).
        }
    }

    /** The next stop of any tracee: polled for a little while, then waited for. */
    private int waitNext() {
        for (int i = 0; i < POLLS_BEFORE_BLOCKING; i++) {
            int tid = waitAny(Sys.WNOHANG);
            if (tid != 0) {
                return tid;
            }
            Thread.onSpinWait();
        }
        return waitAny(0);
    }

    /** The next stop of any tracee, with the thread group's CPU usage when -c wants system time. */
    private int waitAny(int options) {
        return waiter.wait(-1, WAIT_TRACEES | options, systemTime);
    }

    /**
     * waitpid while delay injections hold threads at their stops: polls, resuming each held thread
     * when its time comes, so the other threads are served meanwhile.
     */
    private int waitWhileHolding(Consumer<Task> resumeDue) {
        while (true) {
            long now = System.nanoTime();
            for (Task t = held.pollDue(now); t != null; t = held.pollDue(now)) {
                t.tampering.holdUntil = 0;
                resumeDue.accept(t);
            }
            if (held.isEmpty()) {
                return waitAny(0);
            }
            int tid = waitAny(Sys.WNOHANG);
            if (tid != 0) {
                return tid;
            }
            LockSupport.parkNanos(Math.min(held.nanosUntilNext(now), HOLD_POLL_NANOS));
        }
    }
}

package io.jstrace.trace;

import io.jstrace.linux.Errno;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.Sys;
import io.jstrace.linux.Waiter;
import io.jstrace.xlat.Signals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A child of the tracer, stopped before its exec, whose death wakes the event loop's blocking
 * wait4 when another thread asks the loop to stop: nothing else interrupts a JVM thread's wait4.
 */
final class Waker {
    /** 0 before the first start, -1 once the loop has reaped it. Written by the tracer thread only. */
    private int pid;
    private boolean gone; // guarded by this: killed or reaped, so its pid is no longer ours to signal

    /** Starts a waker; kills it at once if {@code interrupted} was set before it existed. */
    void start(AtomicBoolean interrupted) throws Errno {
        int p = Spawn.stoppedBeforeExec("/", List.of("jstrace-waker"), new Spawn.Inheritance(Set.of(), 0, 0, List.of()));
        synchronized (this) {
            pid = p;
            gone = false;
        }
        if (interrupted.get()) {
            kill();
        }
    }

    /** Whether {@code tid}, just reported dead by the loop's wait4, was the waker. */
    boolean reaped(int tid) {
        if (tid != pid) {
            return false;
        }
        synchronized (this) {
            pid = -1;
            gone = true;
        }
        return true;
    }

    /** Wakes the loop. Safe from any thread. */
    synchronized void kill() {
        if (pid > 0 && !gone) {
            Sys.kill(pid, Signals.SIGKILL);
            gone = true;
        }
    }

    /** Kills and reaps the waker when the loop is done with it. */
    void end(Waiter waiter) {
        int p;
        synchronized (this) {
            p = pid;
        }
        kill();
        if (p > 0) {
            waiter.wait(p, Sys.WALL, false);
        }
    }
}

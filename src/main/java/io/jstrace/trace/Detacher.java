package io.jstrace.trace;

import io.jstrace.linux.Ptrace;
import io.jstrace.linux.Sys;
import io.jstrace.linux.WaitStatus;
import io.jstrace.xlat.Signals;

/**
 * Lets go of every tracee, as strace does on an interrupt or at --syscall-limit: each thread is
 * stopped (PTRACE_INTERRUPT), then detached at its stop with the signal it was owed, and keeps
 * running; the command jstrace started, when the interrupt killed it (SIGKILL), is let die traced
 * so that its death is reported and it is reaped.
 */
final class Detacher {
    private final Tasks tasks;
    private final StopSource stops;
    private final PendingEvents events;

    Detacher(Tasks tasks, StopSource stops, PendingEvents events) {
        this.tasks = tasks;
        this.stops = stops;
        this.events = events;
    }

    /** Detaches every tracee; but lets the started command die traced when {@code mainKilled} (SIGKILL sent). */
    void detachAll(boolean mainKilled) {
        // Held threads are at a stop already: a PTRACE_INTERRUPT would bring no new one.
        events.at(System.nanoTime());
        for (Task t : stops.drainHeld()) {
            if (tasks.get(t.tid) == t) {
                Ptrace.detach(t.tid, t.tampering.takeSignal());
                tasks.detached(t);
            }
        }
        // Stops collected but not handled yet: wait4 will not report them again.
        while (stops.hasCollected()) {
            Task t = tasks.get(stops.takeCollected());
            events.at(stops.nanoTime());
            if (t != null) {
                detachAt(t, stops.status(), mainKilled);
            }
        }
        for (int tid : tasks.tids()) {
            Ptrace.interrupt(tid);
        }
        while (!tasks.isEmpty()) {
            int tid = stops.waitForAny();
            if (tid < 0) {
                break;
            }
            Task t = tasks.get(tid);
            events.at(stops.nanoTime());
            if (t != null) {
                detachAt(t, stops.status(), mainKilled);
            }
        }
    }

    /**
     * --kill-on-exit: kills every tracee instead (SIGKILL reaches a thread at a ptrace stop too)
     * and waits for each death, so that none is left stopped however the tracer goes on.
     */
    void killAll() {
        events.at(System.nanoTime());
        stops.drainHeld();
        for (int tid : tasks.tids()) {
            Sys.kill(tid, Signals.SIGKILL);
        }
        while (stops.hasCollected()) {
            int tid = stops.takeCollected();
            goneIfDead(tid, tasks.get(tid));
        }
        while (!tasks.isEmpty()) {
            int tid = stops.waitForAny();
            if (tid < 0) {
                break;
            }
            goneIfDead(tid, tasks.get(tid));
        }
    }

    /**
     * A death ends the task; any stop on the way to it (its PTRACE_EVENT_EXIT stop, a stop that
     * was pending when SIGKILL came) is resumed, or it would wait there for ever. A child that
     * arrived after the kills gets its own.
     */
    private void goneIfDead(int tid, Task t) {
        events.at(stops.nanoTime());
        int s = stops.status();
        if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
            if (t != null) {
                tasks.gone(t, s);
            }
            return;
        }
        if (t == null) {
            Sys.kill(tid, Signals.SIGKILL);
        }
        Ptrace.cont(tid, 0);
    }

    /** Detaches {@code t} at the stop (or death) that wait4 reported with {@code s}. */
    private void detachAt(Task t, int s, boolean mainKilled) {
        if (WaitStatus.exited(s) || WaitStatus.signaled(s)) {
            tasks.gone(t, s);
            return;
        }
        if (mainKilled && t.tid == tasks.mainRunning()) {
            // Killed by the interrupt: let it die traced, so its death is reported and it is reaped.
            Ptrace.cont(t.tid, 0);
            return;
        }
        int sig = WaitStatus.stopSignal(s);
        int event = WaitStatus.event(s);
        int pass = (event == 0 && sig != (Signals.SIGTRAP | 0x80)) ? sig : 0;
        Ptrace.detach(t.tid, pass);
        tasks.detached(t);
    }
}

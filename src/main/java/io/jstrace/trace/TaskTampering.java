package io.jstrace.trace;

import io.jstrace.model.Event;

import java.util.HashMap;
import java.util.Map;

/**
 * One thread's tampering state: strace's per-tracee {@code when=} counters (a new thread starts
 * from the plan's values) and what was done to the call in progress.
 */
final class TaskTampering {
    /** Per syscall number: {calls until the next injection, calls left until LAST}. */
    private Map<Integer, int[]> counters;
    /** The injection applied to the call in progress, or null. */
    Injection current;
    /** The call's number was replaced at entry: its result is set at exit. */
    boolean injected;
    /** Memory the call's arguments point to was written. */
    boolean poked;
    /** The thread was held at this call's entry or exit. */
    boolean delayed;
    /** The signal to deliver when the thread leaves its entry stop, or 0. */
    private int signal;
    /** {@link System#nanoTime()} until which the thread stays stopped, or 0 when it may go on. */
    long holdUntil;

    /** Forgets the previous call, at the entry of the next one. */
    void startCall() {
        current = null;
        injected = false;
        poked = false;
        delayed = false;
    }

    /**
     * Counts one call of {@code nr} and says whether this one is injected, as strace counts:
     * FIRST counts down to the first injection, then STEP to each next one, and LAST counts
     * every call down to the end of the range.
     */
    boolean due(int nr, Injection.When when) {
        if (counters == null) {
            counters = new HashMap<>();
        }
        int[] c = counters.computeIfAbsent(nr, k -> new int[] {when.first(), when.last()});
        if (c[0] == 0 || c[1] == 0) {
            return false;
        }
        if (c[1] != Injection.When.INFINITE) {
            c[1]--;
        }
        if (--c[0] != 0) {
            return false;
        }
        c[0] = when.step();
        return true;
    }

    /** What was done to the call in progress, for its exit event. */
    Event.Tampered outcome() {
        return injected || poked || delayed ? new Event.Tampered(injected, poked, delayed) : Event.Tampered.NONE;
    }

    void deliverOnResume(int sig) {
        signal = sig;
    }

    void hold(long nanos) {
        holdUntil = System.nanoTime() + nanos;
        delayed = true;
    }

    /** The signal to resume with (taken once). */
    int takeSignal() {
        int s = signal;
        signal = 0;
        return s;
    }
}

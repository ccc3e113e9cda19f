package io.jstrace.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One system call from its entry to what ended it, paired by {@link CallPairing}: what --json
 * writes as one object and the Java API hands to per-syscall handlers.
 *
 * @param entry    the entry; null only if the tracer reported an exit without its entry
 * @param exit     the exit; null when a detach or the end of tracing cut the call
 * @param status   how it ended
 * @param endNanos when it ended: its exit, the detach, or the end of tracing
 */
public record SystemCall(Event.SyscallEntry entry, Event.SyscallExit exit, CallStatus status, long endNanos) {
    public SystemCall {
        if (entry == null && exit == null) {
            throw new IllegalArgumentException("a call needs its entry or its exit");
        }
    }

    public int pid() {
        return entry != null ? entry.pid() : exit.pid();
    }

    public int tid() {
        return entry != null ? entry.tid() : exit.tid();
    }

    public String name() {
        return entry != null ? entry.name() : exit.name();
    }

    public int number() {
        return entry != null ? entry.number() : exit.number();
    }

    /** When it entered (for a call seen only at exit: its exit time less its duration). */
    public long timeNanos() {
        return entry != null ? entry.timeNanos() : exit.timeNanos() - exit.durationNanos();
    }

    /**
     * Every argument shown, in strace's order: those decoded at entry, then those read at exit. An
     * argument strace continues at exit (clone3's {@code {...} => {...}}) is there once, with its
     * value at exit.
     */
    public List<Value> args() {
        List<Value> out = new ArrayList<>();
        if (entry != null) {
            List<Value> shown = entry.entryArgs();
            boolean continued = entry.rest() == Event.Rest.CONTINUED && exit != null && !shown.isEmpty();
            out.addAll(continued ? shown.subList(0, shown.size() - 1) : shown);
        }
        if (exit != null) {
            out.addAll(exit.exitArgs());
        }
        return Collections.unmodifiableList(out);
    }

    /** The outcome: {@link Event.Result.None} when the call did not return. */
    public Event.Result result() {
        return exit != null ? exit.result() : new Event.Result.None();
    }
}

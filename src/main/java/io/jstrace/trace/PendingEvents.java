package io.jstrace.trace;

import io.jstrace.model.Event;

import java.util.ArrayList;

/**
 * The events of the stop being handled, and the clock they are stamped with: the time the stop
 * was reported, not the time it is handled (decoding a call must not add to its duration, and
 * a call's exit time minus its entry time is its duration). They reach the sink after the
 * thread is resumed, so that formatting and writing them overlaps the tracee's run
 * instead of adding to its stopped time (dd bs=1 -o FILE: 0.61 of strace's time, 0.68 when
 * delivered before the stop is handled).
 */
final class PendingEvents {
    private final Sink sink;
    private final ArrayList<Event> pending = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final long startEpochNanos = System.currentTimeMillis() * 1_000_000L;
    private long at = startNanos;

    PendingEvents(Sink sink) {
        this.sink = sink;
    }

    void add(Event e) {
        pending.add(e);
    }

    /** Hands the events gathered so far to the sink, in order. */
    void deliver() {
        for (int i = 0; i < pending.size(); i++) {
            sink.accept(pending.get(i));
        }
        pending.clear();
    }

    /** The events to come happened at {@code nanoTime} (System.nanoTime()): a stop's, or the present. */
    void at(long nanoTime) {
        at = nanoTime;
    }

    /** When the events being gathered happened, in System.nanoTime(). */
    long nanoTime() {
        return at;
    }

    /** When the events being gathered happened, in wall-clock nanoseconds since the epoch. */
    long now() {
        return startEpochNanos + (at - startNanos);
    }
}

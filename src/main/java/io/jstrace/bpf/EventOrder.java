package io.jstrace.bpf;

import io.jstrace.model.Event;
import io.jstrace.trace.Sink;

import java.util.PriorityQueue;

/**
 * Puts events back in time order: each CPU writes its records in order, but the ring interleaves
 * the CPUs' records as they were reserved, and a call's entry is known only at its exit. Events
 * wait here until they are older than the window, then go to the sink oldest first.
 */
final class EventOrder {
    private record Timed(long time, long seq, Event event) {}

    private final PriorityQueue<Timed> queue = new PriorityQueue<>((a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final Sink sink;
    private long seq;

    EventOrder(Sink sink) {
        this.sink = sink;
    }

    void add(Event e) {
        queue.add(new Timed(e.timeNanos(), seq++, e));
    }

    /** Hands {@code e} on at once, ahead of the events waiting (-c counts: their order does not matter). */
    void now(Event e) {
        sink.accept(e);
    }

    /** Hands the sink every event before {@code time} (all of them for Long.MAX_VALUE). */
    void releaseBefore(long time) {
        while (!queue.isEmpty() && queue.peek().time < time) {
            sink.accept(queue.poll().event);
        }
    }
}

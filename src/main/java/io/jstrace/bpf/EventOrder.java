package io.jstrace.bpf;

import io.jstrace.model.Event;
import io.jstrace.trace.Sink;

import java.util.ArrayList;

/**
 * Puts events back in time order: each CPU writes its records in order, but the ring interleaves
 * the CPUs' records as they were reserved, and a call's entry is known only at its exit. Events
 * wait here until they are older than the window, then go to the sink oldest first.
 *
 * <p>They come nearly in order, so each is added at the end and moved back past the few newer
 * ones (insertion sort): one comparison for most, where a heap paid a logarithm for every event.
 * Events of the same time keep the order they came in.
 */
final class EventOrder {
    private final ArrayList<Event> events = new ArrayList<>();
    private final Sink sink;
    /** Events before this index have been handed on. */
    private int head;

    EventOrder(Sink sink) {
        this.sink = sink;
    }

    void add(Event e) {
        events.add(e);
        long t = e.timeNanos();
        int i = events.size() - 1;
        while (i > head && events.get(i - 1).timeNanos() > t) {
            events.set(i, events.get(i - 1));
            i--;
        }
        events.set(i, e);
    }

    /** Hands {@code e} on at once, ahead of the events waiting (-c counts: their order does not matter). */
    void now(Event e) {
        sink.accept(e);
    }

    /** Hands the sink every event before {@code time} (all of them for Long.MAX_VALUE). */
    void releaseBefore(long time) {
        while (head < events.size() && events.get(head).timeNanos() < time) {
            sink.accept(events.get(head));
            events.set(head++, null);
        }
        if (head == events.size()) {
            events.clear();
            head = 0;
        } else if (head > 4096 && head > events.size() / 2) {
            events.subList(0, head).clear();
            head = 0;
        }
    }
}

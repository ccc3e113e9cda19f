package io.jstrace.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstrace.model.Event;
import io.jstrace.trace.Sink;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventOrderTest {
    private static Event at(int tid, long time) {
        return new Event.Exited(tid, tid, time, 0);
    }

    @Test
    void releasesOldestFirstKeepingArrivalOrderOfTies() {
        List<Event> got = new ArrayList<>();
        EventOrder order = new EventOrder(Sink.of(got::add));
        order.add(at(1, 10));
        order.add(at(2, 30));
        order.add(at(3, 20));   // a CPU behind the other
        order.add(at(4, 5));    // an entry known only at its exit, far back
        order.add(at(5, 20));   // same time as 3: after it
        order.releaseBefore(21);
        assertEquals(List.of(4, 1, 3, 5), got.stream().map(Event::tid).toList());
        order.add(at(6, 25));
        order.releaseBefore(Long.MAX_VALUE);
        assertEquals(List.of(4, 1, 3, 5, 6, 2), got.stream().map(Event::tid).toList());
    }

    @Test
    void manyEventsInNearOrder() {
        List<Event> got = new ArrayList<>();
        EventOrder order = new EventOrder(Sink.of(got::add));
        for (int i = 0; i < 20000; i++) {
            order.add(at(i, i % 2 == 0 ? i : i - 3));
            if (i % 1000 == 999) {
                order.releaseBefore(i - 10);
            }
        }
        order.releaseBefore(Long.MAX_VALUE);
        assertEquals(20000, got.size());
        for (int i = 1; i < got.size(); i++) {
            assertEquals(true, got.get(i - 1).timeNanos() <= got.get(i).timeNanos(), "at " + i);
        }
    }
}

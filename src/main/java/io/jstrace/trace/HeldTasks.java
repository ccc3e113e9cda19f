package io.jstrace.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Threads a delay injection keeps at their syscall stop, earliest deadline first. */
final class HeldTasks {
    private final PriorityQueue<Task> queue =
            new PriorityQueue<>((a, b) -> Long.compare(a.tampering.holdUntil, b.tampering.holdUntil));

    void add(Task t) {
        queue.add(t);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Nanoseconds from {@code now} until the earliest deadline (0 if it has passed). */
    long nanosUntilNext(long now) {
        return Math.max(0, queue.element().tampering.holdUntil - now);
    }

    /** The next thread whose deadline has passed at {@code now}, or null. */
    Task pollDue(long now) {
        Task t = queue.peek();
        if (t == null || t.tampering.holdUntil > now) {
            return null;
        }
        return queue.poll();
    }

    /** Every held thread, emptying the queue. */
    List<Task> drain() {
        List<Task> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}

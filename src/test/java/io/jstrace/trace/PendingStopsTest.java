package io.jstrace.trace;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingStopsTest {
    @Test
    void stopsComeOutInTheOrderTheyWentInWithTheirStatusAndTime() {
        PendingStops stops = new PendingStops();
        assertTrue(stops.isEmpty());
        for (int round = 0; round < 3; round++) {
            // More than the initial room, taken out part way so that the arrays are compacted too.
            for (int i = 0; i < 40; i++) {
                stops.add(1000 + i, i, i * 10L, i * 100L);
                if (i % 3 == 2) {
                    int tid = stops.next();
                    assertEquals(stops.status() + 1000, tid);
                    assertEquals(stops.status() * 10L, stops.systemNanos());
                    assertEquals(stops.status() * 100L, stops.nanoTime());
                }
            }
            assertTrue(stops.contains(1039));
            assertFalse(stops.contains(1000));
            int last = -1;
            while (!stops.isEmpty()) {
                int tid = stops.next();
                assertTrue(tid > last);
                last = tid;
            }
            assertEquals(1039, last);
        }
    }
}

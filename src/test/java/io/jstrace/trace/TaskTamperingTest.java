package io.jstrace.trace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskTamperingTest {
    /** The invocations (1-based) among the first 12 that are injected. */
    private static List<Integer> fired(Injection.When when) {
        TaskTampering t = new TaskTampering();
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            if (t.due(0, when)) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void whenRangesAndStepsCountAsStraceDoes() {
        int inf = Injection.When.INFINITE;
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), fired(Injection.When.ALWAYS));
        assertEquals(List.of(3), fired(new Injection.When(3, inf, 0)));
        assertEquals(List.of(3, 4, 5), fired(new Injection.When(3, 5, 1)));
        assertEquals(List.of(2, 5, 8, 11), fired(new Injection.When(2, inf, 3)));
        assertEquals(List.of(2, 5, 8), fired(new Injection.When(2, 9, 3)));
        assertEquals(List.of(4), fired(new Injection.When(4, 4, 1)));
    }

    @Test
    void eachSyscallHasItsOwnCount() {
        TaskTampering t = new TaskTampering();
        Injection.When second = new Injection.When(2, Injection.When.INFINITE, 0);
        assertFalse(t.due(0, second));
        assertFalse(t.due(1, second));
        assertTrue(t.due(0, second));
        assertTrue(t.due(1, second));
    }
}

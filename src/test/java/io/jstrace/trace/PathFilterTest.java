package io.jstrace.trace;

import io.jstrace.decode.FakeMemory;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -P's argument tests, as the kinds' roles give them, on fake memory. */
class PathFilterTest {
    private static final Syscall FSCONFIG = SyscallTable.x86_64().byName("fsconfig");
    private static final Syscall OPENAT = SyscallTable.x86_64().byName("openat");
    private final FakeMemory memory = new FakeMemory().string(0x1000, "/nonexistent/jstrace-p");
    private final PathFilter filter = PathFilter.of(List.of("/nonexistent/jstrace-p"));

    @Test
    void aPathArgument() {
        assertTrue(filter.matches(1, OPENAT, new long[] {-100, 0x1000, 0, 0, 0, 0}, memory));
        assertFalse(filter.matches(1, OPENAT, new long[] {-100, 0x2000, 0, 0, 0, 0}, memory));
    }

    @Test
    void fsconfigsValueIsAPathOnlyForThePathCommands() {
        // FSCONFIG_SET_PATH (3) and FSCONFIG_SET_PATH_EMPTY (4) take a path; FSCONFIG_SET_STRING (1) a string.
        assertTrue(filter.matches(1, FSCONFIG, new long[] {-1, 3, 0, 0x1000, -100, 0}, memory));
        assertTrue(filter.matches(1, FSCONFIG, new long[] {-1, 4, 0, 0x1000, -100, 0}, memory));
        assertFalse(filter.matches(1, FSCONFIG, new long[] {-1, 1, 0, 0x1000, -100, 0}, memory));
    }
}

package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * wait4(2) into a status word and a {@code struct rusage} allocated once: a tracer waits once per
 * stop. One thread uses it; the results are those of its last wait.
 */
public final class Waiter {
    private static final long RUSAGE_SIZE = 144;

    private final MemorySegment status;
    private final MemorySegment rusage;

    public Waiter() {
        Arena arena = Arena.ofAuto();
        status = arena.allocate(JAVA_INT);
        rusage = arena.allocate(RUSAGE_SIZE, 8);
    }

    /**
     * wait4 for {@code pid} (-1: any child) with {@code options}, filling the rusage when
     * {@code usage}. Returns the pid, or the negated errno (EINTR is retried).
     */
    public int wait(int pid, int options, boolean usage) {
        return Sys.wait4(pid, status, options, usage ? rusage : MemorySegment.NULL);
    }

    /** The status word of the last wait that returned a pid. */
    public int status() {
        return Sys.status(status);
    }

    /**
     * {@code ru_stime} of the last wait with {@code usage}, in nanoseconds (microsecond
     * resolution). For a stopped tracee the kernel reports its whole thread group's usage plus
     * its waited-for children.
     */
    public long systemTimeNanos() {
        return rusage.get(JAVA_LONG, 16) * 1_000_000_000L + rusage.get(JAVA_LONG, 24) * 1000L;
    }
}

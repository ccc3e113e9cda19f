package io.jstrace.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jstrace.api.JsTrace;
import io.jstrace.model.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Nothing is lost silently: what a ring too small for the tracee's pace drops is counted and reported. */
class EbpfLossTest {
    private static final Pattern PER_CPU = Pattern.compile("^(\\d+) events lost on CPU \\d+ \\(ring buffer full\\)$");

    @Test
    void everyLostRecordIsReported() throws Exception {
        List<String> dd = List.of("dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=100000");
        long full = calls(dd, new ArrayList<>());
        List<String> notices = new ArrayList<>();
        System.setProperty("jstrace.bpf.ring", Integer.toString(1 << 16));
        long delivered;
        try {
            delivered = calls(dd, notices);
        } finally {
            System.clearProperty("jstrace.bpf.ring");
        }
        long lost = 0;
        for (String n : notices) {
            Matcher m = PER_CPU.matcher(n);
            if (m.matches()) {
                lost += Long.parseLong(m.group(1));
            }
        }
        assertTrue(lost > 0, "a 64 KiB ring keeps up with dd bs=1? " + notices);
        assertTrue(notices.stream().anyMatch(n -> n.matches("\\d+ events? of thread \\d+ lost here \\(ring buffer full\\)")),
                notices.toString());
        // Every record is either delivered or counted lost (a few records are not calls: the exit, entries).
        assertTrue(Math.abs(full - (delivered + lost)) <= 8, "full " + full + ", delivered " + delivered + ", lost " + lost);
    }

    /** The calls that reached the sink; notices collected. Skips the test without privilege. */
    private static long calls(List<String> argv, List<String> notices) throws Exception {
        AtomicLong n = new AtomicLong();
        try {
            JsTrace.command(argv).backend("bpf").decodeArgs(false).onWarning(notices::add).run(e -> {
                if (e instanceof Event.SyscallExit) {
                    n.incrementAndGet();
                }
            });
        } catch (IllegalStateException e) {
            assumeTrue(!e.getMessage().contains("needs root"), e.getMessage());
            throw e;
        }
        return n.get();
    }
}

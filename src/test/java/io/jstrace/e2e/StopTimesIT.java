package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Times are taken at the stops, as strace takes them after each wait, before anything is
 * decoded: a call's duration is the time between its two stops, and its exit time minus its
 * entry time. They used to be taken after decoding, so that -T included the tracer's warm-up
 * (2-45 ms for the first access of {@code jstrace -T true}) and the two did not agree.
 */
class StopTimesIT {
    @TempDir
    Path tmp;

    @Test
    void aCallsDurationIsItsExitTimeMinusItsEntryTime() throws Exception {
        Path out = tmp.resolve("out.jsonl");
        Run.Result r = Run.jstrace("--json", "-f", "-o", out.toString(), "sh", "-c", "ls / > /dev/null; cat /etc/hostname");
        assertEquals(0, r.exit(), r.err());
        List<Map<String, Object>> calls = JsonOutputIT.read(out).stream()
                .filter(e -> "syscall".equals(e.get("type")) && e.containsKey("duration_ns")).toList();
        assertTrue(calls.size() > 100, "calls: " + calls.size());
        for (Map<String, Object> c : calls) {
            long time = ((Number) c.get("time_ns")).longValue();
            long exit = ((Number) c.get("exit_time_ns")).longValue();
            long duration = ((Number) c.get("duration_ns")).longValue();
            assertEquals(exit - time, duration, c.toString());
            assertTrue(duration >= 0, c.toString());
        }
    }
}

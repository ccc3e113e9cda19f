package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jstrace's memory on a long trace: at most 64 MiB resident at peak for 400,000 lines (strace:
 * 15 MiB). With a 64 MiB young generation it was 101 MiB.
 */
class FootprintIT {
    @TempDir
    Path tmp;

    @Test
    void peakResidentSizeOfA400000LineTraceIsAtMost64MiB() throws Exception {
        Path out = tmp.resolve("out");
        // A first run makes the AOT cache for a new jar (a JVM of its own, which would count here).
        assertEquals(0, Run.jstrace("-o", "/dev/null", "true").exit());
        // python3's os.wait4 reports the child's ru_maxrss (KiB), which Java's Process does not.
        String measure = "import os, subprocess, sys\n"
                + "p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL)\n"
                + "_, status, usage = os.wait4(p.pid, 0)\n"
                + "print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)\n";
        Run.Result r = Run.exec(List.of("python3", "-c", measure, Run.JSTRACE, "-o", out.toString(),
                "dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"), null, tmp);
        String[] exitAndPeak = r.out().strip().split(" ");
        assertEquals("0", exitAndPeak[0], r.err());
        try (var lines = Files.lines(out)) {
            assertTrue(lines.count() >= 400_000);
        }
        long peakKiB = Long.parseLong(exitAndPeak[1]);
        assertTrue(peakKiB <= 64 * 1024, "peak RSS " + peakKiB / 1024 + " MiB");
    }
}

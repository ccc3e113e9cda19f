package io.jstrace.e2e;

import io.jstrace.xlat.Xlat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ioctl request jstrace knows, named as strace 6.1 names it: the table holds thousands,
 * read out of strace itself, and this is what keeps it honest. Also a few codes no table has,
 * which both print as {@code _IOC(dir, type, nr, size)} or in hex.
 */
class IoctlNamesIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    @Test
    void everyRequestIsNamedAsStraceNamesIt() throws Exception {
        Set<Long> codes = new LinkedHashSet<>();
        for (Xlat.Entry e : Xlat.of("ioctl_requests").entries()) {
            codes.add(e.value());
        }
        assertTrue(codes.size() > 3000, "codes: " + codes.size());
        // Unnamed: a legacy number, and _IOC codes of each direction.
        codes.addAll(List.of(0x7fffL, 0x0000f1f1L, 0x4004f1f1L, 0x8008f1f1L, 0xc010f1f1L));
        // Named by number: EVIOCGNAME(256), HIDIOCGRAWPHYS(64), HIDIOCGFEATURE(16), MIXER_WRITE(9),
        // MIXER_READ(200), UI_GET_SYSNAME(80), JSIOCGNAME(128), SPI_IOC_MESSAGE(96).
        codes.addAll(List.of(0x81004506L, 0x80404805L, 0xc0104807L, 0x40044d09L, 0x80044dc8L,
                0x8050552cL, 0x80806a13L, 0x40606b00L));
        StringBuilder in = new StringBuilder();
        codes.forEach(c -> in.append(Long.toHexString(c)).append('\n'));
        Path list = tmp.resolve("codes.txt");
        Files.writeString(list, in);

        StraceDiff.Pair p = StraceDiff.run(tmp, List.of("-e", "trace=ioctl"),
                "exec " + Run.tracee("ioctls") + " " + list);
        List<String> strace = requests(p.strace());
        assertEquals(codes.size(), strace.size(), () -> "ioctl lines under strace: " + p.strace().subList(0, Math.min(5, p.strace().size())));
        assertEquals(String.join("\n", strace), String.join("\n", requests(p.jstrace())));
    }

    /** The second argument of each ioctl line: {@code ioctl(-1, NAME, ...)}, parentheses balanced. */
    private static List<String> requests(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (!l.startsWith("ioctl(-1, ")) {
                continue;
            }
            int start = "ioctl(-1, ".length();
            int depth = 0;
            int i = start;
            for (; i < l.length(); i++) {
                char ch = l.charAt(i);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (ch == ',' && depth == 0) {
                    break;
                }
            }
            out.add(l.substring(start, i));
        }
        return out;
    }
}

package io.jstrace.unwind;

import io.jstrace.linux.ProcDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's named mappings from /proc/PID/maps, in address order, as strace's mmap cache
 * keeps them: anonymous mappings (no path) are left out, a duplicate or overlapping line is skipped.
 */
final class Maps {
    /** One mapping: [start, end) maps {@code path} from file offset {@code offset}. */
    record Mapping(long start, long end, long offset, boolean executable, long inode, String path) {}

    private final List<Mapping> mappings;

    Maps(List<Mapping> mappings) {
        this.mappings = mappings;
    }

    /** Reads /proc/PID/maps; null if the process is gone. */
    static Maps read(int pid) {
        try {
            return parse(new String(Files.readAllBytes(Path.of(ProcDirs.of(pid) + "/maps")), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return null;
        }
    }

    static Maps parse(String text) {
        List<Mapping> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Mapping m = line(line);
            if (m == null) {
                continue;
            }
            if (!out.isEmpty()) {
                Mapping last = out.get(out.size() - 1);
                if (Long.compareUnsigned(m.start(), last.end()) < 0) {
                    continue; // a duplicate ([vsyscall] may show twice) or an overlap
                }
            }
            out.add(m);
        }
        return new Maps(List.copyOf(out));
    }

    /** "start-end perms offset dev inode path", or null for an anonymous or malformed line. */
    private static Mapping line(String line) {
        String[] f = line.trim().split("\\s+", 6);
        if (f.length < 6 || f[1].length() != 4) {
            return null;
        }
        int dash = f[0].indexOf('-');
        try {
            long start = Long.parseUnsignedLong(f[0].substring(0, dash), 16);
            long end = Long.parseUnsignedLong(f[0].substring(dash + 1), 16);
            return new Mapping(start, end, Long.parseUnsignedLong(f[2], 16), f[1].charAt(2) == 'x',
                    Long.parseLong(f[4]), f[5]);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The mapping containing {@code addr}, or null. */
    Mapping find(long addr) {
        int lo = 0, hi = mappings.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Mapping m = mappings.get(mid);
            if (Long.compareUnsigned(addr, m.start()) < 0) {
                hi = mid - 1;
            } else if (Long.compareUnsigned(addr, m.end()) >= 0) {
                lo = mid + 1;
            } else {
                return m;
            }
        }
        return null;
    }
}

package io.jstrace.xlat;

import io.jstrace.data.DataFiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The ioctl_requests table (thousands of lines, sorted by code), searched in place: a binary
 * search over the file's text instead of a parse into maps. Most programs make an ioctl or two
 * at start-up, and parsing the whole table in the interpreter added 17 ms to {@code ls}.
 */
public final class IoctlRequests {
    private IoctlRequests() {}

    private static final String TEXT = load();
    /** Where the first entry starts, after the comment lines. */
    private static final int FIRST = firstEntry();

    private static String load() {
        return DataFiles.text(IoctlRequests.class, "ioctl_requests.xlat", StandardCharsets.ISO_8859_1);
    }

    private static int firstEntry() {
        int pos = 0;
        while (pos < TEXT.length() && TEXT.charAt(pos) == '#') {
            pos = TEXT.indexOf('\n', pos) + 1;
        }
        return pos;
    }

    /** Every name of {@code code}, in table order (by name); empty if it has none. */
    public static List<String> names(long code) {
        // Lines before lo have smaller codes, lines from hi on do not; both are line starts.
        int lo = FIRST;
        int hi = TEXT.length();
        while (lo < hi) {
            int line = lineStart(lo + (hi - lo) / 2, lo);
            if (code(line) < code) {
                lo = nextLine(line);
            } else {
                hi = line;
            }
        }
        List<String> names = new ArrayList<>(1);
        for (int line = lo; line < TEXT.length() && code(line) == code; line = nextLine(line)) {
            names.add(TEXT.substring(line, TEXT.indexOf(' ', line)));
        }
        return names;
    }

    /** The code of {@code name}, searched line by line: for the few requests decoders name. */
    public static OptionalLong code(String name) {
        String key = '\n' + name + ' ';
        int at = TEXT.indexOf(key, FIRST - 1);
        return at < 0 ? OptionalLong.empty() : OptionalLong.of(code(at + 1));
    }

    /** The start of the line holding {@code pos}, not before {@code floor} (a line start). */
    private static int lineStart(int pos, int floor) {
        return Math.max(floor, TEXT.lastIndexOf('\n', pos - 1) + 1);
    }

    private static int nextLine(int line) {
        int nl = TEXT.indexOf('\n', line);
        return nl < 0 ? TEXT.length() : nl + 1;
    }

    /** The hex value after the name and its padding, e.g. {@code TCGETS   0x5401}. */
    private static long code(int line) {
        int i = TEXT.indexOf("0x", line) + 2;
        long v = 0;
        for (char c; i < TEXT.length() && (c = TEXT.charAt(i)) != '\n'; i++) {
            v = v << 4 | Character.digit(c, 16);
        }
        return v;
    }
}

package io.jstrace.output;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What -c/-C asked for. {@code only}: -c (the table alone) rather than -C (trace lines too);
 * {@code wallClock}: -w (latency rather than system CPU time); {@code overheadNanos}: -O, taken
 * off every call's time (never below zero).
 */
public record SummaryOptions(boolean only, boolean wallClock, SummaryOrder order, List<SummaryColumn> columns,
                             long overheadNanos) {
    private static final long NS = 1_000_000_000L;
    /** The prefix strtod(3) reads: optional blanks and sign, digits with an optional point, an exponent. */
    private static final Pattern STRTOD = Pattern.compile("^[ \\t\\n\\x0b\\f\\r]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern STRTOLL = Pattern.compile("^[ \\t\\n\\x0b\\f\\r]*[+-]?\\d+");

    /**
     * -O's OVERHEAD[UNIT] in nanoseconds, parsed as strace's parse_ts does: an integer or a decimal
     * number (exponent allowed), then s, ms, us or ns; microseconds without a unit.
     *
     * @throws IllegalArgumentException when strace would reject it
     */
    public static long parseOverhead(String s) {
        int floatLen = span(s, "eE.-+0123456789");
        int intLen = span(s, "+0123456789");
        boolean decimal = floatLen > intLen;
        Matcher m = (decimal ? STRTOD : STRTOLL).matcher(s);
        if (!m.find()) {
            throw new IllegalArgumentException();
        }
        String suffix = s.substring(m.end());
        long scale = switch (suffix) {
            case "" -> 1000;
            case "s" -> NS;
            case "ms" -> 1_000_000;
            case "us" -> 1000;
            case "ns" -> 1;
            default -> throw new IllegalArgumentException();
        };
        long perUnit = NS / scale;
        if (decimal) {
            double v = Double.parseDouble(m.group().strip());
            if (v < 0 || Double.isInfinite(v)) {
                throw new IllegalArgumentException();
            }
            long sec = (long) (v / perUnit);
            return sec * NS + (long) ((v - sec * perUnit) * scale) % NS;
        }
        long v;
        try {
            v = Long.parseLong(m.group().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(e);
        }
        if (v < 0) {
            throw new IllegalArgumentException();
        }
        return v / perUnit * NS + v % perUnit * scale;
    }

    private static int span(String s, String accept) {
        int i = 0;
        while (i < s.length() && accept.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}

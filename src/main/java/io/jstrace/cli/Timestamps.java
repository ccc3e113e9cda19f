package io.jstrace.cli;

import io.jstrace.output.TextOptions.Stamp;

import java.util.Locale;

/**
 * --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION] (also --timestamps=): FORMAT is
 * none, time or unix, PRECISION s, ms, us or ns, in any case. A bare token is read as a format
 * when it names one, else as a precision; the last of each kind wins, and what a token leaves
 * unsaid stays as an earlier option set it (format time, precision s at first), as in strace.
 */
final class Timestamps {
    private Timestamps() {}

    private static final String FORMAT = "format:", PRECISION = "precision:";

    /** The stamp after {@code o} (its value null for none: format:time); {@code previous} is null at first. */
    static Stamp parse(Getopt.Opt o, Stamp previous) throws UsageError {
        Stamp.Format format = previous == null ? Stamp.Format.TIME : previous.format();
        int digits = previous == null ? 0 : previous.digits();
        boolean formatSeen = false;
        for (String token : (o.value() == null ? FORMAT + "time" : o.value()).split(",")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.toLowerCase(Locale.ROOT);
            boolean formatOnly = t.startsWith(FORMAT), precisionOnly = t.startsWith(PRECISION);
            String name = formatOnly ? t.substring(FORMAT.length()) : precisionOnly ? t.substring(PRECISION.length()) : t;
            Stamp.Format f = precisionOnly ? null : format(name);
            int d = formatOnly || f != null ? -1 : digits(name);
            if (f != null) {
                format = f;
                formatSeen = true;
            } else if (d >= 0) {
                digits = d;
            } else {
                throw OptionState.invalid(o);
            }
        }
        // Without a format token, a format of none (from an earlier option) turns back to time.
        return new Stamp(formatSeen || format != Stamp.Format.NONE ? format : Stamp.Format.TIME, digits);
    }

    private static Stamp.Format format(String name) {
        return switch (name) {
            case "none" -> Stamp.Format.NONE;
            case "time" -> Stamp.Format.TIME;
            case "unix" -> Stamp.Format.UNIX;
            default -> null;
        };
    }

    private static int digits(String name) {
        return switch (name) {
            case "s" -> 0;
            case "ms" -> 3;
            case "us" -> 6;
            case "ns" -> 9;
            default -> -1;
        };
    }
}

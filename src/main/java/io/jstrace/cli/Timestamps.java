package io.jstrace.cli;

import io.jstrace.output.TextOptions.Stamp;

import java.util.Locale;

/**
 * --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION] (also --timestamps=): FORMAT is
 * none, time or unix (default time), PRECISION s, ms, us or ns (default s). A bare token is read
 * as a format when it names one, else as a precision; the last of each kind wins.
 */
final class Timestamps {
    private Timestamps() {}

    private static final String FORMAT = "format:", PRECISION = "precision:";

    static Stamp parse(String option, String value) throws UsageError {
        Stamp.Format format = Stamp.Format.TIME;
        int digits = 0;
        for (String token : (value == null ? "" : value).split(",")) {
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
            } else if (d >= 0) {
                digits = d;
            } else {
                throw new UsageError("invalid " + option + " argument: '" + value + "'", true);
            }
        }
        return format == Stamp.Format.NONE ? Stamp.NONE : new Stamp(format, digits);
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

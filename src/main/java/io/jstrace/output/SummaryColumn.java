package io.jstrace.output;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A column of the -c table: its header, its minimum width (strace's historical field sizes), and
 * the names -U and -S accept for it (strace's aliases).
 */
public enum SummaryColumn {
    TIME_PERCENT("% time", 6, "time", "time_percent", "time-percent"),
    TOTAL_TIME("seconds", 11, "time_total", "time-total", "total_time", "total-time"),
    MIN_TIME("shortest", 8, "min_time", "min-time", "shortest", "time_min", "time-min"),
    MAX_TIME("longest", 7, "longest", "max_time", "max-time", "time_max", "time-max"),
    AVG_TIME("usecs/call", 11, "avg_time", "avg-time", "time_avg", "time-avg"),
    CALLS("calls", 9, "calls", "count"),
    ERRORS("errors", 9, "error", "errors"),
    NAME("syscall", 16, "name", "syscall", "syscall_name", "syscall-name");

    /** strace's columns without -U. */
    public static final List<SummaryColumn> DEFAULT = List.of(TIME_PERCENT, TOTAL_TIME, AVG_TIME, CALLS, ERRORS, NAME);

    final String header;
    final int minWidth;
    private final List<String> aliases;

    SummaryColumn(String header, int minWidth, String... aliases) {
        this.header = header;
        this.minWidth = minWidth;
        this.aliases = List.of(aliases);
    }

    /** The column an exact -U/-S name stands for, or null. */
    static SummaryColumn byAlias(String name) {
        for (SummaryColumn c : values()) {
            if (c.aliases.contains(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * -U's comma-separated list, in order; the name column is appended when missing, as strace
     * does ("without it the table is meaningless").
     *
     * @throws IllegalArgumentException with strace's message for an unknown or repeated name
     */
    public static List<SummaryColumn> parseList(String spec) {
        List<SummaryColumn> columns = new ArrayList<>();
        EnumSet<SummaryColumn> seen = EnumSet.noneOf(SummaryColumn.class);
        int from = 0;
        while (true) {
            int comma = spec.indexOf(',', from);
            String name = spec.substring(from, comma < 0 ? spec.length() : comma);
            SummaryColumn c = byAlias(name);
            if (c == null) {
                throw new IllegalArgumentException("unknown column name: '" + name + "'");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException("call summary column has been provided more than once: '"
                        + name + "' (-U option residual: '" + spec.substring(from) + "')");
            }
            columns.add(c);
            if (comma < 0) {
                break;
            }
            from = comma + 1;
        }
        if (!seen.contains(NAME)) {
            columns.add(NAME);
        }
        return List.copyOf(columns);
    }
}

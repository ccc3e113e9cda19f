package io.jstrace.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * strace's -c table, column for column: the same widths, the same printf rounding (%.6f of the
 * seconds as a double, usecs truncated), blank error counts for zero, and the total row.
 */
public final class SummaryTable {
    private static final long NS = 1_000_000_000L;

    private final SyscallStats s;
    private final List<SummaryColumn> columns;
    private final SummaryOrder order;

    public SummaryTable(SyscallStats stats, List<SummaryColumn> columns, SummaryOrder order) {
        this.s = stats;
        this.columns = columns;
        this.order = order;
    }

    /** The whole table, or "" when no call was counted (strace then prints nothing). */
    public String render() {
        if (s.isEmpty()) {
            return "";
        }
        Totals t = new Totals();
        List<Integer> rows = new ArrayList<>();
        for (int nr = 0; nr < s.size(); nr++) {
            if (s.calls[nr] > 0) {
                rows.add(nr);
                t.add(nr);
            }
        }
        if (order.comparator(s) != null) {
            rows.sort(order.comparator(s));
        }
        int[] widths = widths(t);
        StringBuilder sb = new StringBuilder();
        int last = columns.size() - 1;
        for (int i = 0; i <= last; i++) {
            SummaryColumn c = columns.get(i);
            cell(sb, i, c == SummaryColumn.NAME ? left(c.header, widths[i], i == last) : right(c.header, widths[i]));
        }
        sb.append('\n');
        divider(sb, widths);
        for (int nr : rows) {
            double seconds = seconds(s.total[nr]);
            double percent = 100.0 * seconds;
            if (percent != 0.0) {
                percent /= seconds(t.total);
            }
            for (int i = 0; i <= last; i++) {
                cell(sb, i, switch (columns.get(i)) {
                    case TIME_PERCENT -> right(fixed(percent, 2), widths[i]);
                    case TOTAL_TIME -> right(fixed(seconds, 6), widths[i]);
                    case MIN_TIME -> right(fixed(seconds(s.min[nr]), 6), widths[i]);
                    case MAX_TIME -> right(fixed(seconds(s.max[nr]), 6), widths[i]);
                    case AVG_TIME -> right(Long.toString(micros(seconds(s.avg(nr)))), widths[i]);
                    case CALLS -> right(Long.toString(s.calls[nr]), widths[i]);
                    case ERRORS -> right(count(s.errors[nr]), widths[i]);
                    case NAME -> left(s.names[nr], widths[i], i == last);
                });
            }
            sb.append('\n');
        }
        divider(sb, widths);
        for (int i = 0; i <= last; i++) {
            cell(sb, i, switch (columns.get(i)) {
                case TIME_PERCENT -> right(fixed(100.0, 2), widths[i]);
                case TOTAL_TIME -> right(fixed(seconds(t.total), 6), widths[i]);
                case MIN_TIME -> right(fixed(seconds(t.min), 6), widths[i]);
                case MAX_TIME -> right(fixed(seconds(t.max), 6), widths[i]);
                case AVG_TIME -> right(Long.toString(micros(seconds(t.total) / t.calls)), widths[i]);
                case CALLS -> right(Long.toString(t.calls), widths[i]);
                case ERRORS -> right(count(t.errors), widths[i]);
                case NAME -> left("total", widths[i], i == last);
            });
        }
        return sb.append('\n').toString();
    }

    /** What the widths and the total row need, over the syscalls that were called. */
    private final class Totals {
        long total, calls, errors, maxAvg;
        long min = Long.MAX_VALUE, maxOfMins, max;
        int longestName;

        void add(int nr) {
            total += s.total[nr];
            calls += s.calls[nr];
            errors += s.errors[nr];
            min = Math.min(min, s.min[nr]);
            maxOfMins = Math.max(maxOfMins, s.min[nr]);
            max = Math.max(max, s.max[nr]);
            maxAvg = Math.max(maxAvg, s.avg(nr));
            longestName = Math.max(longestName, s.names[nr].length());
        }
    }

    private int[] widths(Totals t) {
        int[] w = new int[columns.size()];
        for (int i = 0; i < w.length; i++) {
            SummaryColumn c = columns.get(i);
            w[i] = Math.max(c.minWidth, switch (c) {
                case TIME_PERCENT -> "100.00".length();
                case TOTAL_TIME -> fixed(seconds(t.total), 6).length();
                case MIN_TIME -> (t.maxOfMins / NS + ".000000").length();
                case MAX_TIME -> (t.max / NS + ".000000").length();
                case AVG_TIME -> Long.toString(micros(seconds(t.maxAvg))).length();
                case CALLS -> Long.toString(t.calls).length();
                case ERRORS -> Long.toString(t.errors).length();
                case NAME -> t.longestName + 1;
            });
        }
        return w;
    }

    private static void cell(StringBuilder sb, int i, String text) {
        if (i > 0) {
            sb.append(' ');
        }
        sb.append(text);
    }

    private void divider(StringBuilder sb, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            cell(sb, i, "-".repeat(widths[i]));
        }
        sb.append('\n');
    }

    private static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** The last column is not padded (strace prints it with %s). */
    private static String left(String text, int width, boolean last) {
        return last ? text : text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** strace's ts_float: seconds plus nanoseconds as a double. */
    static double seconds(long nanos) {
        return nanos / NS + (nanos % NS) / 1e9;
    }

    /** usecs as strace computes them: (uint64_t) (seconds * 1e6), truncated. */
    private static long micros(double seconds) {
        return (long) (seconds * 1e6);
    }

    /** printf's %.Nf: the double's exact binary value rounded half-even, as glibc does. */
    static String fixed(double v, int decimals) {
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** printf's %.0llu: zero prints as nothing. */
    private static String count(long n) {
        return n == 0 ? "" : Long.toString(n);
    }
}

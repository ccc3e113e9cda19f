package io.jstrace.cli;

import io.jstrace.output.SummaryColumn;
import io.jstrace.output.SummaryOptions;
import io.jstrace.output.SummaryOrder;

import java.util.List;

/** -c, -C, -w, -S, -U and -O, and the checks strace makes of them together. */
final class SummaryArgs {
    boolean only;
    boolean both;
    boolean wallClock;
    SummaryOrder order = SummaryOrder.TIME;
    boolean orderSet;
    List<SummaryColumn> columns = SummaryColumn.DEFAULT;
    boolean columnsSet;
    long overhead;

    void apply(Getopt.Opt o) throws UsageError {
        try {
            switch (o.key()) {
                case "c" -> only = exclusive(both);
                case "C" -> both = exclusive(only);
                case "w" -> wallClock = true;
                case "S" -> {
                    order = SummaryOrder.parse(o.value());
                    orderSet = true;
                }
                case "U" -> {
                    columns = SummaryColumn.parseList(o.value());
                    columnsSet = true;
                }
                default -> overhead = overhead(o);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage(), true);
        }
    }

    boolean on() {
        return only || both;
    }

    private static boolean exclusive(boolean other) throws UsageError {
        if (other) {
            throw new UsageError("-c/--summary-only and -C/--summary are mutually exclusive", true);
        }
        return true;
    }

    private static long overhead(Getopt.Opt o) throws UsageError {
        try {
            return SummaryOptions.parseOverhead(o.value());
        } catch (IllegalArgumentException e) {
            throw OptionState.invalid(o);
        }
    }

    /** -w and -U without a summary are errors, -S a warning, checked here after -ff's. */
    void check(List<String> warnings) throws UsageError {
        if (wallClock && !on()) {
            throw new UsageError("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)", true);
        }
        if (columnsSet && !on()) {
            throw new UsageError("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)", true);
        }
        if (orderSet && !on()) {
            warnings.add("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
        }
    }

    /** The summary asked for, or null. */
    SummaryOptions build() {
        return on() ? new SummaryOptions(only, wallClock, order, columns, overhead) : null;
    }
}

package io.jstrace.output;

import java.util.Comparator;

/** How -S orders the rows of the -c table: largest first, by name, or by syscall number (nothing). */
public enum SummaryOrder {
    TIME, MIN_TIME, MAX_TIME, AVG_TIME, CALLS, ERRORS, NAME, NOTHING;

    /**
     * The order an -S name selects: any -U column name, or none/nothing.
     *
     * @throws IllegalArgumentException with strace's message for any other name
     */
    public static SummaryOrder parse(String name) {
        if (name.equals("none") || name.equals("nothing")) {
            return NOTHING;
        }
        SummaryColumn c = SummaryColumn.byAlias(name);
        if (c == null) {
            throw new IllegalArgumentException("invalid sortby: '" + name + "'");
        }
        return switch (c) {
            case TIME_PERCENT, TOTAL_TIME -> TIME;
            case MIN_TIME -> MIN_TIME;
            case MAX_TIME -> MAX_TIME;
            case AVG_TIME -> AVG_TIME;
            case CALLS -> CALLS;
            case ERRORS -> ERRORS;
            case NAME -> NAME;
        };
    }

    /** Compares syscall numbers; null for NOTHING. Ties keep number order (the sort is stable, like glibc's qsort). */
    Comparator<Integer> comparator(SyscallStats s) {
        return switch (this) {
            case TIME -> Comparator.comparingLong((Integer nr) -> s.total[nr]).reversed();
            case MIN_TIME -> Comparator.comparingLong((Integer nr) -> s.min[nr]).reversed();
            case MAX_TIME -> Comparator.comparingLong((Integer nr) -> s.max[nr]).reversed();
            case AVG_TIME -> Comparator.comparingLong((Integer nr) -> s.avg(nr)).reversed();
            case CALLS -> Comparator.comparingLong((Integer nr) -> s.calls[nr]).reversed();
            case ERRORS -> Comparator.comparingLong((Integer nr) -> s.errors[nr]).reversed();
            case NAME -> Comparator.comparing((Integer nr) -> s.names[nr]);
            case NOTHING -> null;
        };
    }
}

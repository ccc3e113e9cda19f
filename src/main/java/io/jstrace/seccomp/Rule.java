package io.jstrace.seccomp;

import java.util.Comparator;
import java.util.List;

/**
 * One rule for a system call: {@code action} when every condition holds (none: always). The
 * conditions test distinct arguments, in increasing argument order, as libseccomp keeps them.
 */
public record Rule(Action action, List<Condition> conditions) {
    public Rule {
        conditions = conditions.stream().filter(c -> !c.always()).sorted(Comparator.comparingInt(Condition::arg)).toList();
        for (int i = 1; i < conditions.size(); i++) {
            if (conditions.get(i).arg() == conditions.get(i - 1).arg()) {
                throw new IllegalArgumentException("two conditions on argument " + conditions.get(i).arg());
            }
        }
    }

    public static Rule always(Action action) {
        return new Rule(action, List.of());
    }

    public boolean unconditional() {
        return conditions.isEmpty();
    }

    public boolean matches(long[] args) {
        return conditions.stream().allMatch(c -> c.matches(args));
    }

    /**
     * The order in which libseccomp's filter tries the rules of one call: it merges them into a
     * tree whose levels it sorts by argument (higher first), operator priority and value, each
     * 64-bit test split into its high word, then its low word (db.c's _db_chain_lt, larger
     * first). The first rule that matches decides. A rule whose conditions begin with all of
     * another's comes after it, so the shorter one wins, as libseccomp keeps it.
     */
    static final Comparator<Rule> LIBSECCOMP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.conditions.size(), b.conditions.size()); i++) {
            int c = compare(a.conditions.get(i), b.conditions.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.conditions.size(), b.conditions.size());
    };

    /** Negative when {@code a} is tried first. */
    private static int compare(Condition a, Condition b) {
        if (a.arg() != b.arg()) {
            return Integer.compare(b.arg(), a.arg());
        }
        if (a.op().priority() != b.op().priority()) {
            return Integer.compare(b.op().priority(), a.op().priority());
        }
        long da = datum(a), db = datum(b);
        int hi = Integer.compareUnsigned((int) (db >>> 32), (int) (da >>> 32));
        int lo = Integer.compareUnsigned((int) db, (int) da);
        int c = hi != 0 ? hi : lo;
        // less-than tests are tried from the smallest value up, the others from the largest down
        return a.op().priority() == Condition.Op.LT.priority() ? -c : c;
    }

    private static long datum(Condition c) {
        return c.op() == Condition.Op.MASKED_EQ ? c.valueTwo() & c.value() : c.value();
    }
}

package io.jstrace.seccomp;

/**
 * One argument condition of a rule, as libseccomp evaluates it on the 64-bit argument
 * {@code args[arg]}: {@code op} compares it, unsigned, with {@code value}; for MASKED_EQ
 * {@code value} is the mask and {@code valueTwo} the datum, and libseccomp masks the datum
 * too, so the test is {@code (a & value) == (valueTwo & value)}.
 */
public record Condition(int arg, Op op, long value, long valueTwo) {
    /** The most arguments a system call has. */
    public static final int ARGS = 6;

    /** The comparisons, by their libseccomp names (SCMP_CMP_*). */
    public enum Op {
        NE, LT, LE, EQ, GE, GT, MASKED_EQ;

        public String scmpName() {
            return "SCMP_CMP_" + name();
        }

        static Op byScmpName(String name) {
            for (Op o : values()) {
                if (o.scmpName().equals(name)) {
                    return o;
                }
            }
            return null;
        }

        /**
         * libseccomp's order of rules that test the same argument: equality tests first, then
         * less-than, then greater-than (db.c's op priority, larger first).
         */
        int priority() {
            return switch (this) {
                case EQ, NE, MASKED_EQ -> 3;
                case LT, LE -> 2;
                case GT, GE -> 1;
            };
        }
    }

    public Condition {
        if (arg < 0 || arg >= ARGS) {
            throw new IllegalArgumentException("argument index " + arg);
        }
    }

    public boolean matches(long[] args) {
        long a = args[arg];
        return switch (op) {
            case EQ -> a == value;
            case NE -> a != value;
            case LT -> Long.compareUnsigned(a, value) < 0;
            case LE -> Long.compareUnsigned(a, value) <= 0;
            case GT -> Long.compareUnsigned(a, value) > 0;
            case GE -> Long.compareUnsigned(a, value) >= 0;
            case MASKED_EQ -> (a & value) == (valueTwo & value);
        };
    }

    /** Whether this condition holds whatever the argument: a MASKED_EQ with an empty mask, which libseccomp drops. */
    boolean always() {
        return op == Op.MASKED_EQ && value == 0;
    }
}

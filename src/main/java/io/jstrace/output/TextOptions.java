package io.jstrace.output;

import io.jstrace.model.CallStatus;

/**
 * How the strace text lines look: prefixes, the return-value column, time stamps, -i, and which
 * of strace's informational lines are left out (-q, -e quiet=). {@code relativeDigits} and
 * {@code durationDigits}: the digits of -r's and -T's fraction of a second (0, 3, 6 or 9), -1
 * without them. {@code deathSignals} are the
 * signals whose {@code +++ killed by SIG +++} is printed: strace prints it only for those
 * -e signal= selects.
 */
public record TextOptions(Prefix prefix, int column, Stamp stamp, int relativeDigits, int durationDigits,
                          boolean numbers, boolean quietAttach, boolean quietExit, java.util.Set<CallStatus> statuses,
                          boolean quietSuperseded, boolean instructionPointer,
                          java.util.function.IntPredicate deathSignals) {
    /** -e status=: which outcomes of a syscall are printed; all of them when null. */
    /**
     * {@code BRACKETED}: {@code [pid N] } while more than one thread is traced (output to a terminal
     * or pipe); {@code PLAIN}: {@code N } on every line (-o with -f); {@code PLAIN_IF_MANY}: {@code N }
     * on every line once more than one was traced (-o without -f: -p with a command, several -p); {@code NONE}: per-process files (-ff).
     */
    public enum Prefix { BRACKETED, PLAIN, PLAIN_IF_MANY, NONE }

    /**
     * Absolute time stamps (-t, -tt, -ttt, --absolute-timestamps=FORMAT,PRECISION): wall-clock
     * time of day or UNIX seconds, with {@code digits} (0, 3, 6 or 9) of the fraction.
     */
    public record Stamp(Format format, int digits) {
        public enum Format { NONE, TIME, UNIX }

        public static final Stamp NONE = new Stamp(Format.NONE, 0);
        /** -t. */
        public static final Stamp SECONDS = new Stamp(Format.TIME, 0);
        /** -tt. */
        public static final Stamp MICROS = new Stamp(Format.TIME, 6);
        /** -ttt. */
        public static final Stamp EPOCH = new Stamp(Format.UNIX, 6);
    }
}

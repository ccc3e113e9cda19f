package io.jstrace.output;

/** How the strace text lines look: prefixes, the return-value column, time stamps. */
public record TextOptions(Prefix prefix, int column, Stamp stamp, boolean relative, boolean durations,
                          boolean numbers, boolean quietAttach, boolean quietExit, java.util.Set<Status> statuses) {
    /** -e status=: which outcomes of a syscall are printed; all of them when null. */
    public enum Status { SUCCESSFUL, FAILED, UNFINISHED, UNAVAILABLE, DETACHED }

    /**
     * {@code BRACKETED}: {@code [pid N] } while more than one thread is traced (output to a terminal
     * or pipe); {@code PLAIN}: {@code N } on every line (-o with -f); {@code PLAIN_IF_MANY}: {@code N }
     * while more than one is traced (-o without -f); {@code NONE}: per-process files (-ff).
     */
    public enum Prefix { BRACKETED, PLAIN, PLAIN_IF_MANY, NONE }

    /** -t, -tt, -ttt. */
    public enum Stamp { NONE, SECONDS, MICROS, EPOCH }
}

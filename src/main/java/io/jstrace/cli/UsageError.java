package io.jstrace.cli;

import java.util.List;

/**
 * Bad command-line input: printed as one {@code jstrace: ...} line (after the warnings strace
 * would have printed before failing), exit status 1.
 */
public final class UsageError extends Exception {
    private final boolean suggestHelp;
    private final List<String> warnings;

    public UsageError(String message) {
        this(message, false);
    }

    public UsageError(String message, boolean suggestHelp) {
        this(message, suggestHelp, List.of());
    }

    private UsageError(String message, boolean suggestHelp, List<String> warnings) {
        super(message, null, false, false);
        this.suggestHelp = suggestHelp;
        this.warnings = warnings;
    }

    public boolean suggestHelp() {
        return suggestHelp;
    }

    /** The warnings printed before this error. */
    public List<String> warnings() {
        return warnings;
    }

    /** This error, after {@code earlier} warnings. */
    UsageError after(List<String> earlier) {
        return new UsageError(getMessage(), suggestHelp, List.copyOf(earlier));
    }
}

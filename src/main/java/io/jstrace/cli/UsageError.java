package io.jstrace.cli;

/** Bad command-line input: printed as one {@code jstrace: ...} line, exit status 1. */
public final class UsageError extends Exception {
    private final boolean suggestHelp;

    public UsageError(String message) {
        this(message, false);
    }

    public UsageError(String message, boolean suggestHelp) {
        super(message, null, false, false);
        this.suggestHelp = suggestHelp;
    }

    public boolean suggestHelp() {
        return suggestHelp;
    }
}

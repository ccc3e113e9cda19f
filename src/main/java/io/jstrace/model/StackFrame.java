package io.jstrace.model;

/** One line of a stack trace (-k), innermost frame first. */
public sealed interface StackFrame {
    /**
     * Code at {@code fileOffset} in {@code module} (the path /proc/PID/maps names), inside
     * {@code symbol} at {@code symbolOffset}; {@code symbol} is null when no symbol was found.
     */
    record Code(String module, String symbol, long symbolOffset, long fileOffset) implements StackFrame {}

    /** The walk ended in trouble: strace's message, and the address it stopped at (0 if none). */
    record Error(String message, long address) implements StackFrame {}
}

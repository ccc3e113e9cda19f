package io.jstrace.unwind;

/** Why a walk stops early: unreadable memory, malformed or unsupported unwind data. */
final class UnwindException extends Exception {
    UnwindException(String message) {
        super(message, null, false, false);
    }
}

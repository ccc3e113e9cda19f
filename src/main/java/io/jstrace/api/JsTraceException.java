package io.jstrace.api;

import io.jstrace.linux.Errno;
import io.jstrace.trace.Errnos;

/**
 * Tracing could not start or go on: the command could not be started, no process could be
 * attached, or a system call the tracer needs failed. The message is strace's wording
 * ({@code exec: No such file or directory}).
 */
public final class JsTraceException extends RuntimeException {
    private final int errno;

    JsTraceException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    static JsTraceException of(Errno e) {
        String call = e.getMessage().replaceFirst(": errno \\d+$", "");
        return new JsTraceException(call + ": " + Errnos.message(e.errno()), e.errno(), e);
    }

    /** The errno of the system call that failed, 0 if none did. */
    public int errno() {
        return errno;
    }
}

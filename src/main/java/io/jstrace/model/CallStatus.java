package io.jstrace.model;

/** How a system call ended, as strace's {@code -e status=} names it. */
public enum CallStatus {
    /** It returned a value. */
    SUCCESSFUL,
    /** It failed with an errno. */
    FAILED,
    /** It did not return: exit, execve in another thread, death, or tracing ended inside it. */
    UNFINISHED,
    /** strace's status for calls whose return value it could not read; never reported by jstrace. */
    UNAVAILABLE,
    /** The tracer detached inside it. */
    DETACHED;

    /** The status a call's outcome has. */
    public static CallStatus of(Event.Result r) {
        return switch (r) {
            case Event.Result.None n -> UNFINISHED;
            case Event.Result.Success ok -> SUCCESSFUL;
            case Event.Result.Failure f -> FAILED;
        };
    }
}

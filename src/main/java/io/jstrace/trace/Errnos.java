package io.jstrace.trace;

import io.jstrace.model.Event;
import io.jstrace.xlat.Xlat;

/** errno names and messages as strace prints them. */
public final class Errnos {
    private Errnos() {}

    public static Event.Result.Failure failure(long errno) {
        return failure(errno, -1);
    }

    /** A failure strace prints with {@code value} before the errno's name instead of -1. */
    public static Event.Result.Failure failure(long errno, long value) {
        Xlat x = Xlat.of("errno");
        String name = x.name(errno);
        return new Event.Result.Failure(errno, name != null ? name : String.valueOf(errno), x.description(errno), value);
    }

    /** strerror(3)'s text, for jstrace's own messages. */
    public static String message(int errno) {
        String d = Xlat.of("errno").description(errno);
        return d != null ? d : "Unknown error " + errno;
    }
}

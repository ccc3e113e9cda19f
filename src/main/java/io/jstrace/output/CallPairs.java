package io.jstrace.output;

import io.jstrace.model.Event;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * For outputs that write a system call as one record: pairs each thread's syscall entry with
 * what ends it, its exit, a detach inside the call, or the end of tracing.
 */
final class CallPairs {
    /** Receives a whole call; {@code exit} is null when the call was cut by a detach or the end. */
    interface Writer {
        void call(Event.SyscallEntry entry, Event.SyscallExit exit, TextOptions.Status status, long endNanos)
                throws IOException;
    }

    private final Map<Integer, Event.SyscallEntry> open = new HashMap<>();
    private final Writer writer;

    CallPairs(Writer writer) {
        this.writer = writer;
    }

    void entry(Event.SyscallEntry e) {
        open.put(e.tid(), e);
    }

    /** The entry is null only if the tracer reported an exit without its entry. */
    void exit(Event.SyscallExit x) throws IOException {
        writer.call(open.remove(x.tid()), x, StraceText.status(x.result()), x.timeNanos());
    }

    void detached(Event.Detached d) throws IOException {
        Event.SyscallEntry e = open.remove(d.tid());
        if (e != null) {
            writer.call(e, null, TextOptions.Status.DETACHED, d.timeNanos());
        }
    }

    private boolean ended;

    /**
     * Tracing ended: writes the calls still in progress as unfinished. Returns false when it had
     * already ended, as sinks are closed both on the normal path and in a finally.
     */
    boolean end(long nanos) throws IOException {
        if (ended) {
            return false;
        }
        ended = true;
        for (Event.SyscallEntry e : open.values()) {
            writer.call(e, null, TextOptions.Status.UNFINISHED, nanos);
        }
        open.clear();
        return true;
    }
}

package io.jstrace.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jstrace.model.Event;
import io.jstrace.model.Value;

import java.io.IOException;
import java.util.List;

/**
 * One system call, entry and exit together, as JSON fields: the same in a JSON line and in a
 * timeline event's {@code args}. A call's arguments are those known at entry followed by those
 * read at exit, in the order strace prints them.
 */
final class JsonSyscall {
    private JsonSyscall() {}

    /**
     * Writes {@code nr}, {@code args}, {@code status} and the outcome: {@code ret} (and
     * {@code ret_details}) on success; {@code ret} -1 with {@code errno}, {@code errno_nr} and
     * {@code error} on failure; nothing more when the call did not return. {@code exit} is null
     * when the thread was detached (or tracing ended) inside the call; {@code status} says which.
     */
    static void fields(JsonGenerator g, Event.SyscallEntry entry, Event.SyscallExit exit, TextOptions.Status status)
            throws IOException {
        g.writeNumberField("nr", entry != null ? entry.number() : exit.number());
        g.writeArrayFieldStart("args");
        if (entry != null) {
            List<Value> shown = entry.entryArgs();
            // A continued argument is written once, with its value at exit.
            boolean continued = entry.rest() == Event.Rest.CONTINUED && exit != null && !shown.isEmpty();
            JsonValues.writeAll(g, continued ? shown.subList(0, shown.size() - 1) : shown);
        }
        if (exit != null) {
            JsonValues.writeAll(g, exit.exitArgs());
        }
        g.writeEndArray();
        g.writeStringField("status", status.name().toLowerCase(java.util.Locale.ROOT));
        if (exit == null) {
            return;
        }
        switch (exit.result()) {
            case Event.Result.None n -> { }
            case Event.Result.Success ok -> {
                g.writeFieldName("ret");
                JsonValues.write(g, ok.value());
                if (!ok.details().isEmpty()) {
                    g.writeArrayFieldStart("ret_details");
                    JsonValues.writeAll(g, ok.details());
                    g.writeEndArray();
                }
            }
            case Event.Result.Failure f -> {
                g.writeNumberField("ret", -1);
                g.writeStringField("errno", f.name());
                g.writeNumberField("errno_nr", f.errno());
                if (f.description() != null) {
                    g.writeStringField("error", f.description());
                }
            }
        }
    }
}

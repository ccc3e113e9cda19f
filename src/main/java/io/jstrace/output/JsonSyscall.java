package io.jstrace.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jstrace.model.Event;
import io.jstrace.model.SystemCall;
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
    static void fields(JsonGenerator g, SystemCall call) throws IOException {
        Event.SyscallExit exit = call.exit();
        g.writeNumberField("nr", call.number());
        g.writeArrayFieldStart("args");
        JsonValues.writeAll(g, call.args());
        g.writeEndArray();
        g.writeStringField("status", call.status().name().toLowerCase(java.util.Locale.ROOT));
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

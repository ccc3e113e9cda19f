package io.jstrace.seccomp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jstrace.model.Event;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * --seccomp-profile: the calls a run made, by every traced thread, written when tracing ends as
 * a Docker/OCI seccomp profile that allows exactly them and fails everything else with EPERM:
 * <pre>
 * {"defaultAction": "SCMP_ACT_ERRNO", "architectures": ["SCMP_ARCH_X86_64"],
 *  "syscalls": [{"names": [sorted names], "action": "SCMP_ACT_ALLOW"}]}
 * </pre>
 * Only x86_64 calls are named; a number the syscall table does not know cannot be (a warning says so).
 */
public final class ProfileRecorder implements Sink {
    private final OutputStream out;
    private final SyscallTable table;
    private final Consumer<String> warn;
    private final TreeSet<String> names = new TreeSet<>();
    private final TreeSet<Integer> unnamed = new TreeSet<>();
    private boolean closed;

    /** Writes to {@code out} (opened before the command starts, so a bad path fails first). */
    public ProfileRecorder(OutputStream out, SyscallTable table, Consumer<String> warn) {
        this.out = out;
        this.table = table;
        this.warn = warn;
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.SyscallEntry e) {
            var sc = table.byNumber(e.number());
            if (sc != null) {
                names.add(sc.name());
            } else {
                unnamed.add(e.number());
            }
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int nr : unnamed) {
            warn.accept("seccomp profile: syscall " + nr + " has no name here and is left out");
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("defaultAction", Action.Kind.ERRNO.scmpName());
            g.writeArrayFieldStart("architectures");
            g.writeString("SCMP_ARCH_X86_64");
            g.writeEndArray();
            g.writeArrayFieldStart("syscalls");
            g.writeStartObject();
            g.writeArrayFieldStart("names");
            for (String n : names) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeStringField("action", Action.Kind.ALLOW.scmpName());
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

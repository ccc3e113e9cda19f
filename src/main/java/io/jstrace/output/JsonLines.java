package io.jstrace.output;

import io.jstrace.model.CallStatus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.jstrace.decode.Siginfo;
import io.jstrace.model.CallPairing;
import io.jstrace.model.Event;
import io.jstrace.model.SystemCall;
import io.jstrace.model.StackFrame;
import io.jstrace.trace.Sink;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --json}: one JSON object per line and per event (docs/jstrace-jsonl.schema.json).
 * A system call is one object written when it exits, holding the arguments known at entry
 * and those read at exit: where strace splits a call into {@code <unfinished ...>} and
 * {@code <... resumed>} lines because other threads ran in between, this writes one object,
 * so objects come in exit order (per thread that is also entry order).
 */
public final class JsonLines implements Sink {
    private final Outputs outputs;
    private final Set<CallStatus> statuses;
    private final Threads threads = new Threads();
    private final CallPairing<IOException> calls = new CallPairing<>(this::syscall);
    private final StringWriter buffer = new StringWriter(512);
    private final JsonGenerator g;

    /** {@code statuses}: which syscall outcomes to write (-e status=), all when null. */
    public JsonLines(Outputs outputs, Set<CallStatus> statuses) {
        this.outputs = outputs;
        this.statuses = statuses;
        // Non-ASCII escaped, as Outputs writes one byte per char; no separator: each line ends itself.
        JsonFactory f = new JsonFactoryBuilder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).rootValueSeparator((String) null)
                .build();
        try {
            g = f.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(Event e) {
        threads.learn(e);
        try {
            switch (e) {
                case Event.SyscallEntry s -> calls.accept(s);
                case Event.SyscallExit x -> calls.accept(x);
                case Event.Signal s -> {
                    head("signal", e);
                    signal(s.signal());
                    if (s.siginfo() != null) {
                        g.writeFieldName("siginfo");
                        JsonValues.write(g, s.siginfo());
                    }
                    end(e.tid());
                }
                case Event.Stopped s -> {
                    head("stop", e);
                    signal(s.signal());
                    end(e.tid());
                }
                case Event.Exited x -> {
                    head("exit", e);
                    g.writeNumberField("code", x.code());
                    end(e.tid());
                }
                case Event.Killed k -> {
                    head("kill", e);
                    signal(k.signal());
                    g.writeBooleanField("core", k.core());
                    end(e.tid());
                }
                case Event.Attached a -> {
                    head("attach", e);
                    g.writeStringField("how", a.how().name().toLowerCase(Locale.ROOT));
                    end(e.tid());
                }
                case Event.Detached d -> {
                    calls.accept(d);
                    head("detach", e);
                    end(e.tid());
                }
                case Event.IoDump d -> {
                    head("io_dump", e);
                    dumpParts(d.parts());
                    end(e.tid());
                }
                case Event.Renamed r -> { } // -Y: for the text prefixes; names come from /proc (Threads)
                case Event.Superseded s -> {
                    head("superseded", e);
                    g.writeNumberField("former_tid", s.formerTid());
                    end(e.tid());
                }
                case Event.Backtrace b -> stack(b);
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** One object for a whole call; a call that never reported its exit has no exit time (its end is not written). */
    private void syscall(SystemCall call) throws IOException {
        if (statuses != null && !statuses.contains(call.status())) {
            return;
        }
        Event.SyscallExit exit = call.exit();
        g.writeStartObject();
        g.writeStringField("type", "syscall");
        ids(call.pid(), call.tid());
        g.writeNumberField("time_ns", call.timeNanos());
        g.writeStringField("name", call.name());
        JsonSyscall.fields(g, call);
        if (exit != null) {
            g.writeNumberField("exit_time_ns", exit.timeNanos());
            g.writeNumberField("duration_ns", exit.durationNanos());
            if (exit.systemNanos() >= 0) {
                g.writeNumberField("system_ns", exit.systemNanos());
            }
            if (exit.tampered().injected()) {
                g.writeBooleanField("injected", true);
            }
            if (exit.tampered().delayed()) {
                g.writeBooleanField("delayed", true);
            }
        }
        end(call.tid());
    }

    /** -e read=/write= data in strace's order: iovec and mmsg headings, each buffer's bytes in hex. */
    private void dumpParts(List<Event.DumpPart> parts) throws IOException {
        g.writeArrayFieldStart("parts");
        for (Event.DumpPart p : parts) {
            g.writeStartObject();
            switch (p) {
                case Event.DumpPart.Data d -> g.writeStringField("data_hex", HexFormat.of().formatHex(d.bytes()));
                case Event.DumpPart.Buffer b -> {
                    g.writeNumberField("buffer", b.index());
                    g.writeNumberField("length", b.length());
                }
                case Event.DumpPart.Vector v -> {
                    g.writeNumberField("vector", v.index());
                    g.writeNumberField("buffers", v.buffers());
                }
                case Event.DumpPart.Unreadable u -> {
                    g.writeNumberField("unreadable", u.bytes());
                    g.writeNumberField("address", u.addr());
                    g.writeNumberField("length", u.length());
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void head(String type, Event e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", type);
        ids(e.pid(), e.tid());
        g.writeNumberField("time_ns", e.timeNanos());
    }

    /** -k: the thread's stack after its event, innermost frame first. */
    private void stack(Event.Backtrace b) throws IOException {
        head("stack", b);
        g.writeBooleanField("at_entry", b.atEntry());
        g.writeArrayFieldStart("frames");
        for (StackFrame f : b.frames()) {
            g.writeStartObject();
            switch (f) {
                case StackFrame.Code c -> {
                    g.writeStringField("module", c.module());
                    if (c.symbol() != null && !c.symbol().isEmpty()) {
                        g.writeStringField("symbol", c.symbol());
                        g.writeNumberField("symbol_offset", c.symbolOffset());
                    }
                    g.writeNumberField("file_offset", c.fileOffset());
                }
                case StackFrame.Error x -> {
                    g.writeStringField("error", x.message());
                    if (x.address() != 0) {
                        g.writeNumberField("address", x.address());
                    }
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        end(b.tid());
    }

    private void ids(int pid, int tid) throws IOException {
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
    }

    private void signal(int sig) throws IOException {
        g.writeStringField("signal", Siginfo.signalName(sig));
        g.writeNumberField("signo", sig);
    }

    /** Ends the object and writes it as one line to the thread's stream. */
    private void end(int tid) throws IOException {
        g.writeEndObject();
        g.flush();
        StringBuffer line = buffer.getBuffer().append('\n');
        outputs.of(tid).write(line.toString()); // one copy, not a synchronized charAt per character
        line.setLength(0);
    }

    /** Writes the calls still open (tracing stopped inside them) as unfinished, then flushes everything. */
    @Override
    public void close() {
        try {
            calls.end(-1); // unused: a call without its exit has no end time in a JSON line
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            outputs.close();
        }
    }
}

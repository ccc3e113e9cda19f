package io.jstrace.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jstrace.decode.Siginfo;
import io.jstrace.model.CallPairing;
import io.jstrace.model.Event;
import io.jstrace.model.SystemCall;
import io.jstrace.trace.Sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --timeline FILE}: the trace in Chrome's Trace Event Format, as Perfetto and
 * chrome://tracing load it. Each thread is a track named after its comm (the process name,
 * from /proc), each system call a complete event ({@code "ph":"X"}) with its decoded arguments
 * and outcome in {@code args} (the same fields as a --json line), and signals, stops, exits
 * and kills instant events ({@code "ph":"i"}, thread scope). Times are microseconds since the
 * first event shown, written with three decimals so no nanosecond is lost; a call lasts from its
 * entry stop to its exit stop, so the calls of one thread never overlap.
 */
public final class Timeline implements Sink {
    private final JsonGenerator g;
    private final Threads threads = new Threads();
    private final CallPairing<IOException> calls = new CallPairing<>(this::complete);
    /** Thread names by (pid, tid) and process names by pid, written as metadata events at the end. */
    private final Map<Long, String> threadNames = new LinkedHashMap<>();
    private final Map<Integer, String> processNames = new LinkedHashMap<>();
    private long origin = -1;
    private long last;

    public Timeline(OutputStream out) {
        try {
            g = new JsonFactory().createGenerator(new BufferedOutputStream(out, 1 << 16));
            g.writeStartObject();
            g.writeArrayFieldStart("traceEvents");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(Event e) {
        if (threads.learn(e)) {
            name(e.tid());
        }
        if (origin < 0 && !(e instanceof Event.Attached)) {
            origin = e.timeNanos(); // not the attach: the command's launch is not shown
        }
        last = Math.max(last, e.timeNanos());
        try {
            switch (e) {
                case Event.SyscallEntry s -> calls.accept(s);
                case Event.SyscallExit x -> calls.accept(x);
                case Event.Signal s -> {
                    instant(e, Siginfo.signalName(s.signal()), "signal");
                    if (s.siginfo() != null) {
                        g.writeFieldName("siginfo");
                        JsonValues.write(g, s.siginfo());
                    }
                    endInstant(s.signal());
                }
                case Event.Stopped s -> {
                    instant(e, "stopped", "signal");
                    endInstant(s.signal());
                }
                case Event.Exited x -> {
                    instant(e, "exit", "process");
                    g.writeNumberField("code", x.code());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                case Event.Killed k -> {
                    instant(e, "killed", "process");
                    g.writeBooleanField("core", k.core());
                    endInstant(k.signal());
                }
                case Event.Superseded s -> {
                    instant(e, "superseded", "process");
                    g.writeNumberField("former_tid", s.formerTid());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                case Event.Renamed r -> { } // track names come from /proc (Threads)
                case Event.Attached a -> { } // no event: the track starts here; its name was learned above
                case Event.Backtrace b -> { } // -k stacks: in the text and JSON lines, not on the timeline
                case Event.Detached d -> calls.accept(d);
                case Event.IoDump d -> { } // the data belongs to the call's slice, not the timeline
            }
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** Remembers the thread's name as last learned (and its process's, from the leader) for the metadata. */
    private void name(int tid) {
        int pid = threads.pid(tid);
        String n = threads.name(tid);
        threadNames.put((long) pid << 32 | tid, n);
        if (pid == tid || !processNames.containsKey(pid)) {
            processNames.put(pid, n);
        }
    }

    private void complete(SystemCall call) throws IOException {
        long start = call.timeNanos();
        g.writeStartObject();
        g.writeStringField("name", call.name());
        g.writeStringField("cat", "syscall");
        g.writeStringField("ph", "X");
        ids(call.pid(), call.tid());
        g.writeFieldName("ts");
        micros(start - origin);
        g.writeFieldName("dur");
        micros(call.endNanos() - start);
        g.writeObjectFieldStart("args");
        JsonSyscall.fields(g, call);
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Starts an instant event on the thread's track and opens its {@code args}. */
    private void instant(Event e, String name, String cat) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeStringField("ph", "i");
        g.writeStringField("s", "t");
        ids(e.pid(), e.tid());
        g.writeFieldName("ts");
        micros(e.timeNanos() - origin);
        g.writeObjectFieldStart("args");
    }

    private void endInstant(int sig) throws IOException {
        g.writeStringField("signal", Siginfo.signalName(sig));
        g.writeNumberField("signo", sig);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void ids(int pid, int tid) throws IOException {
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
    }

    /** {@code nanos} as microseconds, exactly: {@code 1234.567}. */
    private void micros(long nanos) throws IOException {
        long d = Math.max(0, nanos);
        long frac = d % 1000;
        g.writeNumber(d / 1000 + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac);
    }

    /** Ends calls left open, writes the track names, closes the document and the file. */
    @Override
    public void close() {
        try {
            if (!calls.end(last)) {
                return;
            }
            for (Map.Entry<Integer, String> p : processNames.entrySet()) {
                metadata("process_name", p.getKey(), p.getKey(), p.getValue());
            }
            for (Map.Entry<Long, String> t : threadNames.entrySet()) {
                metadata("thread_name", (int) (t.getKey() >>> 32), (int) (long) t.getKey(), t.getValue());
            }
            g.writeEndArray();
            // Perfetto reads ts in microseconds whatever this says; chrome://tracing only displays in it.
            g.writeStringField("displayTimeUnit", "ns");
            g.writeEndObject();
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void metadata(String what, int pid, int tid, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", what);
        g.writeStringField("cat", "__metadata"); // as in Chrome's own traces: tracerbench needs it
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", name);
        g.writeEndObject();
        g.writeEndObject();
    }
}

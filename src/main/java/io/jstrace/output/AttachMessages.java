package io.jstrace.output;

import io.jstrace.model.Event;
import io.jstrace.trace.Sink;

import java.io.PrintStream;

/**
 * strace's "Process N attached" and "Process N detached" messages (stderr, never the -o file),
 * for attached and followed threads; printed with trace lines and under -c alike. -q hides them.
 */
public final class AttachMessages implements Sink {
    private final PrintStream messages;
    private final String program;
    private final boolean quiet;

    public AttachMessages(PrintStream messages, String program, boolean quiet) {
        this.messages = messages;
        this.program = program;
        this.quiet = quiet;
    }

    @Override
    public void accept(Event event) {
        if (quiet) {
            return;
        }
        switch (event) {
            case Event.Attached a when a.how() != Event.How.STARTED ->
                    messages.println(program + ": Process " + a.tid() + " attached");
            case Event.Detached d -> messages.println(program + ": Process " + d.tid() + " detached");
            default -> { }
        }
    }

    @Override
    public void close() {
        messages.flush();
    }
}

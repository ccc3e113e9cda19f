package io.jstrace.trace;

import io.jstrace.model.Event;

/** Where events go: text, summary, JSON. Called from the tracer thread only. */
public interface Sink extends AutoCloseable {
    void accept(Event event);

    /** Flushes everything; called once when tracing ends, also on errors and signals. */
    @Override
    void close();
}

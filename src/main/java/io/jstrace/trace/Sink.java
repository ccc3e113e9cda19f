package io.jstrace.trace;

import io.jstrace.model.Event;

/** Where events go: text, summary, JSON. Called from the tracer thread only. */
public interface Sink extends AutoCloseable {
    void accept(Event event);

    /** Flushes everything; called once when tracing ends, also on errors and signals. */
    @Override
    void close();

    /** A sink that hands each event to {@code consumer} and has nothing to flush. */
    static Sink of(java.util.function.Consumer<? super Event> consumer) {
        return new Sink() {
            @Override
            public void accept(Event event) {
                consumer.accept(event);
            }

            @Override
            public void close() {
            }
        };
    }
}

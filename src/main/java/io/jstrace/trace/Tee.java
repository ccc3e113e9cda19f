package io.jstrace.trace;

import io.jstrace.model.Event;

import java.util.List;

/** Several sinks fed the same events in order: e.g. text and a -C summary, or JSON and a timeline. */
public final class Tee implements Sink {
    private final List<Sink> sinks;

    private Tee(List<Sink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    /** One sink when the list has one, else a tee over all of them. */
    public static Sink of(List<Sink> sinks) {
        return sinks.size() == 1 ? sinks.get(0) : new Tee(sinks);
    }

    @Override
    public void accept(Event event) {
        for (Sink s : sinks) {
            s.accept(event);
        }
    }

    /** Closes every sink even if one fails, so no output is lost. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Sink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

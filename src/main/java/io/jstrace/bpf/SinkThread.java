package io.jstrace.bpf;

import io.jstrace.model.Event;
import io.jstrace.trace.Sink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands events to a sink on a thread of its own, in batches: formatting and writing the lines
 * then runs on the second CPU while the reader decodes the next records (nothing stops the
 * tracee, so the reader's speed is what the trace costs once the tracee is done).
 */
final class SinkThread implements Sink {
    private static final int BATCH = 1024, BATCHES = 16;
    private static final List<Event> END = List.of();

    private final Sink sink;
    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private List<Event> batch = new ArrayList<>(BATCH);
    private volatile RuntimeException failed;

    SinkThread(Sink sink) {
        this.sink = sink;
        this.thread = Thread.ofPlatform().daemon().name("jstrace-bpf-sink").start(this::run);
    }

    private void run() {
        try {
            for (List<Event> b = take(); b != END; b = take()) {
                for (int i = 0; i < b.size(); i++) {
                    sink.accept(b.get(i));
                }
            }
        } catch (RuntimeException e) {
            failed = e;
            queue.clear(); // a reader blocked in put() goes on; its events are dropped with the error
        }
    }

    private List<Event> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return END;
        }
    }

    @Override
    public void accept(Event event) {
        batch.add(event);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    /** Hands over the events so far (the reader calls it when it has nothing more for now). */
    void flush() {
        if (!batch.isEmpty() && failed == null) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<Event> b) {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the sink has every event; rethrows what the sink threw. Does not close the sink (its owner does). */
    @Override
    public void close() {
        flush();
        if (failed == null) {
            put(END);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failed != null) {
            throw failed;
        }
    }
}

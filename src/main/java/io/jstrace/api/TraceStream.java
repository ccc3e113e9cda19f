package io.jstrace.api;

import io.jstrace.model.ExitStatus;

import io.jstrace.model.Event;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Events of a trace running on its own platform thread (ptrace requests must all come from the
 * thread that attached), handed over through a bounded queue: while the queue is full the
 * tracer, and so the tracees, wait for the reader. Iterate once, by {@link #iterator()} or
 * {@link #stream()}. {@link #close()} stops tracing as {@link JsTrace#stop()} does (the started
 * command is killed, attached processes are detached and keep running) and returns when the
 * tracer has let go of every process.
 */
public final class TraceStream implements AutoCloseable, Iterable<Event> {
    private static final int CAPACITY = 1024;

    /** The last element of the queue: how tracing ended. */
    private record End(ExitStatus status, Throwable failure) {}

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final JsTrace trace;
    private final Thread thread;
    private volatile boolean closed;
    private volatile End end;
    private volatile boolean done; // the reader has taken the End
    private Object next;
    private boolean iterated;

    private TraceStream(JsTrace trace) {
        this.trace = trace;
        this.thread = Thread.ofPlatform().name("jstrace-tracer").daemon().unstarted(this::trace);
    }

    static TraceStream start(JsTrace trace) {
        TraceStream s = new TraceStream(trace);
        s.thread.start();
        // The first element is the first Attached event, or the end if nothing could be traced.
        s.next = s.take();
        if (s.next instanceof End e && e.failure() != null) {
            s.close();
            switch (e.failure()) {
                case RuntimeException x -> throw x;
                case Error x -> throw x;
                default -> throw new IllegalStateException(e.failure());
            }
        }
        return s;
    }

    private void trace() {
        End result;
        try {
            result = new End(trace.run(this::put, () -> closed), null);
        } catch (Throwable t) {
            result = new End(null, t);
        }
        end = result;
        put(result);
    }

    /** Called on the tracer thread; after close() nobody reads, so events are dropped. */
    private void put(Object o) {
        boolean interrupted = false;
        while (!closed) {
            try {
                queue.put(o);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Object take() {
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            o = new End(null, null);
        }
        done = o instanceof End;
        return o;
    }

    /**
     * The events in order, ending when tracing ends. An interrupt of the reading thread closes
     * the stream and ends the iteration. A failure of the tracer is rethrown by {@code hasNext}.
     */
    @Override
    public synchronized Iterator<Event> iterator() {
        if (iterated) {
            throw new IllegalStateException("a TraceStream is iterated once");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = take();
                }
                if (next instanceof End e) {
                    if (e.failure() instanceof RuntimeException x) {
                        throw x;
                    }
                    if (e.failure() instanceof Error x) {
                        throw x;
                    }
                    return false;
                }
                return true;
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Event e = (Event) next;
                next = null;
                return e;
            }
        };
    }

    /** The events as a sequential Stream; closing it closes this. */
    public Stream<Event> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /**
     * How tracing ended: call after the iteration has ended or after {@link #close()}.
     *
     * @throws IllegalStateException while tracing still runs (waiting could deadlock: the tracer
     *                               may itself be waiting for the reader)
     */
    public ExitStatus exitStatus() {
        if (!done && !closed) {
            throw new IllegalStateException("still tracing: read to the end or close first");
        }
        join();
        End e = end;
        if (e.status() == null) {
            throw new IllegalStateException("tracing failed", e.failure());
        }
        return e.status();
    }

    /** Stops tracing (if it still runs) and waits until the tracer thread has finished. */
    @Override
    public void close() {
        closed = true;
        trace.stop();
        join();
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear(); // a tracer blocked on a full queue must see 'closed'
            try {
                thread.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.jstrace.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairs each thread's syscall entry with what ends it (its exit, a detach inside the call, or
 * the end of tracing) and hands over each {@link SystemCall} when it is whole. Feed it every
 * event in order; call {@link #end} once tracing is over.
 *
 * @param <X> what the receiver may throw
 */
public final class CallPairing<X extends Exception> {
    /** Receives a whole call. */
    @FunctionalInterface
    public interface Receiver<X extends Exception> {
        void call(SystemCall call) throws X;
    }

    private final Map<Integer, Event.SyscallEntry> open = new HashMap<>();
    private final Receiver<X> receiver;
    private boolean ended;

    public CallPairing(Receiver<X> receiver) {
        this.receiver = receiver;
    }

    /** Takes the events that open or close calls; others are ignored. */
    public void accept(Event e) throws X {
        switch (e) {
            case Event.SyscallEntry s -> open.put(s.tid(), s);
            case Event.SyscallExit x -> receiver.call(new SystemCall(open.remove(x.tid()), x, CallStatus.of(x.result()),
                    x.timeNanos()));
            case Event.Detached d -> {
                Event.SyscallEntry s = open.remove(d.tid());
                if (s != null) {
                    receiver.call(new SystemCall(s, null, CallStatus.DETACHED, d.timeNanos()));
                }
            }
            default -> { }
        }
    }

    /**
     * Tracing ended at {@code nanos}: hands over the calls still in progress as unfinished.
     * Returns false when it had already ended (sinks are closed on the normal path and in a finally).
     */
    public boolean end(long nanos) throws X {
        if (ended) {
            return false;
        }
        ended = true;
        for (Event.SyscallEntry s : open.values()) {
            receiver.call(new SystemCall(s, null, CallStatus.UNFINISHED, nanos));
        }
        open.clear();
        return true;
    }
}

package io.jstrace.cli;

import io.jstrace.linux.Errno;
import io.jstrace.linux.SignalPipe;
import io.jstrace.linux.Sys;
import io.jstrace.xlat.Signals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The signals that end strace: HUP, INT, QUIT, PIPE and TERM. Caught whatever jstrace inherited
 * (a background job starts with INT and QUIT ignored, nohup with HUP) and whatever the JVM does
 * with them (QUIT prints its thread dump), as strace installs its handlers unconditionally.
 */
final class FatalSignals {
    private static final int[] SIGNALS = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGPIPE,
            Signals.SIGTERM};

    private final AtomicInteger first = new AtomicInteger();

    private FatalSignals() {}

    /** From now on each of the signals calls {@code action} with its number, on a thread of its own. */
    static FatalSignals install(IntConsumer action) throws Errno {
        FatalSignals s = new FatalSignals();
        SignalPipe.install(SIGNALS, sig -> {
            s.first.compareAndSet(0, sig);
            action.accept(sig);
        });
        return s;
    }

    /** The first of the signals that came, 0 if none. */
    int first() {
        return first.get();
    }

    /**
     * After a signal, ends jstrace as strace ends: by the first signal that came, with its default
     * action (a shell sees 128 + its number), no core dumped. Returns if none came.
     */
    void dieIfReceived() {
        int sig = first.get();
        if (sig != 0) {
            Sys.dieBySignal(sig);
        }
    }
}

package io.jstrace.linux;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignalPipeTest {
    /** Real-time signals the JVM leaves alone; the second is ignored first, as a background job's SIGINT is. */
    private static final int HANDLED = 44, IGNORED_BEFORE = 45;

    @Test
    void signalsArriveAsNumbersOnAThreadEvenWhenTheyWereIgnored() throws Exception {
        Libc.call(Libc.SIGNAL, Libc.errnoState(), IGNORED_BEFORE, 1, 0, 0); // SIG_IGN
        BlockingQueue<Integer> got = new ArrayBlockingQueue<>(8);
        SignalPipe.install(new int[] {HANDLED, IGNORED_BEFORE}, got::add);
        Sys.kill(Sys.getpid(), HANDLED);
        assertEquals(HANDLED, got.poll(5, TimeUnit.SECONDS));
        Sys.kill(Sys.getpid(), IGNORED_BEFORE);
        assertEquals(IGNORED_BEFORE, got.poll(5, TimeUnit.SECONDS));
    }
}

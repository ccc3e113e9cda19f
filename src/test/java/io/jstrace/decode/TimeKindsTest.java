package io.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class TimeKindsTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    private static Bytes longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putLong(x);
        }
        return new Bytes(b.array());
    }

    @Test
    void timespecAndTimeval() {
        assertEquals("{tv_sec=0, tv_nsec=10000000}", text(TimeDecoder.timespec(longs(0, 10000000), 0)));
        assertEquals("{tv_sec=1, tv_usec=500}", text(TimeDecoder.timeval(longs(1, 500), 0)));
    }

    @Test
    void itimers() {
        assertEquals("{it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=5, tv_nsec=0}}",
                text(TimeDecoder.itimer(longs(0, 0, 5, 0), true)));
        assertEquals("{it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=1, tv_usec=500}}",
                text(TimeDecoder.itimer(longs(0, 0, 1, 500), false)));
    }

    @Test
    void clockIds() {
        assertEquals("CLOCK_MONOTONIC", text(TimeKinds.clockid(1)));
        // The CPU clock of process 42, as strace's source prints it where the headers define
        // CLOCKID_TO_FD (Debian's strace 6.1 binary was built without: 0xfffffeaa /* CLOCK_??? */).
        assertEquals("MAKE_PROCESS_CPUCLOCK(42, CPUCLOCK_SCHED)", text(TimeKinds.clockid((~42 << 3) | 2)));
        assertEquals("FD_TO_CLOCKID(5)", text(TimeKinds.clockid((~5 << 3) | 3)));
    }

    @Test
    void sigevent() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0).putInt(14).putInt(0);
        assertEquals("{sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}", text(TimeSigevent.decode(new Bytes(b.array()))));
    }

    @Test
    void timezone() {
        assertEquals("{tz_minuteswest=0, tz_dsttime=0}", text(TimeDecoder.timezone(longs(0))));
    }
}

package io.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // strace prints the fraction unsigned, whatever the caller put there.
        assertEquals("{tv_sec=-1, tv_nsec=18446744073709551615}", text(TimeDecoder.timespec(longs(-1, -1), 0)));
        assertEquals("{tv_sec=-1, tv_usec=18446744073709551615}", text(TimeDecoder.timeval(longs(7, -1, -1), 8)));
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
        ValueText raw = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.RAW);
        ValueText verbose = new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.VERBOSE);
        assertEquals("-46", raw.format(TimeKinds.clockid((~5 << 3) | 2)));
        assertEquals("-46 /* MAKE_PROCESS_CPUCLOCK(5, 0x2 /* CPUCLOCK_SCHED */) */", verbose.format(TimeKinds.clockid((~5 << 3) | 2)));
    }

    @Test
    void sigevent() {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0).putInt(14).putInt(0);
        assertEquals("{sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}", text(TimeSigevent.decode(new Bytes(b.array()))));
        // No signal for other notifications: the number unsigned; an unknown notification in hex.
        b.clear();
        b.putLong(0xdeadbeefbadc0dedL).putInt(0xfacefeed).putInt(0xdefaced);
        assertEquals("{sigev_value={sival_int=-1159983635, sival_ptr=0xdeadbeefbadc0ded}, sigev_signo=4207869677, "
                + "sigev_notify=0xdefaced /* SIGEV_??? */}", text(TimeSigevent.decode(new Bytes(b.array()))));
        b.clear();
        b.putLong(0).putInt(14).putInt(2).putLong(0).putLong(0x1234);
        assertEquals("{sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD, sigev_notify_function=NULL, "
                + "sigev_notify_attributes=0x1234}", text(TimeSigevent.decode(new Bytes(b.array()))));
    }

    @Test
    void timex() {
        ByteBuffer b = ByteBuffer.allocate(TimexDecoder.L.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xa001).putLong(8, -5).putInt(40, 0x40 | 0x10000).putLong(72, 3).putLong(80, -1).putInt(160, 37);
        assertEquals("{modes=ADJ_OFFSET_SS_READ, offset=-5, freq=0, maxerror=0, esterror=0, status=STA_UNSYNC|0x10000, "
                + "constant=0, precision=0, tolerance=0, time={tv_sec=3, tv_usec=18446744073709551615}, tick=0, ppsfreq=0, "
                + "jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}",
                text(TimexDecoder.decode(new Bytes(b.array()))));
        b.putInt(0, 0x10000).putInt(40, 0);
        String unknown = text(TimexDecoder.decode(new Bytes(b.array())));
        assertTrue(unknown.startsWith("{modes=0x10000 /* ADJ_??? */, offset=-5, freq=0, maxerror=0, esterror=0, status=0, "), unknown);
    }

    @Test
    void itimerWhich() {
        Call c = new Call(1, 36, new long[] {0xdeadbeefL, 0}, null, null, null);
        assertEquals("0xdeadbeef /* ITIMER_??? */", text(Kinds.standard().arg("itimer_which").decode(c, 0)));
    }

    @Test
    void timezone() {
        assertEquals("{tz_minuteswest=0, tz_dsttime=0}", text(TimeDecoder.timezone(longs(0))));
    }
}

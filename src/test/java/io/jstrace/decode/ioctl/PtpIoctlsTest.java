package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PtpIoctlsTest {
    private TimeZone zone;

    @BeforeEach
    void utc() {
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(zone);
    }

    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void requestsGivenAtEntry() {
        IoctlCalls m = new IoctlCalls();
        long extts = m.put(IoctlCalls.le(16).putInt(0, 3).putInt(4, 0xdeadbab7).putInt(8, 0xdeadc0de).array());
        assertEquals("PTP_EXTTS_REQUEST, {index=3, flags=PTP_ENABLE_FEATURE|PTP_RISING_EDGE|PTP_FALLING_EDGE|0xdeadbab0}",
                m.call(code("PTP_EXTTS_REQUEST"), extts, -9));
        assertEquals("PTP_EXTTS_REQUEST2, {index=3, flags=PTP_ENABLE_FEATURE|PTP_RISING_EDGE|PTP_FALLING_EDGE|0xdeadbab0, "
                + "rsv=[0xdeadc0de, 0]}", m.call(code("PTP_EXTTS_REQUEST2"), extts, -9));
        assertEquals("PTP_EXTTS_REQUEST, NULL", m.call(code("PTP_EXTTS_REQUEST"), 0, -14));
        ByteBuffer p = IoctlCalls.le(56).putLong(0, 1_000_000_000L).putInt(8, 5).putLong(16, 2).putInt(32, 1);
        long perout = m.put(p.array());
        assertEquals("PTP_PEROUT_REQUEST2, {start={sec=1000000000, nsec=5} /* 2001-09-09T01:46:40.000000005+0000 */, "
                + "period={sec=2, nsec=0}, index=1, flags=0}", m.call(code("PTP_PEROUT_REQUEST2"), perout, -9));
        DecodeOptions d = DecodeOptions.DEFAULT;
        IoctlCalls raw = new IoctlCalls().options(new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(),
                DecodeOptions.Xstyle.RAW, d.structs()));
        assertEquals("0x40383d0c, {start={sec=1000000000, nsec=5}, period={sec=2, nsec=0}, index=1, flags=0}",
                raw.call(code("PTP_PEROUT_REQUEST2"), raw.put(p.array()), -9, DecodeOptions.Xstyle.RAW));
        long phase = m.put(p.putInt(36, 6).putLong(40, 7).putInt(52, 1).array());
        assertEquals("PTP_PEROUT_REQUEST, {phase={sec=1000000000, nsec=5}, period={sec=2, nsec=0}, index=1, "
                + "flags=PTP_PEROUT_DUTY_CYCLE|PTP_PEROUT_PHASE, on={sec=7, nsec=0, reserved=0x1}}",
                m.call(code("PTP_PEROUT_REQUEST"), phase, -9));
        long pin = m.put(IoctlCalls.le(96).putInt(64, 2).putInt(68, 5).putInt(72, 1).array());
        assertEquals("PTP_PIN_SETFUNC, {index=2, func=0x5 /* PTP_PF_??? */, chan=1}", m.call(code("PTP_PIN_SETFUNC"), pin, -9));
    }

    @Test
    void answersAddedAtExit() {
        IoctlCalls m = new IoctlCalls();
        long caps = m.put(new byte[80]);
        m.fillAtExit(caps, IoctlCalls.le(80).putInt(0, -1).putInt(20, 4).putInt(76, 9).array());
        assertEquals("PTP_CLOCK_GETCAPS, {max_adj=-1, n_alarm=0, n_ext_ts=0, n_per_out=0, pps=0, n_pins=4, "
                + "cross_timestamping=0, adjust_phase=0, rsv=[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x9]}",
                m.call(code("PTP_CLOCK_GETCAPS"), caps, 0));
        long pin = m.put(IoctlCalls.le(96).putInt(64, 2).array());
        ByteBuffer got = IoctlCalls.le(96).put(0, (byte) 'p').put(1, (byte) '0').putInt(64, 2).putInt(68, 1).putInt(72, 3);
        m.fillAtExit(pin, got.array());
        assertEquals("PTP_PIN_GETFUNC, {index=2, name=\"p0\", func=PTP_PF_EXTTS, chan=3}", m.call(code("PTP_PIN_GETFUNC"), pin, 0));
        assertEquals("PTP_PIN_GETFUNC, {index=2}", m.call(code("PTP_PIN_GETFUNC"), pin, -9));
        long off = m.put(IoctlCalls.le(832).putInt(0, 1).array());
        m.fillAtExit(off, IoctlCalls.le(832).putInt(0, 1).putLong(16, 1).putInt(24, 2).putInt(44, 0xface).array());
        assertEquals("PTP_SYS_OFFSET, {n_samples=1, ts=[{sec=1, nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, "
                + "{sec=0, nsec=0, reserved=0xface}, {sec=0, nsec=0}]}", m.call(code("PTP_SYS_OFFSET"), off, 0));
        long ext = m.put(IoctlCalls.le(1216).putInt(0, 1).putInt(12, 7).array());
        assertEquals("PTP_SYS_OFFSET_EXTENDED, {n_samples=1, rsv=[0, 0, 0x7], ts=[[{sec=0, nsec=0}, {sec=0, nsec=0}, "
                + "{sec=0, nsec=0}]]}", m.call(code("PTP_SYS_OFFSET_EXTENDED"), ext, 0));
        long precise = m.put(IoctlCalls.le(64).putLong(0, 4886718345L).putInt(8, 1_000_000_000).putLong(16, 60).array());
        assertEquals("PTP_SYS_OFFSET_PRECISE, {device={sec=4886718345, nsec=1000000000}, "
                + "sys_realtime={sec=60, nsec=0} /* 1970-01-01T00:01:00+0000 */, sys_monoraw={sec=0, nsec=0}}",
                m.call(code("PTP_SYS_OFFSET_PRECISE"), precise, 0));
    }
}

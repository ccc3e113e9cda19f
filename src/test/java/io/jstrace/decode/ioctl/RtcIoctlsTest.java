package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RtcIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void timesAlarmsAndNumbers() {
        IoctlCalls m = new IoctlCalls();
        byte[] time = IoctlCalls.le(36).putInt(0, 5).putInt(4, 4).putInt(8, 3).putInt(12, 2).putInt(16, 1)
                .putInt(20, 124).putInt(24, 6).putInt(28, 300).putInt(32, -1).array();
        long t = m.put(time);
        assertEquals("RTC_SET_TIME, {tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, tm_mon=1, tm_year=124, ...}",
                m.call(code("RTC_SET_TIME"), t, -9));
        IoctlCalls v = new IoctlCalls().verbose();
        assertEquals("RTC_RD_TIME, {tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, tm_mon=1, tm_year=124, tm_wday=6, "
                + "tm_yday=300, tm_isdst=-1}", v.call(code("RTC_RD_TIME"), v.put(time), 0));
        assertEquals("RTC_RD_TIME, " + "0x" + Long.toHexString(t), m.call(code("RTC_RD_TIME"), t, -9));
        assertEquals("RTC_AIE_ON", m.call(code("RTC_AIE_ON"), 0xdead, -9));
        assertEquals("RTC_IRQP_SET, 16045690984232390125", m.call(code("RTC_IRQP_SET"), 0xdeadbeefbadc0dedL, -9));
        long vl = m.put(IoctlCalls.le(4).putInt(0, 0x31).array());
        assertEquals("RTC_VL_READ, [RTC_VL_DATA_INVALID|RTC_VL_BACKUP_SWITCH|0x20]", m.call(code("RTC_VL_READ"), vl, 0));
        long alarm = m.put(IoctlCalls.le(40).put(0, (byte) 1).putInt(4, 7).array());
        assertEquals("RTC_WKALM_SET, {enabled=1, pending=0, time={tm_sec=7, tm_min=0, tm_hour=0, tm_mday=0, tm_mon=0, "
                + "tm_year=0, ...}}", m.call(code("RTC_WKALM_SET"), alarm, -9));
    }

    @Test
    void parameters() {
        IoctlCalls m = new IoctlCalls();
        long set = m.put(IoctlCalls.le(24).putLong(0, 0).putLong(8, 0x1000000000000021L).putInt(16, 2).array());
        assertEquals("RTC_PARAM_SET, {param=RTC_PARAM_FEATURES, uvalue=1<<RTC_FEATURE_ALARM|1<<RTC_FEATURE_CORRECTION"
                + "|0x1000000000000000, index=2}", m.call(code("RTC_PARAM_SET"), set, -9));
        long get = m.put(IoctlCalls.le(24).putLong(0, 1).putInt(20, 0xbad).array());
        m.fillAtExit(get, IoctlCalls.le(24).putLong(0, 1).putLong(8, -1337).putInt(20, 0xbad).array());
        assertEquals("RTC_PARAM_GET, {param=RTC_PARAM_CORRECTION, index=0, __pad=0xbad} => {svalue=-1337, __pad=0xbad}",
                m.call(code("RTC_PARAM_GET"), get, 0));
        assertEquals("RTC_PARAM_GET, {param=RTC_PARAM_CORRECTION, index=0, __pad=0xbad} => 0x" + Long.toHexString(get),
                m.call(code("RTC_PARAM_GET"), get, -9));
        long mode = m.put(IoctlCalls.le(24).putLong(0, 2).putLong(8, 4).array());
        assertEquals("RTC_PARAM_SET, {param=RTC_PARAM_BACKUP_SWITCH_MODE, uvalue=0x4 /* RTC_BSM_??? */, index=0}",
                m.call(code("RTC_PARAM_SET"), mode, -9));
    }
}

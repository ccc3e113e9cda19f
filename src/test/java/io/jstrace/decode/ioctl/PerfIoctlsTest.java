package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** perf events' ioctls as strace 6.1's perf_ioctl.c prints them. */
class PerfIoctlsTest {
    private static final long ENABLE = 0x2400, REFRESH = 0x2402, PERIOD = 0x40082404L, SET_OUTPUT = 0x2405,
            SET_FILTER = 0x40082406L, ID = 0x80082407L, PAUSE_OUTPUT = 0x40042409L, QUERY_BPF = 0xc008240aL,
            MODIFY_ATTRIBUTES = 0x4008240bL;

    @Test
    void numbersFlagsAndFds() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP", m.call(ENABLE, 1, 0));
        // Flags are an unsigned int: the upper half of the argument is not shown.
        assertEquals("PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0x4", m.call(ENABLE, 0xdead_0000_0005L, 0));
        assertEquals("PERF_EVENT_IOC_ENABLE, 0x2 /* PERF_IOC_FLAG_??? */", m.call(ENABLE, 2, 0));
        assertEquals("PERF_EVENT_IOC_REFRESH, -1", m.call(REFRESH, 0xffffffffL, 0));
        assertEquals("PERF_EVENT_IOC_SET_OUTPUT, 5", m.call(SET_OUTPUT, 5, 0));
        assertEquals("PERF_EVENT_IOC_PAUSE_OUTPUT, 16045690984232390125", m.call(PAUSE_OUTPUT, 0xdeadbeefbadc0dedL, 0));
    }

    @Test
    void periodAtEntryIdAtExit() {
        IoctlCalls m = new IoctlCalls();
        long period = m.put(IoctlCalls.le(8).putLong(-1).array());
        assertEquals("PERF_EVENT_IOC_PERIOD, [18446744073709551615]", m.call(PERIOD, period, -9));
        long id = m.put(new byte[8]);
        m.fillAtExit(id, IoctlCalls.le(8).putLong(42).array());
        assertEquals("PERF_EVENT_IOC_ID, [42]", m.call(ID, id, 0));
        assertEquals("PERF_EVENT_IOC_ID, 0x" + Long.toHexString(id), m.call(ID, id, -9));
        assertEquals("PERF_EVENT_IOC_ID, NULL", m.call(ID, 0, -14));
    }

    @Test
    void filterString() {
        IoctlCalls m = new IoctlCalls();
        long f = m.put("common_pid != 0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("PERF_EVENT_IOC_SET_FILTER, \"common_pid != 0\"", m.call(SET_FILTER, f, 0));
        assertEquals("PERF_EVENT_IOC_SET_FILTER, NULL", m.call(SET_FILTER, 0, -14));
    }

    @Test
    void queryBpf() {
        IoctlCalls m = new IoctlCalls();
        long q = m.put(IoctlCalls.le(16).putInt(2).putInt(0).putInt(0).putInt(0).array());
        m.fillAtExit(q, IoctlCalls.le(16).putInt(2).putInt(2).putInt(17).putInt(19).array());
        assertEquals("PERF_EVENT_IOC_QUERY_BPF, {ids_len=2, prog_cnt=2, ids=[17, 19]}", m.call(QUERY_BPF, q, 0));
        long failed = m.put(IoctlCalls.le(8).putInt(7).array());
        assertEquals("PERF_EVENT_IOC_QUERY_BPF, {ids_len=7, ...}", m.call(QUERY_BPF, failed, -9));
        assertEquals("PERF_EVENT_IOC_QUERY_BPF, NULL", m.call(QUERY_BPF, 0, -14));
    }

    @Test
    void modifyAttributesShowsTheAttr() {
        IoctlCalls m = new IoctlCalls();
        long a = m.put(IoctlCalls.le(64).putInt(1).putInt(64).putLong(9).array());
        assertEquals("PERF_EVENT_IOC_MODIFY_ATTRIBUTES, {type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER0, "
                + "config=PERF_COUNT_SW_DUMMY, sample_period=0, sample_type=0, read_format=0, "
                + "precise_ip=0 /* arbitrary skid */, ...}", m.call(MODIFY_ATTRIBUTES, a, -9));
    }
}

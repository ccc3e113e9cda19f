package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatchdogIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void timeoutsAndKeepalive() {
        IoctlCalls m = new IoctlCalls();
        long t = m.put(IoctlCalls.le(4).putInt(0, 30).array());
        assertEquals("WDIOC_SETTIMEOUT, [30]", m.call(code("WDIOC_SETTIMEOUT"), t, -9));
        assertEquals("WDIOC_GETTIMELEFT, [30]", m.call(code("WDIOC_GETTIMELEFT"), t, 0));
        assertEquals("WDIOC_GETTIMEOUT, 0x" + Long.toHexString(t), m.call(code("WDIOC_GETTIMEOUT"), t, -9));
        assertEquals("WDIOC_KEEPALIVE", m.call(code("WDIOC_KEEPALIVE"), 0, 0));
    }
}

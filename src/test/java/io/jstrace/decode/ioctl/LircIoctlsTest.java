package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LircIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void modesFeaturesAndNumbers() {
        IoctlCalls m = new IoctlCalls();
        long mode = m.put(IoctlCalls.le(4).putInt(0, 4).array());
        assertEquals("LIRC_SET_REC_MODE, [LIRC_MODE_MODE2]", m.call(code("LIRC_SET_REC_MODE"), mode, -9));
        long odd = m.put(IoctlCalls.le(4).putInt(0, 3).array());
        assertEquals("LIRC_GET_SEND_MODE, [0x3 /* LIRC_MODE_??? */]", m.call(code("LIRC_GET_SEND_MODE"), odd, 0));
        long features = m.put(IoctlCalls.le(4).putInt(0, 0x80040001).array());
        assertEquals("LIRC_GET_FEATURES, [LIRC_CAN_REC_MODE2|LIRC_CAN_SET_REC_CARRIER_RANGE|0x1]",
                m.call(code("LIRC_GET_FEATURES"), features, 0));
        assertEquals("LIRC_GET_FEATURES, 0x" + Long.toHexString(features), m.call(code("LIRC_GET_FEATURES"), features, -9));
        long all = m.put(IoctlCalls.le(4).putInt(0, -1).array());
        assertEquals("LIRC_SET_REC_TIMEOUT_REPORTS, [4294967295]", m.call(code("LIRC_SET_REC_TIMEOUT_REPORTS"), all, -9));
        assertEquals("LIRC_SET_TRANSMITTER_MASK, [0xffffffff]", m.call(code("LIRC_SET_TRANSMITTER_MASK"), all, -9));
    }
}

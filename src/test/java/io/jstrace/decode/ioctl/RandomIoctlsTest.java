package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RandomIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void entropy() {
        IoctlCalls m = new IoctlCalls();
        long pool = m.put(IoctlCalls.le(12).putInt(0, 3).putInt(4, 4).put(8, (byte) 'a').put(9, (byte) 'b')
                .put(10, (byte) 0).put(11, (byte) 'c').array());
        assertEquals("RNDADDENTROPY, {entropy_count=3, buf_size=4, buf=\"ab\\0c\"}", m.call(code("RNDADDENTROPY"), pool, -9));
        assertEquals("RNDADDENTROPY, NULL", m.call(code("RNDADDENTROPY"), 0, -14));
        long n = m.put(IoctlCalls.le(4).putInt(0, -6).array());
        assertEquals("RNDADDTOENTCNT, [-6]", m.call(code("RNDADDTOENTCNT"), n, -9));
        assertEquals("RNDGETENTCNT, [-6]", m.call(code("RNDGETENTCNT"), n, 0));
        assertEquals("RNDRESEEDCRNG", m.call(code("RNDRESEEDCRNG"), 7, 0));
    }
}

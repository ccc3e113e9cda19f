package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UffdIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void handshake() {
        IoctlCalls m = new IoctlCalls();
        long api = m.put(IoctlCalls.le(24).putLong(0, 0xaa).array());
        m.fillAtExit(api, IoctlCalls.le(24).putLong(0, 0xaa).putLong(8, 0x10003).putLong(16, 0x8000000000000003L).array());
        assertEquals("UFFDIO_API, {api=0xaa, features=0 => features=UFFD_FEATURE_PAGEFAULT_FLAG_WP|UFFD_FEATURE_EVENT_FORK"
                + "|0x10000, ioctls=1<<_UFFDIO_REGISTER|1<<_UFFDIO_UNREGISTER|1<<_UFFDIO_API}", m.call(code("UFFDIO_API"), api, 0));
        long same = m.put(IoctlCalls.le(24).putLong(0, 0xaa).putLong(8, 2).putLong(16, 1).array());
        assertEquals("UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_EVENT_FORK, ioctls=1<<_UFFDIO_REGISTER}",
                m.call(code("UFFDIO_API"), same, 0));
        assertEquals("UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_EVENT_FORK}", m.call(code("UFFDIO_API"), same, -22));
    }

    @Test
    void rangesAndCopies() {
        IoctlCalls m = new IoctlCalls();
        long reg = m.put(IoctlCalls.le(32).putLong(0, 0x1000).putLong(8, 0x2000).putLong(16, 1).putLong(24, 0x11c).array());
        assertEquals("UFFDIO_REGISTER, {range={start=0x1000, len=0x2000}, mode=UFFDIO_REGISTER_MODE_MISSING, "
                + "ioctls=1<<_UFFDIO_WAKE|1<<_UFFDIO_COPY|1<<_UFFDIO_ZEROPAGE|0x100}", m.call(code("UFFDIO_REGISTER"), reg, 0));
        long copy = m.put(IoctlCalls.le(40).putLong(0, 0x1000).putLong(8, 0x3000).putLong(16, 0x1000).putLong(24, 0xf0)
                .putLong(32, 0x1000).array());
        assertEquals("UFFDIO_COPY, {dst=0x1000, src=0x3000, len=0x1000, mode=0xf0 /* UFFDIO_COPY_??? */}",
                m.call(code("UFFDIO_COPY"), copy, -22));
        assertEquals("UFFDIO_COPY, {dst=0x1000, src=0x3000, len=0x1000, mode=0xf0 /* UFFDIO_COPY_??? */, copy=0x1000}",
                m.call(code("UFFDIO_COPY"), copy, 0));
        assertEquals("UFFDIO_WAKE, {start=0x1000, len=0x2000}", m.call(code("UFFDIO_WAKE"), reg, 0));
    }
}

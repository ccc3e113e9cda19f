package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NsfsIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void namespaceRequests() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("NS_GET_USERNS", m.call(code("NS_GET_USERNS"), 0, 5));
        assertTrue(Ioctls.decoder(code("NS_GET_PARENT")).returnsFd());
        long uid = m.put(IoctlCalls.le(4).putInt(0, -1).array());
        assertEquals("NS_GET_OWNER_UID, [-1]", m.call(code("NS_GET_OWNER_UID"), uid, 0));
        assertEquals("NS_GET_NSTYPE", m.call(code("NS_GET_NSTYPE"), 0, 0x10000000));
    }

    @Test
    void inotifyNextWatch() {
        assertEquals("INOTIFY_IOC_SETNEXTWD, -1159983635",
                new IoctlCalls().call(code("INOTIFY_IOC_SETNEXTWD"), 0xdeadbeefbadc0dedL, -9));
    }
}

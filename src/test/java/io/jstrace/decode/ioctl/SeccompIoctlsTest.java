package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeccompIoctlsTest {
    private static final long RECV = 0xc0502100L, SEND = 0xc0182101L, ID_VALID = 0x40082102L, ADDFD = 0x40182103L;

    private static byte[] notif(int nr, int arch) {
        ByteBuffer b = IoctlCalls.le(80).putLong(0, 7).putInt(8, 1234).putInt(16, nr).putInt(20, arch).putLong(24, 0x401000);
        for (int i = 0; i < 6; i++) {
            b.putLong(32 + 8 * i, i);
        }
        return b.array();
    }

    @Test
    void receivedNotification() {
        IoctlCalls m = new IoctlCalls();
        long zeroed = m.put(new byte[80]);
        m.fillAtExit(zeroed, notif(186, 0xc000003e));
        String filled = "{id=0x7, pid=1234, flags=0, data={nr=__NR_gettid, arch=AUDIT_ARCH_X86_64, "
                + "instruction_pointer=0x401000, args=[0, 0x1, 0x2, 0x3, 0x4, 0x5]}}";
        assertEquals("SECCOMP_IOCTL_NOTIF_RECV, " + filled, m.call(RECV, zeroed, 0));
        long given = m.put(notif(186, 0xc000003e));
        assertEquals("SECCOMP_IOCTL_NOTIF_RECV, " + filled + " => 0x" + Long.toHexString(given), m.call(RECV, given, -9));
        assertEquals("0xc0502100 /* SECCOMP_IOCTL_NOTIF_RECV */, {id=0x7, pid=1234, flags=0, data={nr=186 /* __NR_gettid */, "
                        + "arch=0xc000003e /* AUDIT_ARCH_X86_64 */, instruction_pointer=0x401000, args=[0, 0x1, 0x2, 0x3, 0x4, 0x5]}}",
                m.call(RECV, given, -9, DecodeOptions.Xstyle.VERBOSE).replaceAll(" => .*", ""));
        long other = m.put(notif(224, 0x40000003));
        assertEquals("SECCOMP_IOCTL_NOTIF_RECV, {id=0x7, pid=1234, flags=0, data={nr=224, arch=AUDIT_ARCH_I386, "
                + "instruction_pointer=0x401000, args=[0, 0x1, 0x2, 0x3, 0x4, 0x5]}}", m.call(RECV, other, -9).replaceAll(" => .*", ""));
    }

    @Test
    void responsesAndFds() {
        IoctlCalls m = new IoctlCalls();
        long resp = m.put(IoctlCalls.le(24).putLong(0, 1).putLong(8, -1).putInt(16, -63).putInt(20, 1).array());
        assertEquals("SECCOMP_IOCTL_NOTIF_SEND, {id=0x1, val=-1, error=-ENOSR, flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE}",
                m.call(SEND, resp, 0));
        assertEquals("0xc0182101, {id=0x1, val=-1, error=-63, flags=0x1}", m.call(SEND, resp, 0, DecodeOptions.Xstyle.RAW));
        long id = m.put(IoctlCalls.le(8).putLong(0, 0xdecaffedL).array());
        assertEquals("SECCOMP_IOCTL_NOTIF_ID_VALID, [0xdecaffed]", m.call(ID_VALID, id, 0));
        assertEquals("SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, [0xdecaffed]", m.call(0x80082102L, id, 0));
        long addfd = m.put(IoctlCalls.le(24).putLong(0, 2).putInt(8, 4).putInt(12, 0).putInt(16, 5).putInt(20, 0x80000).array());
        assertEquals("SECCOMP_IOCTL_NOTIF_ADDFD, {id=0x2, flags=0x4 /* SECCOMP_ADDFD_FLAG_??? */, srcfd=0, newfd=5, "
                + "newfd_flags=O_CLOEXEC}", m.call(ADDFD, addfd, 0));
    }
}

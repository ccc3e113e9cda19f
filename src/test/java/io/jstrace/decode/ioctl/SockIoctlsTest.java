package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SockIoctlsTest {
    private static final long FIOSETOWN = 0x8901, FIOGETOWN = 0x8903, SIOCGIFCONF = 0x8912, SIOCADDRT = 0x890b,
            SIOCBRADDBR = 0x89a0;

    private static byte[] ifconf(int len, long buf) {
        return IoctlCalls.le(16).putInt(0, len).putLong(8, buf).array();
    }

    private static byte[] lo() {
        byte[] r = new byte[40];
        System.arraycopy("lo".getBytes(StandardCharsets.US_ASCII), 0, r, 0, 2);
        r[16] = 2; // AF_INET
        r[20] = 127;
        r[23] = 1;
        return r;
    }

    @Test
    void ownersAndAddresses() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("FIOSETOWN, NULL", m.call(FIOSETOWN, 0, -9));
        long owner = m.put(IoctlCalls.le(4).putInt(0, 1234).array());
        assertEquals("FIOSETOWN, [1234]", m.call(FIOSETOWN, owner, 0));
        // Filled in: printed at exit even after a failure.
        assertEquals("FIOGETOWN, [1234]", m.call(FIOGETOWN, owner, -14));
        assertEquals("SIOCADDRT, NULL", m.call(SIOCADDRT, 0, -9));
        assertEquals("SIOCADDRT, 0x" + Long.toHexString(owner), m.call(SIOCADDRT, owner, -9));
        long name = m.put("br0\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("SIOCBRADDBR, \"br0\"", m.call(SIOCBRADDBR, name, -1));
    }

    @Test
    void interfaceList() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("SIOCGIFCONF, NULL", m.call(SIOCGIFCONF, 0, -14));
        long sizing = m.put(ifconf(0, 0));
        m.fillAtExit(sizing, ifconf(80, 0));
        assertEquals("SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}", m.call(SIOCGIFCONF, sizing, 0));
        long buf = m.put(new byte[80]);
        m.fillAtExit(buf, lo());
        long filled = m.put(ifconf(82, buf));
        m.fillAtExit(filled, ifconf(40, buf));
        assertEquals("SIOCGIFCONF, {ifc_len=82 => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name=\"lo\", "
                + "ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}}]}", m.call(SIOCGIFCONF, filled, 0));
        long failed = m.put(ifconf(80, buf));
        assertEquals("SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=0x" + Long.toHexString(buf) + "}",
                m.call(SIOCGIFCONF, failed, -14));
    }

    /** strace reads struct ifconf under -e verbose=none too; only the interfaces stay an address. */
    @Test
    void interfaceListUnderVerboseNone() {
        DecodeOptions d = DecodeOptions.DEFAULT;
        IoctlCalls m = new IoctlCalls().options(new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), d.xstyle(), false));
        long sizing = m.put(ifconf(0, 0));
        m.fillAtExit(sizing, ifconf(80, 0));
        assertEquals("SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}", m.call(SIOCGIFCONF, sizing, 0));
        long buf = m.put(new byte[80]);
        m.fillAtExit(buf, lo());
        long filled = m.put(ifconf(82, buf));
        m.fillAtExit(filled, ifconf(40, buf));
        assertEquals("SIOCGIFCONF, {ifc_len=82 => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=0x" + Long.toHexString(buf) + "}",
                m.call(SIOCGIFCONF, filled, 0));
    }
}

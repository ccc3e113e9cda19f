package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvdevIoctlsTest {
    private static final long EVIOCGBIT_KEY_96 = 0x80604521L, EVIOCGBIT_EV_8 = 0x80084520L, EVIOCGABS_X = 0x80184540L,
            EVIOCGNAME_256 = 0x81004506L, EVIOCSKEYCODE = 0x40084504L, EVIOCGVERSION = 0x80044501L, EVIOCSFF = 0x40304580L;

    @Test
    void bitSetsByNameAndRaw() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(new byte[96]);
        ByteBuffer keys = IoctlCalls.le(96);
        keys.put(0, (byte) 0x0e).put(3, (byte) 0x80).put(32, (byte) 0x01); // KEY_ESC, KEY_1, KEY_2; KEY_S (31); BTN_0 (256)
        m.fillAtExit(at, keys.array());
        assertEquals("EVIOCGBIT(EV_KEY, 96), [KEY_ESC KEY_1 KEY_2 KEY_S ...]", m.call(EVIOCGBIT_KEY_96, at, 96));
        assertEquals("EVIOCGBIT(EV_KEY, 96), [KEY_ESC KEY_1 KEY_2 KEY_S BTN_0]", m.verbose().call(EVIOCGBIT_KEY_96, at, 96));
        long ev = m.put(IoctlCalls.le(8).putLong(0, 0x1 << 3 | 0x1 << 1).array());
        assertEquals("0x80084520, [0xa]", m.call(EVIOCGBIT_EV_8, ev, 8, DecodeOptions.Xstyle.RAW));
        assertEquals("0x80084520 /* EVIOCGBIT(0, 8) */, [0x1 /* EV_KEY */ 0x3 /* EV_ABS */] /* [0xa] */",
                m.call(EVIOCGBIT_EV_8, ev, 8, DecodeOptions.Xstyle.VERBOSE));
        assertEquals("EVIOCGBIT(0, 8), 0x" + Long.toHexString(ev), m.call(EVIOCGBIT_EV_8, ev, -9));
    }

    @Test
    void fixedRequests() {
        IoctlCalls m = new IoctlCalls();
        long abs = m.put(IoctlCalls.le(24).putInt(0, 5).putInt(4, 0).putInt(8, 1023).putInt(20, 12).array());
        assertEquals("EVIOCGABS(ABS_X), {value=5, minimum=0, ...}", m.call(EVIOCGABS_X, abs, 0));
        long name = m.put("Keyboard\0".getBytes());
        assertEquals("EVIOCGNAME(256), \"Keyboard\\0\"", m.call(EVIOCGNAME_256, name, 9));
        long kc = m.put(IoctlCalls.le(8).putInt(0, 0x70029).putInt(4, 30).array());
        assertEquals("EVIOCSKEYCODE, [458793, KEY_A]", m.call(EVIOCSKEYCODE, kc, 0));
        long ver = m.put(IoctlCalls.le(4).putInt(0, 0x10001).array());
        assertEquals("EVIOCGVERSION, [0x10001]", m.call(EVIOCGVERSION, ver, 0));
        long ff = m.put(IoctlCalls.le(48).putShort(0, (short) 0x50).putShort(2, (short) -1).putShort(16, (short) 100).array());
        assertEquals("EVIOCSFF, {type=FF_RUMBLE, id=-1, direction=0, ...}", m.call(EVIOCSFF, ff, 0));
        assertEquals("EVIOCGABS(ABS_X), NULL", m.call(EVIOCGABS_X, 0, -14));
        assertEquals("EVIOCGABS(ABS_X), {value=5, minimum=0, maximum=1023, fuzz=0, flat=0, resolution=12}",
                m.verbose().call(EVIOCGABS_X, abs, 0));
    }
}

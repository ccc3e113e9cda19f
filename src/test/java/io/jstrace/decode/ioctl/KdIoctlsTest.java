package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KdIoctlsTest {
    private static final long KIOCSOUND = 0x4b2f, KDMKTONE = 0x4b30, KDGKBENT = 0x4b46, KDSKBENT = 0x4b47,
            KDGETKEYCODE = 0x4b4c, KDKBDREP = 0x4b52, GIO_UNIMAP = 0x4b66, KDSKBMODE = 0x4b45;

    @Test
    void soundAndTone() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("KIOCSOUND, 2711 /* 440 Hz */", m.call(KIOCSOUND, 2711, 0));
        assertEquals("0x4b2f, 2711", m.call(KIOCSOUND, 2711, 0, DecodeOptions.Xstyle.RAW));
        assertEquals("KIOCSOUND, 0 /* off */", m.call(KIOCSOUND, 0, 0));
        assertEquals("KDMKTONE, 100<<16|2711 /* 440 Hz, 100 ms */", m.call(KDMKTONE, 100 << 16 | 2711, 0));
        assertEquals("KDSKBMODE, -1 /* K_??? */", m.call(KDSKBMODE, 0xffffffffL, 0));
    }

    @Test
    void keyboardEntries() {
        IoctlCalls m = new IoctlCalls();
        long e = m.put(IoctlCalls.le(4).put(0, (byte) 1).put(1, (byte) 30).putShort(2, (short) 0x0b61).array());
        assertEquals("KDSKBENT, {kb_table=K_SHIFTTAB, kb_index=30, kb_value=0xb61 /* K(KT_LETTER, 'a') */}",
                m.call(KDSKBENT, e, 0));
        long g = m.put(IoctlCalls.le(4).put(0, (byte) 0x81).put(1, (byte) 59).array());
        m.fillAtExit(g, IoctlCalls.le(4).put(0, (byte) 0x81).put(1, (byte) 59).putShort(2, (short) 0x100).array());
        assertEquals("KDGKBENT, {kb_table=1<<KG_SHIFT|1<<KG_CTRLR, kb_index=59, kb_value=0x100 /* K_F1 */}",
                m.call(KDGKBENT, g, 0));
        assertEquals("KDGKBENT, {kb_table=1<<KG_SHIFT|1<<KG_CTRLR, kb_index=59}", m.call(KDGKBENT, g, -22));
    }

    /** strace reads a kbentry with plain umove: -e verbose=none shows it too. */
    @Test
    void keyboardEntriesUnderVerboseNone() {
        DecodeOptions d = DecodeOptions.DEFAULT;
        IoctlCalls m = new IoctlCalls().options(new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), d.xstyle(), false));
        long e = m.put(IoctlCalls.le(4).put(0, (byte) 1).put(1, (byte) 30).putShort(2, (short) 0x0b61).array());
        assertEquals("KDSKBENT, {kb_table=K_SHIFTTAB, kb_index=30, kb_value=0xb61 /* K(KT_LETTER, 'a') */}",
                m.call(KDSKBENT, e, -9));
        assertEquals("KDGKBENT, {kb_table=K_SHIFTTAB, kb_index=30}", m.call(KDGKBENT, e, -9));
        assertEquals("KDGKBENT, NULL", m.call(KDGKBENT, 0, -9));
    }

    @Test
    void keycodesRepeatAndUnimap() {
        IoctlCalls m = new IoctlCalls();
        long k = m.put(IoctlCalls.le(8).putInt(0, 0x1e).putInt(4, 0).array());
        m.fillAtExit(k, IoctlCalls.le(8).putInt(0, 0x1e).putInt(4, 0x1e).array());
        assertEquals("KDGETKEYCODE, {scancode=0x1e, keycode=0 => 0x1e}", m.call(KDGETKEYCODE, k, 0));
        long r = m.put(IoctlCalls.le(8).putInt(0, -1).putInt(4, -1).array());
        m.fillAtExit(r, IoctlCalls.le(8).putInt(0, 250).putInt(4, 33).array());
        assertEquals("KDKBDREP, {delay=-1, period=-1} => {delay=250, period=33}", m.call(KDKBDREP, r, 0));
        long pairs = m.put(IoctlCalls.le(8).putShort(0, (short) 0x41).putShort(2, (short) 0x41).putShort(4, (short) 0xe9)
                .putShort(6, (short) 0x82).array());
        long desc = m.put(IoctlCalls.le(16).putShort(0, (short) 4).putLong(8, pairs).array());
        m.fillAtExit(desc, IoctlCalls.le(16).putShort(0, (short) 2).putLong(8, pairs).array());
        assertEquals("GIO_UNIMAP, {entry_ct=4 => 2, entries=[{unicode=0x41, fontpos=0x41}, {unicode=0xe9, fontpos=0x82}, "
                + "... /* 0x" + Long.toHexString(pairs + 8) + " */]}", m.call(GIO_UNIMAP, desc, 0));
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TermIoctlsTest {
    private static final long TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETS2 = 0x402c542bL,
            TIOCGWINSZ = 0x5413, TIOCMBIS = 0x5416, TIOCNOTTY = 0x5422, TCXONC = 0x540a, TIOCSTI = 0x5412;
    private static final long EFAULT = -14;

    private static byte[] termios(int size) {
        ByteBuffer b = IoctlCalls.le(size);
        b.putInt(0, 0x500).putInt(4, 0x5).putInt(8, 0xbf).putInt(12, 0x8a3b);
        byte[] cc = {3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16, 0, 0, 0};
        b.put(17, cc);
        if (size == 44) {
            b.putInt(36, 38400).putInt(40, 9600);
        }
        return b.array();
    }

    @Test
    void termiosFilledByTcgets() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(new byte[36]);
        m.fillAtExit(at, termios(36));
        assertEquals("TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
                + "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}",
                m.call(TCGETS, at, 0));
        assertEquals("TCGETS, 0x" + Long.toHexString(at), m.call(TCGETS, at, EFAULT));
        assertEquals("TCGETS, NULL", m.call(TCGETS, 0, EFAULT));
    }

    @Test
    void termiosVerboseAndRaw() {
        IoctlCalls m = new IoctlCalls().verbose();
        long at = m.put(termios(36));
        assertEquals("SNDCTL_TMR_STOP or TCSETSW, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, "
                + "c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, "
                + "c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, "
                + "[VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, "
                + "[VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}",
                m.call(TCSETSW, at, 0));
        assertEquals("0x5403 /* SNDCTL_TMR_STOP or TCSETSW */", m.call(TCSETSW, 0, EFAULT, DecodeOptions.Xstyle.VERBOSE)
                .replace(", NULL", ""));
        assertEquals("0x5403, NULL", m.call(TCSETSW, 0, EFAULT, DecodeOptions.Xstyle.RAW));
    }

    @Test
    void termios2WithSpeeds() {
        IoctlCalls m = new IoctlCalls().verbose();
        long at = m.put(termios(44));
        String s = m.call(TCSETS2, at, 0);
        assertEquals("TCSETS2, {c_iflag=ICRNL|IXON", s.substring(0, s.indexOf(", c_oflag")));
        assertEquals(", c_ispeed=38400, c_ospeed=9600}", s.substring(s.indexOf(", c_ispeed")));
    }

    @Test
    void oflagDelaysAndSpeeds() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer b = IoctlCalls.le(36);
        // NL1, CR2, XTABS, VT1; B75 out, B57600 in, CS6, CSTOPB, CMSPAR.
        b.putInt(4, 0x100 | 0x400 | 0x1800 | 0x4000 | 0x10000000).putInt(8, 0x2 | 0x10010000 | 0x10 | 0x40 | 0x40000000);
        long at = m.put(b.array());
        assertEquals("SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL1|CR2|XTABS|BS0|VT1|FF0|0x10000000, "
                + "c_cflag=B75|B57600<<IBSHIFT|CS6|CSTOPB|CMSPAR, c_lflag=, ...}", m.call(TCSETS, at, 0));
    }

    @Test
    void simpleArguments() {
        IoctlCalls m = new IoctlCalls();
        long ws = m.put(new byte[8]);
        m.fillAtExit(ws, IoctlCalls.le(8).putShort(0, (short) 24).putShort(2, (short) 80).array());
        assertEquals("TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}", m.call(TIOCGWINSZ, ws, 0));
        long flags = m.put(IoctlCalls.le(4).putInt(0, 0x6 | 0x10000).array());
        assertEquals("TIOCMBIS, [TIOCM_DTR|TIOCM_RTS|0x10000]", m.call(TIOCMBIS, flags, 0));
        assertEquals("TIOCNOTTY", m.call(TIOCNOTTY, 0, 0));
        assertEquals("TCXONC, TCOON", m.call(TCXONC, 1, 0));
        assertEquals("TCXONC, 0x7 /* TC??? */", m.call(TCXONC, 7, 0));
        long ch = m.put(new byte[] {'x'});
        assertEquals("TIOCSTI, \"x\"", m.call(TIOCSTI, ch, 0));
    }

    @Test
    void requestNames() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("_IOC(_IOC_READ, 0x78, 0x3, 0x4), 0x10", m.call(0x80047803L, 0x10, 0));
        assertEquals("_IOC(_IOC_NONE, 0x78, 0x3, 0), 0", m.call(0x7803L, 0, 0));
        assertEquals("_IOC(_IOC_READ|_IOC_WRITE, 0x78, 0x3, 0x4), 0", m.call(0xc0047803L, 0, 0));
        assertEquals("0xc0047803 /* _IOC(_IOC_READ|_IOC_WRITE, 0x78, 0x3, 0x4) */, 0",
                m.call(0xc0047803L, 0, 0, DecodeOptions.Xstyle.VERBOSE));
        assertEquals("EVIOCGBIT(EV_KEY, 8), NULL", m.call(0x80084521L, 0, 0));
        assertEquals("EVIOCGBIT(0x1f /* EV_??? */, 14), NULL", m.call(0x800e453fL, 0, 0));
        assertEquals("0x800e453f /* EVIOCGBIT(0x1f, 14) */, NULL", m.call(0x800e453fL, 0, 0, DecodeOptions.Xstyle.VERBOSE));
        assertEquals("MIXER_READ(13) or OTPSELECT", m.call(0x80044d0dL, 0, -9).replaceAll(", .*", ""));
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.IoctlRequests;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * ioctl requests by name (every name of a code, joined by " or ", as strace 6.1 prints them, or
 * {@code _IOC(dir, type, nr, size)}), and the arguments of the common tty and fd requests.
 */
final class IoctlDecoder {
    private IoctlDecoder() {}

    private enum Arg { NONE, INT_IN, INT_OUT, WINSIZE_IN, WINSIZE_OUT, DEC, HEX, FD, TCXONC, TCFLSH, CHAR }

    private static List<String> names(long req) {
        return IoctlRequests.names(req & 0xffffffffL);
    }

    private static final int IOC_WRITE = 1, IOC_READ = 2;

    /**
     * Requests that carry a number in their code, which strace names by family before the
     * table's names: {@code MIXER_WRITE(3) or MEMLOCK}. {@code showsSize}: the argument is the
     * code's size field, else its number.
     */
    private record Numbered(char type, int dir, int nrFrom, int nrTo, String name, boolean showsSize) {
        boolean matches(long code) {
            long nr = code & 0xff;
            return ((code >>> 8) & 0xff) == type && code >>> 30 == dir && nr >= nrFrom && nr <= nrTo;
        }
    }

    /** strace 6.1's ioctl.c: evdev, hiddev, OSS mixer, uinput, joystick and spidev numbers. */
    private static final List<Numbered> NUMBERED = List.of(
            new Numbered('E', IOC_READ, 0x06, 0x06, "EVIOCGNAME", true),
            new Numbered('E', IOC_READ, 0x07, 0x07, "EVIOCGPHYS", true),
            new Numbered('E', IOC_READ, 0x08, 0x08, "EVIOCGUNIQ", true),
            new Numbered('E', IOC_READ, 0x09, 0x09, "EVIOCGPROP", true),
            new Numbered('E', IOC_READ, 0x0a, 0x0a, "EVIOCGMTSLOTS", true),
            new Numbered('E', IOC_READ, 0x18, 0x18, "EVIOCGKEY", true),
            new Numbered('E', IOC_READ, 0x19, 0x19, "EVIOCGLED", true),
            new Numbered('E', IOC_READ, 0x1a, 0x1a, "EVIOCGSND", true),
            new Numbered('E', IOC_READ, 0x1b, 0x1b, "EVIOCGSW", true),
            new Numbered('H', IOC_READ, 0x04, 0x04, "HIDIOCGRAWNAME", true),
            new Numbered('H', IOC_READ, 0x05, 0x05, "HIDIOCGRAWPHYS", true),
            new Numbered('H', IOC_READ, 0x06, 0x06, "HIDIOCSFEATURE", true),
            new Numbered('H', IOC_READ, 0x08, 0x08, "HIDIOCGRAWUNIQ", true),
            new Numbered('H', IOC_READ, 0x12, 0x12, "HIDIOCGPHYS", true),
            new Numbered('H', IOC_READ | IOC_WRITE, 0x06, 0x06, "HIDIOCSFEATURE", true),
            new Numbered('H', IOC_READ | IOC_WRITE, 0x07, 0x07, "HIDIOCGFEATURE", true),
            new Numbered('M', IOC_WRITE, 0x00, 0xff, "MIXER_WRITE", false),
            new Numbered('M', IOC_READ, 0x00, 0xff, "MIXER_READ", false),
            new Numbered('U', IOC_READ, 0x2c, 0x2c, "UI_GET_SYSNAME", true),
            new Numbered('j', IOC_READ, 0x13, 0x13, "JSIOCGNAME", true),
            new Numbered('k', IOC_WRITE, 0x00, 0x00, "SPI_IOC_MESSAGE", true));

    static Value request(long req) {
        long code = req & 0xffffffffL;
        List<String> shown = new ArrayList<>(2);
        for (Numbered n : NUMBERED) {
            if (n.matches(code)) {
                shown.add(n.name() + "(" + (n.showsSize() ? (code >>> 16) & 0x3fff : code & 0xff) + ")");
                break;
            }
        }
        shown.addAll(names(code));
        if (!shown.isEmpty()) {
            return new Value.Sym(String.join(" or ", shown), code);
        }
        long dir = code >>> 30;
        Value dirValue = switch ((int) dir) {
            case 0 -> new Value.Sym("_IOC_NONE", 0);
            case 1 -> new Value.Sym("_IOC_WRITE", 1);
            case 2 -> new Value.Sym("_IOC_READ", 2);
            default -> new Value.Sym("_IOC_READ|_IOC_WRITE", 3);
        };
        return new Value.Call("_IOC", List.of(dirValue, Value.Num.hex((code >>> 8) & 0xff),
                Value.Num.hex(code & 0xff), Value.Num.hex((code >>> 16) & 0x3fff)));
    }

    /** How the argument of {@code req} is shown: by the first of its names that has a known argument. */
    private static Arg kind(long req) {
        for (String name : names(req)) {
            Arg a = kindOf(name);
            if (a != null) {
                return a;
            }
        }
        return Arg.HEX;
    }

    private static Arg kindOf(String name) {
        // The groups follow strace's term.c and file_ioctl.c.
        return switch (name) {
            case "FIOCLEX", "FIONCLEX", "TIOCNOTTY", "TIOCEXCL", "TIOCNXCL", "TIOCCBRK", "TIOCSBRK",
                 "TIOCCONS", "TIOCVHANGUP", "TIOCSSERIAL" -> Arg.NONE;
            case "FIONBIO", "FIOASYNC", "TIOCSPGRP", "TIOCSETD", "TIOCPKT", "TIOCSSOFTCAR",
                 "TIOCSPTLCK" -> Arg.INT_IN;
            case "FIONREAD", "TIOCGPGRP", "TIOCGSID", "TIOCOUTQ", "TIOCGETD", "TIOCGSOFTCAR", "TIOCGPTN",
                 "TIOCGEXCL", "TIOCGDEV" -> Arg.INT_OUT;
            case "TIOCGWINSZ" -> Arg.WINSIZE_OUT;
            case "TIOCSWINSZ" -> Arg.WINSIZE_IN;
            case "TCSBRK", "TCSBRKP", "TIOCSCTTY" -> Arg.DEC;
            case "TCXONC" -> Arg.TCXONC;
            case "TCFLSH" -> Arg.TCFLSH;
            case "TIOCSTI" -> Arg.CHAR;
            case "FICLONE" -> Arg.FD;
            default -> null;
        };
    }

    /** The termios requests, looked up once: TCGETS fills a struct termios, the others read one. */
    private static final class Termios {
        static final long GET = IoctlRequests.code("TCGETS").orElseThrow();
        static final long SET = IoctlRequests.code("TCSETS").orElseThrow();
        static final long SETW = IoctlRequests.code("TCSETSW").orElseThrow();
        static final long SETF = IoctlRequests.code("TCSETSF").orElseThrow();
    }

    /** TCSETS, TCSETSW, TCSETSF: a struct termios read at entry. */
    private static boolean termiosIn(long req) {
        long code = req & 0xffffffffL;
        return code == Termios.SET || code == Termios.SETW || code == Termios.SETF;
    }

    /** TCGETS: a struct termios filled by the call. */
    private static boolean termiosOut(long req) {
        return (req & 0xffffffffL) == Termios.GET;
    }

    /** The argument as printed at entry, or null when there is none or it is an output. */
    static Value entryArg(Call c, long arg) {
        long req = c.arg(1);
        if (termiosIn(req)) {
            Bytes b = Decode.struct(c, arg, IoctlTermios.SIZE);
            return b == null ? Decode.ptr(arg) : IoctlTermios.termios(b, c.options.verbose());
        }
        if (termiosOut(req)) {
            return null;
        }
        return switch (kind(req)) {
            case NONE, INT_OUT, WINSIZE_OUT -> null;
            case INT_IN -> intBox(c, arg);
            case WINSIZE_IN -> winsize(c, arg);
            case DEC -> Value.Num.dec((int) arg);
            case HEX -> Value.Num.hex(arg);
            case FD -> Decode.fd(c, (int) arg);
            case TCXONC -> Decode.sym("tcxonc_options", arg, Value.Radix.HEX, "TC???");
            case TCFLSH -> Decode.sym("tcflsh_options", arg, Value.Radix.HEX, "TC???");
            case CHAR -> Decode.buffer(c, arg, 1);
        };
    }

    /** An output argument at exit (the address when the call failed), or null. */
    static Value exitArg(Call c, long arg) {
        long req = c.arg(1);
        boolean out = termiosOut(req) || kind(req) == Arg.INT_OUT || kind(req) == Arg.WINSIZE_OUT;
        if (!out) {
            return null;
        }
        if (c.failed()) {
            return Decode.ptr(arg);
        }
        if (termiosOut(req)) {
            Bytes b = Decode.struct(c, arg, IoctlTermios.SIZE);
            return b == null ? Decode.ptr(arg) : IoctlTermios.termios(b, c.options.verbose());
        }
        return kind(req) == Arg.INT_OUT ? intBox(c, arg) : winsize(c, arg);
    }

    private static Value intBox(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, 4);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.dec(b.s32(0))), false);
    }

    private static Value winsize(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, 8);
        return b == null ? Decode.ptr(addr) : winsize(b);
    }

    static Value winsize(Bytes b) {
        return Decode.struct(field("ws_row", Value.Num.udec(b.u16(0))), field("ws_col", Value.Num.udec(b.u16(2))),
                field("ws_xpixel", Value.Num.udec(b.u16(4))), field("ws_ypixel", Value.Num.udec(b.u16(6))));
    }
}

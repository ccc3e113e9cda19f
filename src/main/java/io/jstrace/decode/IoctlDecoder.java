package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

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

    static Value request(long req) {
        long code = req & 0xffffffffL;
        List<String> names = new ArrayList<>();
        for (Xlat.Entry e : Xlat.of("ioctl_requests").entries()) {
            if (e.value() == code) {
                names.add(e.name());
            }
        }
        if (!names.isEmpty()) {
            return new Value.Sym(String.join(" or ", names), code);
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

    private static Arg kind(long req) {
        String name = Xlat.of("ioctl_requests").name(req & 0xffffffffL);
        if (name == null) {
            return Arg.HEX;
        }
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
            default -> Arg.HEX;
        };
    }

    /** TCSETS, TCSETSW, TCSETSF: a struct termios read at entry. */
    private static boolean termiosIn(long req) {
        long code = req & 0xffffffffL;
        Xlat t = Xlat.of("ioctl_requests");
        return code == t.value("TCSETS").orElse(-1) || code == t.value("TCSETSW").orElse(-1)
                || code == t.value("TCSETSF").orElse(-1);
    }

    /** TCGETS: a struct termios filled by the call. */
    private static boolean termiosOut(long req) {
        return (req & 0xffffffffL) == Xlat.of("ioctl_requests").value("TCGETS").orElse(-1);
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

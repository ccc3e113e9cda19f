package io.jstrace.decode.ioctl;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** Terminal requests (type 'T'), as strace's term.c decodes them. */
final class TermIoctls {
    private TermIoctls() {}

    private static IoctlArg.Reader termios(TermiosDecoder.Kind k) {
        return (c, addr) -> struct(k.layout, b -> TermiosDecoder.decode(k, b, c.options.verbose())).read(c, addr);
    }

    private static final IoctlArg.Reader WINSIZE = struct(TermiosDecoder.WINSIZE, TermiosDecoder::winsize);
    private static final IoctlArg.Reader MODEM = IoctlArg.intBox(v -> Decode.flags("modem_flags", v & 0xffffffffL, "TIOCM_???"));

    private static final RequestMap MAP = new RequestMap()
            .put(out(termios(TermiosDecoder.Kind.TERMIOS2)), "TCGETS2")
            .put(in(termios(TermiosDecoder.Kind.TERMIOS2)), "TCSETS2", "TCSETSW2", "TCSETSF2")
            .put(out(termios(TermiosDecoder.Kind.TERMIOS)), "TCGETS", "TIOCGLCKTRMIOS")
            .put(in(termios(TermiosDecoder.Kind.TERMIOS)), "TCSETS", "TCSETSW", "TCSETSF", "TIOCSLCKTRMIOS")
            .put(out(termios(TermiosDecoder.Kind.TERMIO)), "TCGETA")
            .put(in(termios(TermiosDecoder.Kind.TERMIO)), "TCSETA", "TCSETAW", "TCSETAF")
            .put(out(WINSIZE), "TIOCGWINSZ")
            .put(in(WINSIZE), "TIOCSWINSZ")
            .put(in((c, arg) -> Decode.sym("tcxonc_options", arg, Value.Radix.HEX, "TC???")), "TCXONC")
            .put(in((c, arg) -> Decode.sym("tcflsh_options", arg, Value.Radix.HEX, "TC???")), "TCFLSH")
            .put(in((c, arg) -> Value.Num.dec((int) arg)), "TCSBRK", "TCSBRKP", "TIOCSCTTY")
            .put(out(MODEM), "TIOCMGET")
            .put(in(MODEM), "TIOCMBIS", "TIOCMBIC", "TIOCMSET")
            .put(out(IoctlArg.INT), "TIOCGPGRP", "TIOCGSID", "TIOCGETD", "TIOCGSOFTCAR", "TIOCGPTN", "FIONREAD",
                    "TIOCOUTQ", "TIOCGEXCL", "TIOCGDEV")
            .put(in(IoctlArg.INT), "TIOCSPGRP", "TIOCSETD", "FIONBIO", "FIOASYNC", "TIOCPKT", "TIOCSSOFTCAR",
                    "TIOCSPTLCK")
            .put(in((c, arg) -> Decode.printstr(c, arg, 1, false)), "TIOCSTI")
            .put(IoctlArg.NONE, "TIOCSBRK", "TIOCCBRK", "TIOCCONS", "TIOCNOTTY", "TIOCEXCL", "TIOCNXCL", "FIOCLEX",
                    "FIONCLEX", "TIOCVHANGUP", "TIOCSSERIAL");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

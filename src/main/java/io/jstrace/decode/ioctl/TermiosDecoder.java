package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * struct termios, termios2 and termio as strace's term.c prints them: the four flag words
 * always, c_line, c_cc (and termios2's speeds) only with -v.
 */
final class TermiosDecoder {
    private TermiosDecoder() {}

    /** Which of the three structs, and its fields. */
    enum Kind {
        TERMIOS("termios"), TERMIOS2("termios2"), TERMIO("termio");

        final Layout layout;
        final Layout.Field iflag, oflag, cflag, lflag, line, cc;

        Kind(String layout) {
            this.layout = Layout.of(layout);
            iflag = this.layout.field("c_iflag");
            oflag = this.layout.field("c_oflag");
            cflag = this.layout.field("c_cflag");
            lflag = this.layout.field("c_lflag");
            line = this.layout.field("c_line");
            cc = this.layout.field("c_cc");
        }
    }

    private static final Layout.Field ISPEED = Kind.TERMIOS2.layout.field("c_ispeed"),
            OSPEED = Kind.TERMIOS2.layout.field("c_ospeed");
    private static final long CBAUD = 0x100f, CSIZE = 0x30, CIBAUD = 0x100f0000L;
    private static final int IBSHIFT = 16;

    static Value decode(Kind k, Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("c_iflag", Decode.flags("term_iflags", b.u(k.iflag), (String) null)));
        f.add(field("c_oflag", oflag(b.u(k.oflag))));
        f.add(field("c_cflag", cflag(b.u(k.cflag))));
        f.add(field("c_lflag", Decode.flags("term_lflags", b.u(k.lflag), (String) null)));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        f.add(field("c_line", Decode.sym("term_line_discs", b.u(k.line), Value.Radix.HEX, "N_???")));
        List<Value> cc = new ArrayList<>();
        Xlat names = Xlat.of("termios_cc");
        for (int i = 0; i < k.cc.size(); i++) {
            String name = names.name(i);
            // strace prints the index by name whatever -X says.
            Value index = name != null ? new Value.Name(name) : Value.Num.udec(i);
            cc.add(new Value.Indexed(index, Value.Num.hex(b.u8(k.cc.offset() + i))));
        }
        f.add(field("c_cc", new Value.Arr(cc, false)));
        if (k == Kind.TERMIOS2) {
            f.add(field("c_ispeed", Value.Num.udec(b.u(ISPEED))));
            f.add(field("c_ospeed", Value.Num.udec(b.u(OSPEED))));
        }
        return new Value.Struct(f, false);
    }

    /** Each delay field by its value's name (NL0, CR2, XTABS, ...), then the single-bit flags. */
    private static Value oflag(long v) {
        List<Value> parts = new ArrayList<>();
        long rest = v;
        for (Xlat.Entry mask : Xlat.of("term_oflags_dly_masks").entries()) {
            String field = mask.name().substring(0, mask.name().length() - "DLY".length());
            parts.add(Decode.sym("term_oflags_" + field.toLowerCase() + "dly", v & mask.value(), Value.Radix.HEX, field + "?"));
            rest &= ~mask.value();
        }
        parts.add(Decode.flags("term_oflags", rest, (String) null));
        return new Value.Or(parts);
    }

    /** Output speed, input speed if set ({@code B9600<<IBSHIFT}), character size, then the other bits. */
    private static Value cflag(long v) {
        List<Value> parts = new ArrayList<>();
        parts.add(Decode.sym("baud_options", v & CBAUD, Value.Radix.HEX, "B???"));
        if ((v & CIBAUD) != 0) {
            parts.add(new Value.Shift(Decode.sym("baud_options", (v & CIBAUD) >>> IBSHIFT, Value.Radix.HEX, "B???"),
                    new Value.Sym("IBSHIFT", IBSHIFT)));
        }
        parts.add(Decode.sym("term_cflags_csize", v & CSIZE, Value.Radix.HEX, "CS?"));
        parts.add(Decode.flags("term_cflags", v & ~(CBAUD | CIBAUD | CSIZE), (String) null));
        return new Value.Or(parts);
    }

    static final Layout WINSIZE = Layout.of("winsize");
    private static final Layout.Field WS_ROW = WINSIZE.field("ws_row"), WS_COL = WINSIZE.field("ws_col"),
            WS_XPIXEL = WINSIZE.field("ws_xpixel"), WS_YPIXEL = WINSIZE.field("ws_ypixel");

    static Value winsize(Bytes b) {
        return Decode.struct(field("ws_row", Value.Num.udec(b.u(WS_ROW))), field("ws_col", Value.Num.udec(b.u(WS_COL))),
                field("ws_xpixel", Value.Num.udec(b.u(WS_XPIXEL))), field("ws_ypixel", Value.Num.udec(b.u(WS_YPIXEL))));
    }
}

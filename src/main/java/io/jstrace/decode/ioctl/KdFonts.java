package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/** Console fonts and unicode maps (GIO/PIO_UNIMAP, GIO/PIO_FONTX, KDFONTOP), as strace's kd_mpers_ioctl.c prints them. */
final class KdFonts {
    private KdFonts() {}

    private static final Layout UNIMAPDESC = Layout.of("unimapdesc"), UNIPAIR = Layout.of("unipair"),
            FONTDESC = Layout.of("consolefontdesc"), FONT_OP_LAYOUT = Layout.of("console_font_op");
    private static final Layout.Field ENTRY_CT = UNIMAPDESC.field("entry_ct"), ENTRIES = UNIMAPDESC.field("entries");
    private static final Layout.Field CHARCOUNT = FONTDESC.field("charcount"), CHARHEIGHT = FONTDESC.field("charheight"),
            CHARDATA = FONTDESC.field("chardata");
    private static final Layout.Field OP = FONT_OP_LAYOUT.field("op"), FLAGS = FONT_OP_LAYOUT.field("flags"),
            WIDTH = FONT_OP_LAYOUT.field("width"), HEIGHT = FONT_OP_LAYOUT.field("height"),
            OP_CHARCOUNT = FONT_OP_LAYOUT.field("charcount"), DATA = FONT_OP_LAYOUT.field("data");
    private static final long ENOMEM = 12;
    /** The kernel's limits on a font: 512 characters of 32 rows, 32 pixels wide; a name of 32 bytes. */
    private static final long MAX_CHARS = 512, MAX_ROWS = 32, MAX_WIDTH = 32, MAX_FONT_NAME = 32;
    private static final Xlat OPS = Xlat.of("kd_font_ops");
    private static final long OP_SET = op("KD_FONT_OP_SET"), OP_GET = op("KD_FONT_OP_GET"),
            OP_SET_DEFAULT = op("KD_FONT_OP_SET_DEFAULT"), OP_COPY = op("KD_FONT_OP_COPY");

    private static long op(String name) {
        return OPS.value(name).orElseThrow();
    }

    private static Value entries(Call c, long addr, long count) {
        return IoArrays.array(c, addr, count, UNIPAIR.size(), b -> Decode.struct(
                field("unicode", Value.Num.hex(b.u(UNIPAIR.field("unicode")))),
                field("fontpos", Value.Num.hex(b.u(UNIPAIR.field("fontpos"))))));
    }

    private static Value unimapHead(Call c, long arg) {
        return IoctlArg.struct(UNIMAPDESC, b -> Decode.struct(field("entry_ct", Value.Num.udec(b.u(ENTRY_CT))))).read(c, arg);
    }

    static final IoctlArg UNIMAP_SET = IoctlArg.in((c, arg) -> IoctlArg.struct(UNIMAPDESC, b -> Decode.struct(
            field("entry_ct", Value.Num.udec(b.u(ENTRY_CT))), field("entries", entries(c, b.u(ENTRIES), b.u(ENTRY_CT)))))
            .read(c, arg));

    /**
     * GIO_UNIMAP: the room given {@code =>} the entries there are, then as many entries as there
     * was room for; only the pointer when the call failed for another reason than lack of room.
     */
    static final IoctlArg UNIMAP_GET = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return unimapHead(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            Bytes b = atEntry instanceof Value.Struct ? Decode.struct(c, arg, UNIMAPDESC.size()) : null;
            if (b == null) {
                return atEntry;
            }
            Value room = ((Value.Struct) atEntry).fields().getFirst().value();
            Value count = new Value.Changed(room, Value.Num.udec(b.u(ENTRY_CT)));
            Value list = c.failed() && c.ret() != -ENOMEM ? Decode.ptr(b.u(ENTRIES))
                    : entries(c, b.u(ENTRIES), ((Value.Num) room).value());
            return Decode.struct(field("entry_ct", count), field("entries", list));
        }
    };

    /** struct consolefontdesc; the font's bits, or (a font to be filled in) only their address. */
    private static IoctlArg.Reader fontDesc(boolean pointerOnly) {
        return (c, addr) -> IoctlArg.struct(FONTDESC, b -> Decode.struct(field("charcount", Value.Num.udec(b.u(CHARCOUNT))),
                field("charheight", Value.Num.udec(b.u(CHARHEIGHT))), field("chardata", pointerOnly ? Decode.ptr(b.u(CHARDATA))
                        : Decode.printstr(c, b.u(CHARDATA), Math.min(b.u(CHARCOUNT), MAX_CHARS) * MAX_ROWS, true)))).read(c, addr);
    }

    private static IoctlArg.Reader orNothing(IoctlArg.Reader r) {
        return (c, addr) -> r.read(c, addr) instanceof Value.Struct s ? s : null;
    }

    static final IoctlArg FONTX_SET = IoctlArg.in(fontDesc(false));
    static final IoctlArg FONTX_GET = IoctlArg.inOut(fontDesc(true), orNothing(fontDesc(false)));

    /** struct console_font_op as given ({@code given}) or as returned: the members its op uses. */
    private static Value fontOp(Call c, Bytes b, boolean given) {
        long op = b.u(OP);
        boolean noFont = op == OP_SET_DEFAULT || op == OP_COPY;
        List<Value.Field> f = new ArrayList<>();
        if (given) {
            f.add(field("op", Decode.sym("kd_font_ops", op, Value.Radix.HEX, "KD_FONT_OP_???")));
            if (!noFont) {
                f.add(field("flags", Decode.flags("kd_font_flags", b.u(FLAGS), "KD_FONT_FLAG_???")));
            }
        }
        if (op != OP_COPY) {
            f.add(field("width", Value.Num.udec(b.u(WIDTH))));
        }
        f.add(field("height", Value.Num.udec(b.u(HEIGHT))));
        if (!noFont) {
            f.add(field("charcount", Value.Num.udec(b.u(OP_CHARCOUNT))));
        }
        long data = b.u(DATA);
        if (op == OP_SET || op == OP_GET && !given) {
            long bytes = (Math.min(b.u(WIDTH), MAX_WIDTH) + 7) / 8 * MAX_ROWS * Math.min(b.u(OP_CHARCOUNT), MAX_CHARS);
            f.add(field("data", Decode.printstr(c, data, bytes, true)));
        } else if (op == OP_SET_DEFAULT) {
            if (given) {
                f.add(field("data", Decode.cstringIn(c, data, MAX_FONT_NAME, true)));
            }
        } else if (op != OP_COPY) {
            f.add(field("data", Decode.ptr(data)));
        }
        return new Value.Struct(f, false);
    }

    /** KDFONTOP: the operation as given, and (but for a set or a copy) {@code =>} what it returned. */
    static final IoctlArg FONT_OP = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return IoctlArg.struct(FONT_OP_LAYOUT, b -> fontOp(c, b, true)).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            Bytes b = c.failed() || !(atEntry instanceof Value.Struct) ? null : Decode.struct(c, arg, FONT_OP_LAYOUT.size());
            if (b == null || b.u(OP) == OP_SET || b.u(OP) == OP_COPY) {
                return atEntry;
            }
            return new Value.Changed(atEntry, fontOp(c, b, false));
        }
    };
}

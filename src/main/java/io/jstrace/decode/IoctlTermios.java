package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * The kernel's struct termios (x86_64: four 32-bit flag words, c_line, 19 c_cc bytes) as strace's
 * term.c prints it: the flag words always, c_line and c_cc only with -v.
 */
final class IoctlTermios {
    private IoctlTermios() {}

    static final int SIZE = 36;
    private static final int NCCS = 19;
    private static final long CBAUD = 0x100f, CSIZE = 0x30, CIBAUD = 0x100f0000L;
    private static final int IBSHIFT = 16;

    static Value termios(Bytes b, boolean verbose) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("c_iflag", Decode.flags("term_iflags", b.u32(0))));
        f.add(field("c_oflag", oflag(b.u32(4))));
        f.add(field("c_cflag", cflag(b.u32(8))));
        f.add(field("c_lflag", Decode.flags("term_lflags", b.u32(12))));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        f.add(field("c_line", Decode.sym("term_line_discs", b.u8(16), Value.Radix.HEX, "N_???")));
        List<Value> cc = new ArrayList<>();
        for (int i = 0; i < NCCS; i++) {
            String name = Xlat.of("termios_cc").name(i);
            Value index = name != null ? new Value.Sym(name, i) : Value.Num.udec(i);
            cc.add(new Value.Indexed(index, Value.Num.hex(b.u8(17 + i))));
        }
        f.add(field("c_cc", new Value.Arr(cc, false)));
        return new Value.Struct(f, false);
    }

    /** Each delay field by its value name (NL0, CR0, ...), then the single-bit flags. */
    private static Value oflag(long v) {
        List<String> names = new ArrayList<>();
        long rest = v;
        for (Xlat.Entry mask : Xlat.of("term_oflags_delays").entries()) {
            if (mask.name().endsWith("DLY")) {
                names.add(fieldName(mask, v & mask.value()));
                rest &= ~mask.value();
            }
        }
        return join(names, rest, "term_oflags");
    }

    /** The name of {@code value} among the entries that follow {@code mask} in the delays table. */
    private static String fieldName(Xlat.Entry mask, long value) {
        List<Xlat.Entry> all = Xlat.of("term_oflags_delays").entries();
        for (int i = all.indexOf(mask) + 1; i < all.size() && !all.get(i).name().endsWith("DLY"); i++) {
            if (all.get(i).value() == value) {
                return all.get(i).name();
            }
        }
        String prefix = mask.name().substring(0, mask.name().length() - 3);
        return "0x" + Long.toHexString(value) + " /* " + prefix + "? */";
    }

    /** Output speed, input speed if set ({@code B9600<<IBSHIFT}), character size, then the other bits. */
    private static Value cflag(long v) {
        List<String> names = new ArrayList<>();
        names.add(symName("baud_options", v & CBAUD, "B???"));
        if ((v & CIBAUD) != 0) {
            names.add(symName("baud_options", (v & CIBAUD) >>> IBSHIFT, "B???") + "<<IBSHIFT");
        }
        names.add(symName("term_cflags_csize", v & CSIZE, "CS?"));
        return join(names, v & ~(CBAUD | CIBAUD | CSIZE), "term_cflags");
    }

    private static String symName(String table, long v, String unknown) {
        String n = Xlat.of(table).name(v);
        return n != null ? n : "0x" + Long.toHexString(v) + " /* " + unknown + " */";
    }

    private static Value join(List<String> names, long rest, String table) {
        List<String> all = new ArrayList<>(names);
        Xlat.Flags f = Xlat.of(table).flags(rest);
        all.addAll(f.names());
        Value joined = new Value.Flags(all, f.rest(), Value.Radix.HEX, rest);
        // strace prints an empty remainder as "0" after the named fields.
        return f.names().isEmpty() && f.rest() == 0 ? new Value.Or(joined, Value.Num.hex(0)) : joined;
    }
}

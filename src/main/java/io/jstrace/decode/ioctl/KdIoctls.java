package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.decode.Siginfo;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** Console and keyboard requests (type 'K'), as strace's kd_ioctl.c prints them. */
final class KdIoctls {
    private KdIoctls() {}

    /** The PC speaker's timer frequency (the kernel's PIT_TICK_RATE, not in uapi). */
    private static final long PIT_TICK_RATE = 1193182;
    /** Ports KDADDIO and KDDELIO accept are relative to this one (the kernel's GPFIRST..GPLAST). */
    private static final long GPFIRST = 0x3b4, GPLAST = 0x3df;
    private static final Xlat LIMITS = Xlat.of("kd_limits");
    static final int E_TABSZ = limit("E_TABSZ");
    private static final int UNI_DIRECT_BASE = limit("UNI_DIRECT_BASE"), UNI_DIRECT_MASK = limit("UNI_DIRECT_MASK");
    private static final Layout UNIMAPINIT = Layout.of("unimapinit");
    /** The bytes of GIO_CMAP's colour map: 16 colours of three bytes. */
    private static final int CMAP_SIZE = 3 * 16;
    /** [GP]IO_FONT's font: 256 characters of 32 rows of 8 pixels. */
    private static final int FONT_SIZE = 8192;

    static int limit(String name) {
        return (int) LIMITS.value(name).orElseThrow();
    }

    /** A number with strace's comment, which -X raw leaves out. */
    private static Value explained(Value number, String comment) {
        return new Value.Explained(new Value.Styled(number, number, new Value.Note(comment)));
    }

    private static Value sound(long arg) {
        long freq = arg != 0 ? (PIT_TICK_RATE / arg) & 0xffffffffL : 0;
        return explained(Value.Num.udec(arg), freq != 0 ? freq + " Hz" : "off");
    }

    /** KDMKTONE: the duration in ticks in the top half, the timer count below. */
    private static Value tone(long arg) {
        long ticks = (arg >>> 16) & 0xffff, count = arg & 0xffff;
        long freq = ticks != 0 && count != 0 ? PIT_TICK_RATE / count : 0;
        Value v = ticks == 0 ? Value.Num.udec(count)
                : new Value.Or(new Value.Shift(Value.Num.udec(ticks), Value.Num.udec(16)), Value.Num.udec(count));
        return explained(v, freq != 0 ? freq + " Hz, " + ticks + " ms" : "off");
    }

    private static Value port(long arg) {
        return arg >= GPFIRST && arg <= GPLAST ? explained(Value.Num.hex(arg), "GPFIRST + " + (arg - GPFIRST))
                : Value.Num.hex(arg);
    }

    private static IoctlArg.Reader byteBox(String table, String unknown, boolean flags) {
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, 1);
            return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(flags ? Decode.flags(table, b.u8(0), unknown)
                    : Decode.sym(table, b.u8(0), Value.Radix.HEX, unknown)), false);
        };
    }

    /** A screen map entry: characters of the direct font region as UNI_DIRECT_BASE+n. */
    private static Value screenChar(Bytes b) {
        int v = b.u16(0);
        Value hex = Value.Num.hex(v);
        if ((v & ~UNI_DIRECT_MASK) != UNI_DIRECT_BASE) {
            return hex;
        }
        Value direct = new Value.Sum(new Value.Name("UNI_DIRECT_BASE"), Value.Num.hex(v & UNI_DIRECT_MASK));
        return new Value.Styled(hex, direct, direct);
    }

    private static final IoctlArg.Reader UNI_SCREEN_MAP = (c, addr) -> IoArrays.array(c, addr, E_TABSZ, Short.BYTES,
            KdIoctls::screenChar);

    private static final RequestMap MAP = new RequestMap()
            .put(in((c, arg) -> sound(arg)), "KIOCSOUND")
            .put(in((c, arg) -> tone(arg & 0xffffffffL)), "KDMKTONE")
            .put(out(byteBox("kd_led_flags", "LED_???", true)), "KDGETLED")
            .put(out(byteBox("kd_default_led_flags", "LED_???", true)), "KDGKBLED")
            .put(in((c, arg) -> Decode.flags("kd_led_flags", arg & 0xff, "LED_???")), "KDSETLED")
            .put(in((c, arg) -> Decode.flags("kd_default_led_flags", arg & 0xff, "LED_???")), "KDSKBLED")
            .put(out(byteBox("kd_kbd_types", "KB_???", false)), "KDGKBTYPE")
            .put(in((c, arg) -> port(arg)), "KDADDIO", "KDDELIO")
            .put(in((c, arg) -> Decode.sym("kd_modes", arg & 0xffffffffL, Value.Radix.HEX, "KD_???")), "KDSETMODE")
            .put(out(IoctlArg.intBox(v -> Decode.sym("kd_modes", v & 0xffffffffL, Value.Radix.HEX, "KD_???"))), "KDGETMODE")
            .put(out((c, addr) -> Decode.printstr(c, addr, E_TABSZ, true)), "GIO_SCRNMAP")
            .put(in((c, addr) -> Decode.printstr(c, addr, E_TABSZ, true)), "PIO_SCRNMAP")
            .put(out(UNI_SCREEN_MAP), "GIO_UNISCRNMAP")
            .put(in(UNI_SCREEN_MAP), "PIO_UNISCRNMAP")
            .put(out(IoctlArg.intBox(v -> Decode.sym("kd_kbd_modes", v, Value.Radix.DEC, "K_???", true))), "KDGKBMODE")
            .put(in((c, arg) -> Decode.sym("kd_kbd_modes", (int) arg, Value.Radix.DEC, "K_???", true)), "KDSKBMODE")
            .put(KdKeyboard.ENTRY_GET, "KDGKBENT")
            .put(KdKeyboard.ENTRY_SET, "KDSKBENT")
            .put(KdKeyboard.STRING_GET, "KDGKBSENT")
            .put(KdKeyboard.STRING_SET, "KDSKBSENT")
            .put(out(KdKeyboard.DIACRS), "KDGKBDIACR")
            .put(in(KdKeyboard.DIACRS), "KDSKBDIACR")
            .put(out(KdKeyboard.DIACRS_UC), "KDGKBDIACRUC")
            .put(in(KdKeyboard.DIACRS_UC), "KDSKBDIACRUC")
            .put(KdKeyboard.KEYCODE_GET, "KDGETKEYCODE")
            .put(KdKeyboard.KEYCODE_SET, "KDSETKEYCODE")
            .put(in((c, arg) -> arg >= 0 && arg < Integer.MAX_VALUE ? Siginfo.signal((int) arg) : Value.Num.udec(arg)),
                    "KDSIGACCEPT")
            .put(KdKeyboard.REPEAT, "KDKBDREP")
            .put(out((c, addr) -> Decode.printstr(c, addr, FONT_SIZE, true)), "GIO_FONT")
            .put(in((c, addr) -> Decode.printstr(c, addr, FONT_SIZE, true)), "PIO_FONT")
            .put(out(IoctlArg.intBox(v -> Decode.sym("kd_meta_vals", v & 0xffffffffL, Value.Radix.HEX, "K_???"))), "KDGKBMETA")
            .put(in((c, arg) -> Decode.sym("kd_meta_vals", arg & 0xffffffffL, Value.Radix.HEX, "K_???")), "KDSKBMETA")
            .put(in(IoctlArg.struct(UNIMAPINIT, b -> Decode.struct(
                    field("advised_hashsize", Value.Num.udec(b.u(UNIMAPINIT.field("advised_hashsize")))),
                    field("advised_hashstep", Value.Num.udec(b.u(UNIMAPINIT.field("advised_hashstep")))),
                    field("advised_hashlevel", Value.Num.udec(b.u(UNIMAPINIT.field("advised_hashlevel"))))))), "PIO_UNIMAPCLR")
            .put(out((c, addr) -> Decode.printstr(c, addr, CMAP_SIZE, true)), "GIO_CMAP")
            .put(in((c, addr) -> Decode.printstr(c, addr, CMAP_SIZE, true)), "PIO_CMAP")
            .put(IoctlArg.NONE, "KDENABIO", "KDDISABIO", "KDMAPDISP", "KDUNMAPDISP", "PIO_FONTRESET")
            .put(KdFonts.UNIMAP_GET, "GIO_UNIMAP")
            .put(KdFonts.UNIMAP_SET, "PIO_UNIMAP")
            .put(KdFonts.FONTX_GET, "GIO_FONTX")
            .put(KdFonts.FONTX_SET, "PIO_FONTX")
            .put(KdFonts.FONT_OP, "KDFONTOP");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

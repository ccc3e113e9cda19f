package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.IoctlRequests;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static java.util.Map.entry;

/**
 * Input device requests (type 'E'), as strace's evdev.c decodes them: requests that read are
 * shown at exit, those that write at entry; several carry a code or a size in the request.
 */
final class EvdevIoctls {
    private EvdevIoctls() {}

    private static final Layout ABSINFO = Layout.of("input_absinfo"), KEYMAP = Layout.of("input_keymap_entry"),
            ID = Layout.of("input_id");
    private static final Layout.Field VALUE = ABSINFO.field("value"), MINIMUM = ABSINFO.field("minimum"),
            MAXIMUM = ABSINFO.field("maximum"), FUZZ = ABSINFO.field("fuzz"), FLAT = ABSINFO.field("flat"),
            RESOLUTION = ABSINFO.field("resolution");
    private static final Layout.Field KM_FLAGS = KEYMAP.field("flags"), KM_LEN = KEYMAP.field("len"),
            KM_INDEX = KEYMAP.field("index"), KM_KEYCODE = KEYMAP.field("keycode"), KM_SCANCODE = KEYMAP.field("scancode");
    private static final String[] ID_FIELDS = {"bustype", "vendor", "product", "version"};
    private static final int NR_MTSLOTS = 0x0a, NR_NAME = 0x06, NR_PHYS = 0x07, NR_UNIQ = 0x08, NR_PROP = 0x09,
            NR_KEY = 0x18, NR_LED = 0x19, NR_SND = 0x1a, NR_SW = 0x1b, NR_BIT = 0x20, NR_GABS = 0x40, NR_SABS = 0xc0;
    private static final Xlat MAXES = Xlat.of("evdev_bitset_max");
    private static final int EV_MAX = (int) max("EV_MAX"), ABS_MAX = (int) max("ABS_MAX");

    private static long max(String name) {
        return MAXES.value(name).orElseThrow();
    }

    /** A bit set's names, its highest bit and strace's default for a bit without a name. */
    private record Bits(String table, long max, String unknown) {}

    private static Bits bits(String table, String max, String unknown) {
        return new Bits(table, max(max), unknown);
    }

    /** EVIOCGBIT's sets by event type; type 0 is the set of event types. */
    private static final Map<Integer, Bits> BY_EVENT_TYPE = Map.ofEntries(
            entry(0, bits("evdev_ev", "EV_MAX", "EV_???")), entry(1, bits("evdev_keycode", "KEY_MAX", "KEY_???")),
            entry(2, bits("evdev_relative_axes", "REL_MAX", "REL_???")), entry(3, bits("evdev_abs", "ABS_MAX", "ABS_???")),
            entry(4, bits("evdev_misc", "MSC_MAX", "MSC_???")), entry(5, bits("evdev_switch", "SW_MAX", "SW_???")),
            entry(0x11, bits("evdev_leds", "LED_MAX", "LED_???")), entry(0x12, bits("evdev_snd", "SND_MAX", "SND_???")),
            entry(0x14, bits("evdev_autorepeat", "REP_MAX", "REP_???")), entry(0x15, bits("evdev_ff_types", "FF_MAX", "FF_???")),
            entry(0x17, bits("evdev_ff_status", "FF_STATUS_MAX", "FF_STATUS_???")));
    private static final int EV_PWR = 0x16;

    /**
     * strace's decode_bitset: the bits set (at most four without -v), each by name, and under
     * -X raw the words read; as many bytes as the call returned, up to the set's size.
     */
    private static IoctlArg.Reader bitset(Bits set) {
        return (c, addr) -> {
            long bits = c.ret() > set.max() / 8 ? set.max() : c.ret() * 8;
            int size = (int) ((bits + 63) / 64 * 8);
            Bytes b = size == 0 ? null : Decode.struct(c, addr, size);
            if (b == null) {
                return Decode.ptr(addr);
            }
            List<Value> names = new ArrayList<>();
            Xlat table = Xlat.of(set.table());
            for (int i = 0; i < bits; i++) {
                if ((b.u8(i / 8) >> (i % 8) & 1) == 0) {
                    continue;
                }
                if (!c.options.verbose() && names.size() >= 4) {
                    names.add(Value.ELLIPSIS);
                    break;
                }
                String name = table.name(i);
                names.add(name == null ? new Value.Unknown(i, Value.Radix.HEX, set.unknown())
                        : new Value.Decoded(i, Value.Radix.HEX, new Value.Sym(name, i), true));
            }
            List<Value> words = new ArrayList<>();
            for (int w = 0; w < size / 8; w++) {
                words.add(Value.Num.hex(b.s64(w * 8)));
            }
            return new Value.WithRaw(new Value.BitSet(names, false), new Value.Arr(words, false), true);
        };
    }

    /** struct input_absinfo, as much of it as the request's size says. */
    private static IoctlArg.Reader absinfo(long code) {
        int size = IoctlRequest.size(code);
        return (c, addr) -> {
            int origSize = FLAT.offset() + FLAT.size(), resSize = RESOLUTION.offset() + RESOLUTION.size();
            Bytes b = size < origSize ? null : Decode.struct(c, addr, Math.min(size, ABSINFO.size()));
            if (b == null) {
                return Decode.ptr(addr);
            }
            List<Value.Field> f = new ArrayList<>(List.of(field("value", Value.Num.udec(b.u(VALUE))),
                    field("minimum", Value.Num.udec(b.u(MINIMUM)))));
            if (!c.options.verbose()) {
                return new Value.Struct(f, true);
            }
            f.add(field("maximum", Value.Num.udec(b.u(MAXIMUM))));
            f.add(field("fuzz", Value.Num.udec(b.u(FUZZ))));
            f.add(field("flat", Value.Num.udec(b.u(FLAT))));
            if (size >= resSize) {
                f.add(field("resolution", Value.Num.udec(b.u(RESOLUTION))));
            }
            return new Value.Struct(f, size > origSize && size != resSize);
        };
    }

    private static Value keycode(long v) {
        return Decode.sym("evdev_keycode", v, Value.Radix.HEX, "KEY_???");
    }

    /** [scancode, KEY_...]: EVIOCGKEYCODE and EVIOCSKEYCODE. */
    private static final IoctlArg.Reader KEYCODE = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, 2 * Integer.BYTES);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.udec(b.u32(0)), keycode(b.u32(4))), false);
    };

    /** [delay, period]: EVIOCGREP and EVIOCSREP (strace's printpair_int). */
    private static final IoctlArg.Reader REPEAT = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, 2 * Integer.BYTES);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.udec(b.u32(0)), Value.Num.udec(b.u32(4))), false);
    };

    private static final IoctlArg.Reader KEYMAP_ENTRY = (c, addr) -> struct(KEYMAP, b -> {
        List<Value.Field> f = new ArrayList<>(List.of(field("flags", Value.Num.udec(b.u(KM_FLAGS))),
                field("len", Value.Num.udec(b.u(KM_LEN)))));
        if (!c.options.verbose()) {
            return new Value.Struct(f, true);
        }
        f.add(field("index", Value.Num.udec(b.u(KM_INDEX))));
        f.add(field("keycode", keycode(b.u(KM_KEYCODE))));
        f.add(field("scancode", StructFields.xints(c, b, KM_SCANCODE, 1, -1)));
        return new Value.Struct(f, false);
    }).read(c, addr);

    private static Value inputId(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        for (String name : ID_FIELDS) {
            f.add(field(name, Value.Num.udec(b.u(ID.field(name)))));
        }
        return new Value.Struct(f, false);
    }

    /** EVIOCGMTSLOTS: the axis code, then the values of as many slots as the size leaves room for. */
    private static IoctlArg.Reader mtslots(long code) {
        int count = IoctlRequest.size(code) / Integer.BYTES;
        return (c, addr) -> {
            Bytes b = count == 0 ? null : Decode.struct(c, addr, Integer.BYTES);
            if (b == null) {
                return Decode.ptr(addr);
            }
            return Decode.struct(field("code", Decode.sym("evdev_mtslots", b.u32(0), Value.Radix.HEX, "ABS_MT_???")),
                    field("values", IoArrays.array(c, addr + Integer.BYTES, count - 1, Integer.BYTES, v -> Value.Num.dec(v.s32(0)))));
        };
    }

    private static final IoctlArg.Reader NAME = (c, addr) -> Decode.printstr(c, addr, c.ret(), false);
    private static final IoctlArg ADDRESS = in((c, arg) -> Decode.ptr(arg));

    private static final Map<Long, IoctlArg> FIXED = Map.ofEntries(
            fixed("EVIOCGVERSION", out(IoctlArg.intBox(v -> Value.Num.hex(v & 0xffffffffL)))),
            fixed("EVIOCGEFFECTS", out(IoctlArg.intBox(v -> Value.Num.udec(v & 0xffffffffL)))),
            fixed("EVIOCGID", out(struct(ID, EvdevIoctls::inputId))),
            fixed("EVIOCGREP", out(REPEAT)),
            fixed("EVIOCGKEYCODE", out(KEYCODE)),
            fixed("EVIOCGKEYCODE_V2", out(KEYMAP_ENTRY)),
            fixed("EVIOCSREP", in(REPEAT)),
            fixed("EVIOCSKEYCODE", in(KEYCODE)),
            fixed("EVIOCSKEYCODE_V2", in(KEYMAP_ENTRY)),
            fixed("EVIOCRMFF", in((c, arg) -> Value.Num.dec((int) arg))),
            fixed("EVIOCGRAB", in((c, arg) -> Value.Num.udec(arg))),
            fixed("EVIOCREVOKE", in((c, arg) -> Value.Num.udec(arg))),
            fixed("EVIOCSCLOCKID", in(IoctlArg.intBox(v -> Value.Num.udec(v & 0xffffffffL)))),
            fixed("EVIOCSFF", in((c, addr) -> struct(EvdevFfEffect.EFFECT, b -> EvdevFfEffect.effect(b, c.options.verbose()))
                    .read(c, addr))));

    private static Map.Entry<Long, IoctlArg> fixed(String name, IoctlArg arg) {
        return entry(IoctlRequests.code(name).orElseThrow(), arg);
    }

    static IoctlArg arg(long code) {
        IoctlArg fixed = FIXED.get(code);
        if (fixed != null) {
            return fixed;
        }
        int nr = IoctlRequest.nr(code);
        return switch (IoctlRequest.dir(code)) {
            case IoctlRequest.IOC_READ -> out(reader(code, nr));
            case IoctlRequest.IOC_WRITE -> (nr & ~ABS_MAX) == NR_SABS ? in(absinfo(code)) : ADDRESS;
            default -> null;
        };
    }

    /** What a request that reads shows, by the number in its code. */
    private static IoctlArg.Reader reader(long code, int nr) {
        return switch (nr) {
            case NR_MTSLOTS -> mtslots(code);
            case NR_NAME, NR_PHYS, NR_UNIQ -> NAME;
            case NR_PROP -> bitset(bits("evdev_prop", "INPUT_PROP_MAX", "PROP_???"));
            case NR_SND -> bitset(BY_EVENT_TYPE.get(0x12));
            case NR_SW -> bitset(BY_EVENT_TYPE.get(5));
            case NR_KEY -> bitset(BY_EVENT_TYPE.get(1));
            case NR_LED -> bitset(BY_EVENT_TYPE.get(0x11));
            default -> {
                if ((nr & ~ABS_MAX) == NR_GABS) {
                    yield absinfo(code);
                }
                if ((nr & ~EV_MAX) == NR_BIT) {
                    int type = nr & EV_MAX;
                    Bits set = BY_EVENT_TYPE.get(type);
                    yield set != null ? bitset(set) : type == EV_PWR ? IoctlArg.INT : (c, addr) -> Decode.ptr(addr);
                }
                yield (c, addr) -> Decode.ptr(addr);
            }
        };
    }
}

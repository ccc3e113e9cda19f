package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.jstrace.decode.Decode.field;
import static java.util.Map.entry;

/** The keyboard's tables (entries, strings, diacriticals, keycodes, repeat rate), as strace's kd_ioctl.c prints them. */
final class KdKeyboard {
    private KdKeyboard() {}

    private static final Layout KBENTRY = Layout.of("kbentry"), KBSENTRY = Layout.of("kbsentry"),
            DIACRS_LAYOUT = Layout.of("kbdiacrs"), DIACR = Layout.of("kbdiacr"), DIACRS_UC_LAYOUT = Layout.of("kbdiacrsuc"),
            DIACR_UC = Layout.of("kbdiacruc"), KEYCODE = Layout.of("kbkeycode"), KBD_REPEAT = Layout.of("kbd_repeat");
    private static final Layout.Field KB_TABLE = KBENTRY.field("kb_table"), KB_INDEX = KBENTRY.field("kb_index"),
            KB_VALUE = KBENTRY.field("kb_value");
    private static final Layout.Field KB_FUNC = KBSENTRY.field("kb_func"), KB_STRING = KBSENTRY.field("kb_string");
    private static final Layout.Field SCANCODE = KEYCODE.field("scancode"), KEY = KEYCODE.field("keycode");
    private static final int MAX_DIACR = KdIoctls.limit("MAX_DIACR");
    private static final Xlat KEY_TYPES = Xlat.of("kd_key_types");

    /** The names of key values by key type (KTYP of the value), for the types strace has tables for. */
    private static final Map<String, String> TABLES_BY_TYPE = Map.ofEntries(
            entry("KT_FN", "kd_key_fn_keys"), entry("KT_SPEC", "kd_key_spec_keys"), entry("KT_PAD", "kd_key_pad_keys"),
            entry("KT_DEAD", "kd_key_dead_keys"), entry("KT_CUR", "kd_key_cur_keys"), entry("KT_SHIFT", "kd_key_shift_keys"),
            entry("KT_ASCII", "kd_key_ascii_keys"), entry("KT_LOCK", "kd_key_lock_keys"),
            entry("KT_SLOCK", "kd_key_slock_keys"), entry("KT_BRL", "kd_key_brl_keys"));
    /** Key types whose value is a character. */
    private static final List<String> CHARACTER_TYPES = List.of("KT_LATIN", "KT_META", "KT_LETTER", "KT_DEAD2");

    /**
     * The table and index of a struct kbentry; the address when they cannot be read. strace reads
     * a kbentry with plain umove, so it shows even under -e verbose=none.
     */
    private static Value entryHead(Call c, long arg) {
        Bytes b = Decode.structAsIs(c, arg, KB_INDEX.offset() + KB_INDEX.size());
        if (b == null) {
            return Decode.ptr(arg);
        }
        long table = b.u(KB_TABLE);
        String name = Xlat.of("kd_key_tables").name(table);
        Value t = name != null ? new Value.Sym(name, table) : Xvals.bitFlags("kd_keymap_flags", table, "1<<", "K_???");
        return Decode.struct(field("kb_table", t), field("kb_index", Value.Num.udec(b.u(KB_INDEX))));
    }

    /** kb_value, with what it means in a comment: a key's name, or K(type, value). */
    private static Value.Field entryValue(Call c, long arg) {
        Bytes b = Decode.structAsIs(c, arg + KB_VALUE.offset(), KB_VALUE.size());
        if (b == null) {
            return field("kb_value", new Value.Note("???"));
        }
        int v = b.u16(0), type = v >> 8, value = v & 0xff;
        String typeName = KEY_TYPES.name(type);
        String table = typeName == null ? null : TABLES_BY_TYPE.get(typeName);
        boolean character = typeName != null && CHARACTER_TYPES.contains(typeName);
        String name = table == null ? null : Xlat.of(table).name(v);
        Value meaning = name != null ? new Value.Sym(name, v) : new Value.Call("K", List.of(
                typeName != null ? new Value.Sym(typeName, type) : Value.Num.hex(type),
                character ? new Value.Char(value, true) : Value.Num.hex(value)));
        Value hex = Value.Num.hex(v);
        return field("kb_value", new Value.Explained(new Value.Styled(hex, hex, meaning)));
    }

    /** The field a request is about, after its struct's head. */
    private interface FieldReader {
        Value.Field read(Call c, long arg);
    }

    /** KDS*: the head (its address when unreadable) and the field, both given at entry. */
    private static IoctlArg set(IoctlArg.Reader head, FieldReader rest) {
        return IoctlArg.in((c, arg) -> {
            Value h = head.read(c, arg);
            return h instanceof Value.Struct s ? IoctlArg.plus(s, List.of(rest.read(c, arg))) : h;
        });
    }

    /** KDG*: the head at entry; the field the call filled in at exit, when it succeeded. */
    private static IoctlArg get(IoctlArg.Reader head, FieldReader rest) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return head.read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                return atEntry instanceof Value.Struct s && !c.failed() ? IoctlArg.plus(s, List.of(rest.read(c, arg))) : atEntry;
            }
        };
    }

    static final IoctlArg ENTRY_SET = set(KdKeyboard::entryHead, KdKeyboard::entryValue);
    static final IoctlArg ENTRY_GET = get(KdKeyboard::entryHead, KdKeyboard::entryValue);

    private static Value stringHead(Call c, long arg) {
        Bytes b = Decode.struct(c, arg, KB_FUNC.size());
        return b == null ? Decode.ptr(arg) : Decode.struct(field("kb_func",
                Decode.sym("kd_key_fn_key_vals", b.u(KB_FUNC), Value.Radix.HEX, "KVAL(K_???)")));
    }

    /**
     * kb_string: up to its NUL, cut at -s bytes; strace shows a string of exactly -s bytes as cut
     * too, and all 512 bytes when none is a NUL.
     */
    private static Value.Field string(Call c, long arg) {
        byte[] b = c.memory.read(c.tid, arg + KB_STRING.offset(), KB_STRING.size());
        int nul = -1;
        for (int i = 0; b != null && i < b.length && nul < 0; i++) {
            nul = b[i] == 0 ? i : -1;
        }
        if (nul < 0 && (b == null || b.length < KB_STRING.size())) {
            return field("kb_string", new Value.Note("???"));
        }
        int size = Math.min(c.options.stringLimit(), nul >= 0 ? nul + 1 : KB_STRING.size());
        boolean trailingNul = nul >= 0 && nul == size - 1;
        return field("kb_string", new Value.Str(Arrays.copyOf(b, trailingNul ? nul : size), !trailingNul));
    }

    static final IoctlArg STRING_SET = set(KdKeyboard::stringHead, KdKeyboard::string);
    static final IoctlArg STRING_GET = get(KdKeyboard::stringHead, KdKeyboard::string);

    /** struct kbdiacrs and kbdiacrsuc: the count, then that many entries (at most MAX_DIACR). */
    private static IoctlArg.Reader diacrs(Layout outer, String array, Layout element, IoArrays.Element show) {
        Layout.Field count = outer.field("kb_cnt"), entries = outer.field(array);
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, count.size());
            if (b == null) {
                return Decode.ptr(addr);
            }
            long n = b.u(count);
            Value items = IoArrays.array(c, addr + entries.offset(), Math.min(n, MAX_DIACR), element.size(), show);
            if (n > MAX_DIACR && items instanceof Value.Arr a && !a.truncated()) {
                items = new Value.Arr(a.items(), true);
            }
            return Decode.struct(field("kb_cnt", Value.Num.udec(n)), field(array, items));
        };
    }

    private static Value.Field charField(Bytes b, String name) {
        return field(name, new Value.Char(b.u8(DIACR.field(name).offset()), true));
    }

    static final IoctlArg.Reader DIACRS = diacrs(DIACRS_LAYOUT, "kbdiacr", DIACR,
            b -> Decode.struct(charField(b, "diacr"), charField(b, "base"), charField(b, "result")));
    static final IoctlArg.Reader DIACRS_UC = diacrs(DIACRS_UC_LAYOUT, "kbdiacruc", DIACR_UC,
            b -> Decode.struct(field("diacr", Value.Num.hex(b.u(DIACR_UC.field("diacr")))),
                    field("base", Value.Num.hex(b.u(DIACR_UC.field("base")))),
                    field("result", Value.Num.hex(b.u(DIACR_UC.field("result"))))));

    private static final IoctlArg.Reader KEYCODE_STRUCT = IoctlArg.struct(KEYCODE, b -> Decode.struct(
            field("scancode", Value.Num.hex(b.u(SCANCODE))), field("keycode", Value.Num.hex(b.u(KEY)))));

    static final IoctlArg KEYCODE_SET = IoctlArg.in(KEYCODE_STRUCT);

    /** KDGETKEYCODE: the scancode asked about; the keycode as given {@code =>} as returned. */
    static final IoctlArg KEYCODE_GET = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return KEYCODE_STRUCT.read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            Bytes b = c.failed() || !(atEntry instanceof Value.Struct s) ? null
                    : Decode.struct(c, arg + KEY.offset(), KEY.size());
            if (b == null) {
                return atEntry;
            }
            List<Value.Field> f = new ArrayList<>(((Value.Struct) atEntry).fields());
            Value.Field before = f.removeLast();
            f.add(field("keycode", new Value.Changed(before.value(), Value.Num.hex(b.u32(0)))));
            return new Value.Struct(f, false);
        }
    };

    private static final IoctlArg.Reader REPEAT_STRUCT = IoctlArg.struct(KBD_REPEAT, b -> Decode.struct(
            field("delay", Value.Num.dec(b.s(KBD_REPEAT.field("delay")))),
            field("period", Value.Num.dec(b.s(KBD_REPEAT.field("period"))))));

    /** KDKBDREP: the rate asked for {@code =>} the rate now (nothing more when that cannot be read). */
    static final IoctlArg REPEAT = IoctlArg.inOut(REPEAT_STRUCT,
            (c, addr) -> REPEAT_STRUCT.read(c, addr) instanceof Value.Struct s ? s : null);
}

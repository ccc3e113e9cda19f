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
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static io.jstrace.decode.ioctl.V4l2Ioctls.d;
import static io.jstrace.decode.ioctl.V4l2Ioctls.u;

/** v4l2 controls: ids, VIDIOC_[GS]_CTRL, the control queries and the extended controls (v4l2.c). */
final class V4l2Controls {
    private V4l2Controls() {}

    private static final Layout CONTROL = Layout.of("v4l2_control"), QUERYCTRL = Layout.of("v4l2_queryctrl"),
            QUERY_EXT = Layout.of("v4l2_query_ext_ctrl"), EXT_CONTROLS = Layout.of("v4l2_ext_controls"),
            EXT_CONTROL = Layout.of("v4l2_ext_control");
    private static final Xlat IDS = Xlat.of("v4l2_control_ids"), CLASSES = Xlat.of("v4l2_control_classes"),
            QUERY_FLAGS = Xlat.of("v4l2_control_query_flags");
    /** How far past its class's base a control id may be and still be shown relative to it. */
    private static final long CLASS_SPAN = 0x10000;

    /**
     * A control id: by name, as {@code CLASS+0xN} within a class, or unknown; a query's id may
     * carry V4L2_CTRL_FLAG_NEXT_* flags ({@code nextFlags}). One number under -X raw.
     */
    static Value cid(long id, boolean nextFlags) {
        long rest = id;
        List<Value> parts = new ArrayList<>(2);
        if (nextFlags) {
            long mask = 0;
            for (Xlat.Entry e : QUERY_FLAGS.entries()) {
                mask |= e.value();
            }
            if ((id & mask) != 0) {
                parts.add(Decode.flags("v4l2_control_query_flags", id & mask, "V4L2_CTRL_FLAG_NEXT_???"));
                rest &= ~mask;
            }
        }
        parts.add(idValue(rest));
        return new Value.WithRaw(parts.size() == 1 ? parts.getFirst() : new Value.Or(parts), Value.Num.hex(id), false);
    }

    private static Value idValue(long id) {
        String name = IDS.name(id);
        if (name != null) {
            return new Value.Sym(name, id);
        }
        Xlat.Entry klass = null;
        for (Xlat.Entry e : CLASSES.entries()) {
            if (e.value() <= id && (klass == null || e.value() > klass.value())) {
                klass = e;
            }
        }
        if (klass == null || id - klass.value() >= CLASS_SPAN) {
            return new Value.Unknown(id, Value.Radix.HEX, "V4L2_CID_???");
        }
        return new Value.Decoded(id, Value.Radix.HEX,
                new Value.Sum(new Value.Name(klass.name()), Value.Num.hex(id - klass.value())), true);
    }

    /** VIDIOC_G_CTRL and S_CTRL: the id, and the value after it (G) or as given {@code =>} as set (S). */
    private static IoctlArg control(boolean get) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return struct(CONTROL, b -> get ? Decode.struct(field("id", cid(b.u(CONTROL.field("id")), false)))
                        : Decode.struct(field("id", cid(b.u(CONTROL.field("id")), false)), d(b, CONTROL, "value"))).read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                Bytes b = c.failed() || !(atEntry instanceof Value.Struct) ? null : Decode.struct(c, arg, CONTROL.size());
                if (b == null) {
                    return atEntry;
                }
                Value.Struct s = (Value.Struct) atEntry;
                return get ? IoctlArg.plus(s, List.of(d(b, CONTROL, "value")))
                        : V4l2Ioctls.changed(s, "value", Value.Num.dec(b.s(CONTROL.field("value"))));
            }
        };
    }

    /** VIDIOC_QUERYCTRL and QUERY_EXT_CTRL: the id asked for ({@code =>} the one found, if another), then the control. */
    private static IoctlArg query(Layout l, boolean extended) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return struct(l, b -> Decode.struct(field("id", cid(b.u(l.field("id")), true)))).read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                Bytes b = c.failed() || !(atEntry instanceof Value.Struct) ? null : Decode.struct(c, arg, l.size());
                if (b == null) {
                    return atEntry;
                }
                Value.Struct s = (Value.Struct) atEntry;
                long id = b.u(l.field("id"));
                if (s.fields().getFirst().value() instanceof Value.WithRaw w && ((Value.Num) w.raw()).value() != id) {
                    s = V4l2Ioctls.changed(s, "id", cid(id, false));
                }
                List<Value.Field> f = new ArrayList<>(List.of(
                        field("type", Decode.sym("v4l2_control_types", b.u(l.field("type")), Value.Radix.HEX, "V4L2_CTRL_TYPE_???")),
                        field("name", StructFields.cstring(b, l.field("name")))));
                if (!c.options.verbose()) {
                    return new Value.Struct(IoctlArg.plus(s, f).fields(), true);
                }
                f.add(d(b, l, "minimum"));
                f.add(d(b, l, "maximum"));
                f.add(extended ? u(b, l, "step") : d(b, l, "step"));
                f.add(d(b, l, "default_value"));
                f.add(field("flags", Decode.flags("v4l2_control_flags", b.u(l.field("flags")), "V4L2_CTRL_FLAG_???")));
                if (extended) {
                    f.add(u(b, l, "elem_size"));
                    f.add(u(b, l, "elems"));
                    f.add(u(b, l, "nr_of_dims"));
                    f.add(field("dims", StructFields.uints(c, b, l.field("dims"), 4, b.u(l.field("nr_of_dims")))));
                }
                if (!StructFields.zero(b, l.field("reserved"))) {
                    f.add(field("reserved", StructFields.xints(c, b, l.field("reserved"), 4, -1)));
                }
                return IoctlArg.plus(s, f);
            }
        };
    }

    private static Value extControl(Call c, Bytes b) {
        long size = b.u(EXT_CONTROL.field("size"));
        Value.Field id = field("id", Decode.sym("v4l2_control_ids", b.u(EXT_CONTROL.field("id")), Value.Radix.HEX, "V4L2_CID_???"));
        if (size > 0) {
            return Decode.struct(id, u(b, EXT_CONTROL, "size"),
                    field("string", Decode.printstr(c, b.u(EXT_CONTROL.field("string")), size, false)));
        }
        return Decode.struct(id, u(b, EXT_CONTROL, "size"), d(b, EXT_CONTROL, "value"), d(b, EXT_CONTROL, "value64"));
    }

    private static Value controls(Call c, Bytes b) {
        return IoArrays.array(c, b.u(EXT_CONTROLS.field("controls")), b.u(EXT_CONTROLS.field("count")), EXT_CONTROL.size(),
                e -> extControl(c, e));
    }

    /** Whether strace's print_array printed all of an array (not NULL, no unreadable element). */
    private static boolean whole(Value v) {
        return v instanceof Value.Arr a
                && (a.items().isEmpty() || !(a.items().getLast() instanceof Value.Commented cm && cm.value() instanceof Value.Elided));
    }

    /**
     * VIDIOC_[GS]_EXT_CTRLS, TRY_EXT_CTRLS: the class and count, the controls given (S, TRY), and
     * at exit the controls after them (G) or {@code =>} as set, with error_idx when the call failed.
     */
    private static IoctlArg extControls(boolean get) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return struct(EXT_CONTROLS, b -> {
                    List<Value.Field> f = new ArrayList<>(List.of(field("ctrl_class", Decode.sym("v4l2_control_classes",
                            b.u(EXT_CONTROLS.field("ctrl_class")), Value.Radix.HEX, "V4L2_CTRL_CLASS_???")), u(b, EXT_CONTROLS, "count")));
                    if (!get && b.u(EXT_CONTROLS.field("count")) != 0) {
                        f.add(field("controls", controls(c, b)));
                    }
                    return new Value.Struct(f, false);
                }).read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                if (!(atEntry instanceof Value.Struct s) || ((Value.Num) s.fields().get(1).value()).value() == 0
                        || !get && !whole(s.fields().get(2).value())) {
                    return atEntry;
                }
                // strace reads them again even when the call failed: error_idx says which control did.
                Bytes b = Decode.struct(c, arg, EXT_CONTROLS.size());
                if (b == null) {
                    return atEntry;
                }
                List<Value.Field> f = new ArrayList<>(List.of(field("controls", controls(c, b))));
                if (c.failed()) {
                    f.add(u(b, EXT_CONTROLS, "error_idx"));
                }
                return get ? IoctlArg.plus(s, f) : new Value.Changed(s, new Value.Struct(f, false));
            }
        };
    }

    private static final RequestMap MAP = new RequestMap()
            .put(control(true), "VIDIOC_G_CTRL")
            .put(control(false), "VIDIOC_S_CTRL")
            .put(query(QUERYCTRL, false), "VIDIOC_QUERYCTRL")
            .put(query(QUERY_EXT, true), "VIDIOC_QUERY_EXT_CTRL")
            .put(extControls(true), "VIDIOC_G_EXT_CTRLS")
            .put(extControls(false), "VIDIOC_S_EXT_CTRLS", "VIDIOC_TRY_EXT_CTRLS");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

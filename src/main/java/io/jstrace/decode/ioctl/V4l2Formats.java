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

/**
 * struct v4l2_format's union and the small v4l2 types (rect, fraction, fourcc), as strace's
 * v4l2.c prints them.
 */
final class V4l2Formats {
    private V4l2Formats() {}

    static final Layout FORMAT = Layout.of("v4l2_format"), RECT = Layout.of("v4l2_rect"), FRACT = Layout.of("v4l2_fract");
    private static final Layout PIX = Layout.of("v4l2_pix_format"), PIX_MP = Layout.of("v4l2_pix_format_mplane"),
            PLANE = Layout.of("v4l2_plane_pix_format"), WIN = Layout.of("v4l2_window"), CLIP = Layout.of("v4l2_clip"),
            VBI = Layout.of("v4l2_vbi_format"), SLICED = Layout.of("v4l2_sliced_vbi_format"),
            SDR = Layout.of("v4l2_sdr_format"), META = Layout.of("v4l2_meta_format");
    static final Layout.Field FMT_TYPE = FORMAT.field("type"), FMT = FORMAT.field("fmt");
    private static final Xlat BUF_TYPES = Xlat.of("v4l2_buf_types");

    /** The union arm of each buffer type, by the type's name. */
    private enum Arm {
        PIX("pix", "V4L2_BUF_TYPE_VIDEO_CAPTURE", "V4L2_BUF_TYPE_VIDEO_OUTPUT"),
        PIX_MP("pix_mp", "V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE", "V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE"),
        WIN("win", "V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY", "V4L2_BUF_TYPE_VIDEO_OVERLAY"),
        VBI("vbi", "V4L2_BUF_TYPE_VBI_CAPTURE", "V4L2_BUF_TYPE_VBI_OUTPUT"),
        SLICED("sliced", "V4L2_BUF_TYPE_SLICED_VBI_CAPTURE", "V4L2_BUF_TYPE_SLICED_VBI_OUTPUT"),
        SDR("sdr", "V4L2_BUF_TYPE_SDR_OUTPUT", "V4L2_BUF_TYPE_SDR_CAPTURE"),
        META("meta", "V4L2_BUF_TYPE_META_OUTPUT", "V4L2_BUF_TYPE_META_CAPTURE");

        final String name;
        final long[] types;

        Arm(String name, String... types) {
            this.name = name;
            this.types = new long[types.length];
            for (int i = 0; i < types.length; i++) {
                this.types[i] = BUF_TYPES.value(types[i]).orElseThrow();
            }
        }

        static Arm of(long type) {
            for (Arm a : values()) {
                for (long t : a.types) {
                    if (t == type) {
                        return a;
                    }
                }
            }
            return null;
        }
    }

    static Value bufType(long v) {
        return Decode.sym("v4l2_buf_types", v & 0xffffffffL, Value.Radix.HEX, "V4L2_BUF_TYPE_???");
    }

    static Value rect(Bytes b) {
        return Decode.struct(field("left", Value.Num.dec(b.s(RECT.field("left")))), field("top", Value.Num.dec(b.s(RECT.field("top")))),
                field("width", Value.Num.udec(b.u(RECT.field("width")))), field("height", Value.Num.udec(b.u(RECT.field("height")))));
    }

    static Value fract(Bytes b, Layout.Field f) {
        Bytes r = StructFields.of(b, f);
        return new Value.Fraction(r.u(FRACT.field("numerator")), r.u(FRACT.field("denominator")));
    }

    /**
     * A pixel format: {@code v4l2_fourcc('Y', 'U', 'Y', 'V')} with its name in a comment when
     * {@code table} has it; the number under -X raw.
     */
    static Value fourcc(long v, String table) {
        List<Value> chars = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            chars.add(new Value.Char((int) (v >>> (8 * i)) & 0xff, false));
        }
        Value call = new Value.Call("v4l2_fourcc", chars);
        String name = table == null ? null : Xlat.of(table).name(v);
        return new Value.WithRaw(name == null ? call : new Value.Commented(call, name), Value.Num.hex(v), false);
    }

    private static Value pix(Bytes b) {
        return Decode.struct(field("width", u(b, PIX, "width")), field("height", u(b, PIX, "height")),
                field("pixelformat", fourcc(b.u(PIX.field("pixelformat")), "v4l2_pix_fmts")),
                field("field", Decode.sym("v4l2_fields", b.u(PIX.field("field")), Value.Radix.HEX, "V4L2_FIELD_???")),
                field("bytesperline", u(b, PIX, "bytesperline")), field("sizeimage", u(b, PIX, "sizeimage")),
                field("colorspace", colorspace(b.u(PIX.field("colorspace")))));
    }

    private static Value colorspace(long v) {
        return Decode.sym("v4l2_colorspaces", v, Value.Radix.HEX, "V4L2_COLORSPACE_???");
    }

    private static Value u(Bytes b, Layout l, String name) {
        return Value.Num.udec(b.u(l.field(name)));
    }

    private static Value pixMp(Call c, Bytes b) {
        long planes = b.u(PIX_MP.field("num_planes"));
        return Decode.struct(field("width", u(b, PIX_MP, "width")), field("height", u(b, PIX_MP, "height")),
                field("pixelformat", fourcc(b.u(PIX_MP.field("pixelformat")), "v4l2_pix_fmts")),
                field("field", Decode.sym("v4l2_fields", b.u(PIX_MP.field("field")), Value.Radix.HEX, "V4L2_FIELD_???")),
                field("colorspace", colorspace(b.u(PIX_MP.field("colorspace")))),
                field("plane_fmt", StructFields.array(c, b, PIX_MP.field("plane_fmt"), PLANE.size(), planes,
                        p -> Decode.struct(field("sizeimage", u(p, PLANE, "sizeimage")),
                                field("bytesperline", u(p, PLANE, "bytesperline"))))),
                field("num_planes", Value.Num.udec(planes)));
    }

    /** struct v4l2_window; its clips are read from where it points. */
    private static Value win(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("w", rect(StructFields.of(b, WIN.field("w")))));
        f.add(field("field", Decode.sym("v4l2_fields", b.u(WIN.field("field")), Value.Radix.HEX, "V4L2_FIELD_???")));
        f.add(field("chromakey", Value.Num.hex(b.u(WIN.field("chromakey")))));
        f.add(field("clips", IoArrays.array(c, b.u(WIN.field("clips")), b.u(WIN.field("clipcount")), CLIP.size(),
                clip -> Decode.struct(field("c", rect(StructFields.of(clip, CLIP.field("c"))))))));
        f.add(field("clipcount", u(b, WIN, "clipcount")));
        f.add(field("bitmap", Decode.ptr(b.u(WIN.field("bitmap")))));
        if (b.u(WIN.field("global_alpha")) != 0) {
            f.add(field("global_alpha", Value.Num.hex(b.u(WIN.field("global_alpha")))));
        }
        return new Value.Struct(f, false);
    }

    /**
     * Whether strace's print_array printed all of an array: not NULL, not empty, and no element
     * unreadable (a window's clips; strace ends the format there when not).
     */
    private static boolean whole(long addr, long count, Value v) {
        if (addr == 0 || count == 0 || !(v instanceof Value.Arr a)) {
            return false;
        }
        return a.items().isEmpty() || !(a.items().getLast() instanceof Value.Commented cm && cm.value() instanceof Value.Elided);
    }

    private static Value vbi(Call c, Bytes b) {
        return Decode.struct(field("sampling_rate", u(b, VBI, "sampling_rate")), field("offset", u(b, VBI, "offset")),
                field("samples_per_line", u(b, VBI, "samples_per_line")),
                field("sample_format", fourcc(b.u(VBI.field("sample_format")), "v4l2_pix_fmts")),
                field("start", StructFields.array(c, b, VBI.field("start"), 4, -1, e -> Value.Num.dec(e.s32(0)))),
                field("count", StructFields.uints(c, b, VBI.field("count"), 4, -1)),
                field("flags", Decode.flags("v4l2_vbi_flags", b.u(VBI.field("flags")), "V4L2_VBI_???")));
    }

    /** service_lines: two rows of 24 lines, in hex. */
    private static Value sliced(Call c, Bytes b) {
        Layout.Field lines = SLICED.field("service_lines");
        int row = lines.size() / 2;
        List<Value> rows = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            rows.add(StructFields.xints(c, b, new Layout.Field("service_lines", lines.offset() + r * row, row), 2, -1));
        }
        return Decode.struct(field("service_set", Decode.flags("v4l2_sliced_flags", b.u(SLICED.field("service_set")),
                        "V4L2_SLICED_???")),
                field("service_lines", new Value.Arr(rows, false)), field("io_size", u(b, SLICED, "io_size")));
    }

    private static Value sdr(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("pixelformat", fourcc(b.u(SDR.field("pixelformat")), "v4l2_sdr_fmts")));
        if (b.u(SDR.field("buffersize")) != 0) {
            f.add(field("buffersize", u(b, SDR, "buffersize")));
        }
        return new Value.Struct(f, false);
    }

    private static Value meta(Bytes b) {
        return Decode.struct(field("dataformat", fourcc(b.u(META.field("dataformat")), "v4l2_meta_fmts")),
                field("buffersize", u(b, META, "buffersize")));
    }

    /**
     * Whether a format shown at entry ends there, as strace ends it: its type selects no member,
     * or the member is a window whose clips were not all printed ({@link #whole}).
     */
    static boolean endsAtEntry(Value.Struct format) {
        for (Value.Field f : format.fields()) {
            if (f.name() != null && f.name().startsWith("fmt.")) {
                if (!f.name().equals("fmt.win")) {
                    return false;
                }
                List<Value.Field> win = ((Value.Struct) f.value()).fields();
                Value clips = win.get(3).value();
                long count = ((Value.Num) win.get(4).value()).value();
                return !whole(clips instanceof Value.Addr a ? a.address() : 1, count, clips);
            }
        }
        return true;
    }

    /**
     * The member of the format union that {@code type} selects, named as strace names it
     * ({@code fmt.pix}); null for a type without one.
     */
    static Value.Field fmt(Call c, long type, Bytes union) {
        Arm arm = Arm.of(type);
        if (arm == null) {
            return null;
        }
        Value v = switch (arm) {
            case PIX -> pix(union);
            case PIX_MP -> pixMp(c, union);
            case WIN -> win(c, union);
            case VBI -> vbi(c, union);
            case SLICED -> sliced(c, union);
            case SDR -> sdr(union);
            case META -> meta(union);
        };
        return field("fmt." + arm.name, v);
    }
}

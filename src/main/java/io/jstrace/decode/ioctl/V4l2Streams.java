package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static io.jstrace.decode.ioctl.IoctlArg.continued;
import static io.jstrace.decode.ioctl.V4l2Ioctls.d;
import static io.jstrace.decode.ioctl.V4l2Ioctls.u;

/** v4l2 streaming parameters, standards, inputs, tuners, cropping and frame enumerations (v4l2.c). */
final class V4l2Streams {
    private V4l2Streams() {}

    private static final Layout PARM = Layout.of("v4l2_streamparm"), CAPTURE = Layout.of("v4l2_captureparm"),
            OUTPUT = Layout.of("v4l2_outputparm"), STANDARD = Layout.of("v4l2_standard"), INPUT = Layout.of("v4l2_input"),
            TUNER = Layout.of("v4l2_tuner"), CROPCAP = Layout.of("v4l2_cropcap"), CROP = Layout.of("v4l2_crop"),
            FRMSIZE = Layout.of("v4l2_frmsizeenum"), FRMSIZE_STEPWISE = Layout.of("v4l2_frmsize_stepwise"),
            FRMSIZE_DISCRETE = Layout.of("v4l2_frmsize_discrete"), FRMIVAL = Layout.of("v4l2_frmivalenum"),
            FRMIVAL_STEPWISE = Layout.of("v4l2_frmival_stepwise");
    private static final Xlat BUF_TYPES = Xlat.of("v4l2_buf_types"), FRAMESIZE_TYPES = Xlat.of("v4l2_framesize_types"),
            FRAMEINTERVAL_TYPES = Xlat.of("v4l2_frameinterval_types");
    private static final long VIDEO_CAPTURE = BUF_TYPES.value("V4L2_BUF_TYPE_VIDEO_CAPTURE").orElseThrow(),
            VIDEO_OUTPUT = BUF_TYPES.value("V4L2_BUF_TYPE_VIDEO_OUTPUT").orElseThrow();

    /** parm.capture or parm.output, by the stream's type. */
    private static Value.Field parm(Bytes b) {
        boolean capture = b.u(PARM.field("type")) == VIDEO_CAPTURE;
        Layout l = capture ? CAPTURE : OUTPUT;
        Bytes p = StructFields.of(b, PARM.field("parm"));
        String mode = capture ? "capturemode" : "outputmode", buffers = capture ? "readbuffers" : "writebuffers";
        return field(capture ? "parm.capture" : "parm.output", Decode.struct(
                field("capability", Decode.flags("v4l2_streaming_capabilities", p.u(l.field("capability")), "V4L2_CAP_???")),
                field(mode, Decode.flags("v4l2_capture_modes", p.u(l.field(mode)), "V4L2_MODE_???")),
                field("timeperframe", V4l2Formats.fract(p, l.field("timeperframe"))),
                field("extendedmode", Value.Num.hex(p.u(l.field("extendedmode")))), u(p, l, buffers)));
    }

    private static boolean videoStream(long type) {
        return type == VIDEO_CAPTURE || type == VIDEO_OUTPUT;
    }

    /**
     * VIDIOC_G_PARM and S_PARM: the stream's type, and for video streams its parameters, after it
     * (G_PARM) or as given {@code =>} as set (S_PARM).
     */
    private static IoctlArg streamParm(boolean get) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return struct(PARM, b -> {
                    Value.Field type = field("type", V4l2Formats.bufType(b.u(PARM.field("type"))));
                    return get || !videoStream(b.u(PARM.field("type"))) ? Decode.struct(type) : Decode.struct(type, parm(b));
                }).read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                if (!(atEntry instanceof Value.Struct s) || !videoStream(V4l2Ioctls.number(s.fields().getFirst().value()))) {
                    return atEntry;
                }
                Bytes b = c.failed() ? null : Decode.struct(c, arg, PARM.size());
                if (b == null) {
                    return atEntry;
                }
                return get ? IoctlArg.plus(s, List.of(parm(b))) : new Value.Changed(s, Decode.struct(parm(b)));
            }
        };
    }

    private static List<Value.Field> tuner(Bytes b) {
        return List.of(field("name", StructFields.cstring(b, TUNER.field("name"))),
                field("type", Decode.sym("v4l2_tuner_types", b.u(TUNER.field("type")), Value.Radix.HEX, "V4L2_TUNER_???")),
                field("capability", Decode.flags("v4l2_tuner_capabilities", b.u(TUNER.field("capability")), "V4L2_TUNER_CAP_???")),
                u(b, TUNER, "rangelow"), u(b, TUNER, "rangehigh"),
                field("rxsubchans", Decode.flags("v4l2_tuner_rxsubchanses", b.u(TUNER.field("rxsubchans")), "V4L2_TUNER_SUB_???")),
                field("audmode", Decode.sym("v4l2_tuner_audmodes", b.u(TUNER.field("audmode")), Value.Radix.HEX, "V4L2_TUNER_MODE_???")),
                d(b, TUNER, "signal"), d(b, TUNER, "afc"));
    }

    /** VIDIOC_G_TUNER and S_TUNER: the tuner's index, then its state after it (G) or as given {@code =>} as set (S). */
    private static IoctlArg tunerArg(boolean get) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return struct(TUNER, b -> {
                    List<Value.Field> f = new ArrayList<>(List.of(u(b, TUNER, "index")));
                    if (!get) {
                        f.addAll(tuner(b));
                    }
                    return new Value.Struct(f, false);
                }).read(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                Bytes b = c.failed() || !(atEntry instanceof Value.Struct s) ? null : Decode.struct(c, arg, TUNER.size());
                if (b == null) {
                    return atEntry;
                }
                return get ? IoctlArg.plus((Value.Struct) atEntry, tuner(b))
                        : new Value.Changed(atEntry, new Value.Struct(tuner(b), false));
            }
        };
    }

    private static Value rect(Bytes b, Layout l, String name) {
        return V4l2Formats.rect(StructFields.of(b, l.field(name)));
    }

    private static Value.Field type(Bytes b, Layout l) {
        return field("type", V4l2Formats.bufType(b.u(l.field("type"))));
    }

    private static Value.Field pixelFormat(Bytes b, Layout l) {
        return field("pixel_format", V4l2Formats.fourcc(b.u(l.field("pixel_format")), "v4l2_pix_fmts"));
    }

    private static List<Value.Field> frameSize(Bytes b) {
        long type = b.u(FRMSIZE.field("type"));
        List<Value.Field> f = new ArrayList<>(List.of(field("type",
                Decode.sym("v4l2_framesize_types", type, Value.Radix.HEX, "V4L2_FRMSIZE_TYPE_???"))));
        if (type == FRAMESIZE_TYPES.value("V4L2_FRMSIZE_TYPE_DISCRETE").orElseThrow()) {
            Bytes s = StructFields.of(b, FRMSIZE.field("discrete"));
            f.add(field("discrete", Decode.struct(u(s, FRMSIZE_DISCRETE, "width"), u(s, FRMSIZE_DISCRETE, "height"))));
        } else if (type == FRAMESIZE_TYPES.value("V4L2_FRMSIZE_TYPE_STEPWISE").orElseThrow()) {
            Bytes s = StructFields.of(b, FRMSIZE.field("stepwise"));
            List<Value.Field> w = new ArrayList<>();
            for (String n : List.of("min_width", "max_width", "step_width", "min_height", "max_height", "step_height")) {
                w.add(u(s, FRMSIZE_STEPWISE, n));
            }
            f.add(field("stepwise", new Value.Struct(w, false)));
        }
        return f;
    }

    private static List<Value.Field> frameInterval(Bytes b) {
        long type = b.u(FRMIVAL.field("type"));
        List<Value.Field> f = new ArrayList<>(List.of(field("type",
                Decode.sym("v4l2_frameinterval_types", type, Value.Radix.HEX, "V4L2_FRMIVAL_TYPE_???"))));
        if (type == FRAMEINTERVAL_TYPES.value("V4L2_FRMIVAL_TYPE_DISCRETE").orElseThrow()) {
            f.add(field("discrete", V4l2Formats.fract(b, FRMIVAL.field("discrete"))));
        } else if (type == FRAMEINTERVAL_TYPES.value("V4L2_FRMIVAL_TYPE_STEPWISE").orElseThrow()
                // strace's decoder compares with V4L2_FRMSIZE_TYPE_CONTINUOUS, which is V4L2_FRMIVAL_TYPE_CONTINUOUS.
                || type == FRAMEINTERVAL_TYPES.value("V4L2_FRMIVAL_TYPE_CONTINUOUS").orElseThrow()) {
            Bytes s = StructFields.of(b, FRMIVAL.field("stepwise"));
            f.add(field("stepwise", Decode.struct(field("min", V4l2Formats.fract(s, FRMIVAL_STEPWISE.field("min"))),
                    field("max", V4l2Formats.fract(s, FRMIVAL_STEPWISE.field("max"))),
                    field("step", V4l2Formats.fract(s, FRMIVAL_STEPWISE.field("step"))))));
        }
        return f;
    }

    private static final RequestMap MAP = new RequestMap()
            .put(streamParm(true), "VIDIOC_G_PARM")
            .put(streamParm(false), "VIDIOC_S_PARM")
            .put(continued(STANDARD, (c, b) -> List.of(u(b, STANDARD, "index")),
                    (c, b) -> List.of(field("name", StructFields.cstring(b, STANDARD.field("name"))),
                            field("frameperiod", V4l2Formats.fract(b, STANDARD.field("frameperiod"))),
                            u(b, STANDARD, "framelines"))), "VIDIOC_ENUMSTD")
            .put(continued(INPUT, (c, b) -> List.of(u(b, INPUT, "index")),
                    (c, b) -> List.of(field("name", StructFields.cstring(b, INPUT.field("name"))), field("type",
                            Decode.sym("v4l2_input_types", b.u(INPUT.field("type")), Value.Radix.HEX, "V4L2_INPUT_TYPE_???")))),
                    "VIDIOC_ENUMINPUT")
            .put(tunerArg(true), "VIDIOC_G_TUNER")
            .put(tunerArg(false), "VIDIOC_S_TUNER")
            .put(continued(CROPCAP, (c, b) -> List.of(type(b, CROPCAP)),
                    (c, b) -> List.of(field("bounds", rect(b, CROPCAP, "bounds")), field("defrect", rect(b, CROPCAP, "defrect")),
                            field("pixelaspect", V4l2Formats.fract(b, CROPCAP.field("pixelaspect"))))), "VIDIOC_CROPCAP")
            .put(continued(CROP, (c, b) -> List.of(type(b, CROP)), (c, b) -> List.of(field("c", rect(b, CROP, "c")))),
                    "VIDIOC_G_CROP")
            .put(in(struct(CROP, b -> Decode.struct(type(b, CROP), field("c", rect(b, CROP, "c"))))), "VIDIOC_S_CROP")
            .put(continued(FRMSIZE, (c, b) -> List.of(u(b, FRMSIZE, "index"), pixelFormat(b, FRMSIZE)),
                    (c, b) -> frameSize(b)), "VIDIOC_ENUM_FRAMESIZES")
            .put(continued(FRMIVAL, (c, b) -> List.of(u(b, FRMIVAL, "index"), pixelFormat(b, FRMIVAL), u(b, FRMIVAL, "width"),
                    u(b, FRMIVAL, "height")), (c, b) -> frameInterval(b)), "VIDIOC_ENUM_FRAMEINTERVALS");

    static IoctlArg arg(long code) {
        IoctlArg a = MAP.get(code);
        return a != null ? a : V4l2Controls.arg(code);
    }
}

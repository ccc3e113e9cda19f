package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.continued;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/**
 * Video4Linux2 requests (type 'V'), as strace's v4l2.c prints them: most show what the caller
 * gave at entry and continue the same struct at exit with what the driver filled in.
 */
final class V4l2Ioctls {
    private V4l2Ioctls() {}

    private static final Layout CAPABILITY = Layout.of("v4l2_capability"), FMTDESC = Layout.of("v4l2_fmtdesc"),
            REQBUFS = Layout.of("v4l2_requestbuffers"), BUFFER = Layout.of("v4l2_buffer"),
            FRAMEBUFFER = Layout.of("v4l2_framebuffer"), CREATE = Layout.of("v4l2_create_buffers");
    private static final long MEMORY_MMAP = 1, MEMORY_USERPTR = 2;
    /** The timestamp type and source bits of a buffer's flags. */
    private static final long TIMESTAMP_MASK = 0xe000, TSTAMP_SRC_MASK = 0x70000;

    /** {@code s} with its member {@code name} shown as changed to {@code now}. */
    static Value.Struct changed(Value.Struct s, String name, Value now) {
        List<Value.Field> f = new ArrayList<>();
        for (Value.Field x : s.fields()) {
            f.add(name.equals(x.name()) ? field(name, new Value.Changed(x.value(), now)) : x);
        }
        return new Value.Struct(f, s.truncated());
    }

    /** The number a constant stands for, as shown ({@code type=V4L2_BUF_TYPE_...} or its unknown number). */
    static long number(Value v) {
        return switch (v) {
            case Value.Sym s -> s.value();
            case Value.Unknown u -> u.value();
            case Value.Num n -> n.value();
            case Value.Decoded d -> d.raw();
            default -> -1;
        };
    }

    static Value.Field u(Bytes b, Layout l, String name) {
        return field(name, Value.Num.udec(b.u(l.field(name))));
    }

    static Value.Field d(Bytes b, Layout l, String name) {
        return field(name, Value.Num.dec(b.s(l.field(name))));
    }

    private static Value capability(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        for (String name : List.of("driver", "card", "bus_info")) {
            f.add(field(name, StructFields.cstring(b, CAPABILITY.field(name))));
        }
        long v = b.u(CAPABILITY.field("version"));
        f.add(field("version", Decode.kernelVersion(v)));
        f.add(field("capabilities", capabilityFlags(b.u(CAPABILITY.field("capabilities")))));
        if (b.u(CAPABILITY.field("device_caps")) != 0) {
            f.add(field("device_caps", capabilityFlags(b.u(CAPABILITY.field("device_caps")))));
        }
        return new Value.Struct(f, false);
    }

    private static Value capabilityFlags(long v) {
        return Decode.flags("v4l2_device_capabilities_flags", v, "V4L2_CAP_???");
    }

    private static Value.Field memory(Bytes b, Layout l) {
        return field("memory", Decode.sym("v4l2_memories", b.u(l.field("memory")), Value.Radix.HEX, "V4L2_MEMORY_???"));
    }

    private static Value.Field type(Bytes b, Layout l) {
        return field("type", V4l2Formats.bufType(b.u(l.field("type"))));
    }

    private static final IoctlArg FMTDESC_ARG = continued(FMTDESC,
            (c, b) -> List.of(u(b, FMTDESC, "index"), type(b, FMTDESC)),
            (c, b) -> List.of(field("flags", Decode.flags("v4l2_format_description_flags", b.u(FMTDESC.field("flags")),
                            "V4L2_FMT_FLAG_???")),
                    field("description", StructFields.cstring(b, FMTDESC.field("description"))),
                    field("pixelformat", V4l2Formats.fourcc(b.u(FMTDESC.field("pixelformat")), "v4l2_pix_fmts"))));

    private static Value.Field fmtMember(Call c, Bytes b) {
        return V4l2Formats.fmt(c, b.u(V4l2Formats.FMT_TYPE), StructFields.of(b, V4l2Formats.FMT));
    }

    /** VIDIOC_G_FMT: the type asked for; the format the driver filled in after it. */
    private static final IoctlArg G_FMT = continued(V4l2Formats.FORMAT,
            (c, b) -> List.of(type(b, V4l2Formats.FORMAT)),
            (c, b) -> {
                Value.Field fmt = fmtMember(c, b);
                return fmt == null ? List.of() : List.of(fmt);
            });

    /** VIDIOC_S_FMT, VIDIOC_TRY_FMT: the format given {@code =>} the one the driver settled on. */
    private static final IoctlArg S_FMT = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return struct(V4l2Formats.FORMAT, b -> {
                Value.Field fmt = fmtMember(c, b);
                Value.Field t = type(b, V4l2Formats.FORMAT);
                return fmt == null ? Decode.struct(t) : Decode.struct(t, fmt);
            }).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            Bytes b = c.failed() || !(atEntry instanceof Value.Struct s) || V4l2Formats.endsAtEntry(s) ? null
                    : Decode.struct(c, arg, V4l2Formats.FORMAT.size());
            Value.Field fmt = b == null ? null : fmtMember(c, b);
            return fmt == null ? atEntry : new Value.Changed(atEntry, Decode.struct(fmt));
        }
    };

    /** VIDIOC_REQBUFS: the count asked for {@code =>} the count allocated. */
    private static final IoctlArg REQBUFS_ARG = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return struct(REQBUFS, b -> Decode.struct(type(b, REQBUFS), memory(b, REQBUFS), u(b, REQBUFS, "count")))
                    .read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            Bytes b = c.failed() || !(atEntry instanceof Value.Struct) ? null : Decode.struct(c, arg, REQBUFS.size());
            return b == null ? atEntry
                    : changed((Value.Struct) atEntry, "count", Value.Num.udec(b.u(REQBUFS.field("count"))));
        }
    };

    /** A buffer's flags: the single bits, then its timestamp type and source; one number under -X raw. */
    private static Value bufferFlags(long v) {
        long tsType = v & TIMESTAMP_MASK, tsSrc = v & TSTAMP_SRC_MASK, flags = v & ~tsType & ~tsSrc;
        List<Value> parts = new ArrayList<>();
        if (flags != 0) {
            parts.add(Decode.flags("v4l2_buf_flags", flags, "V4L2_BUF_FLAG_???"));
        }
        parts.add(Decode.sym("v4l2_buf_flags_ts_type", tsType, Value.Radix.HEX, "V4L2_BUF_FLAG_TIMESTAMP_???"));
        parts.add(Decode.sym("v4l2_buf_flags_ts_src", tsSrc, Value.Radix.HEX, "V4L2_BUF_FLAG_TSTAMP_SRC_???"));
        return new Value.WithRaw(new Value.Or(parts), Value.Num.hex(v), false);
    }

    /** VIDIOC_QUERYBUF, QBUF, DQBUF: type and index (DQBUF learns the index), then the buffer's state. */
    private static IoctlArg buffer(boolean dequeue) {
        return continued(BUFFER,
                (c, b) -> dequeue ? List.of(type(b, BUFFER)) : List.of(type(b, BUFFER), u(b, BUFFER, "index")),
                (c, b) -> {
                    List<Value.Field> f = new ArrayList<>();
                    if (dequeue) {
                        f.add(u(b, BUFFER, "index"));
                    }
                    long memory = b.u(BUFFER.field("memory"));
                    f.add(memory(b, BUFFER));
                    if (memory == MEMORY_MMAP) {
                        f.add(field("m.offset", Value.Num.hex(b.u(BUFFER.field("m.offset")))));
                    } else if (memory == MEMORY_USERPTR) {
                        f.add(field("m.userptr", Decode.ptr(b.u(BUFFER.field("m.userptr")))));
                    }
                    f.add(u(b, BUFFER, "length"));
                    f.add(u(b, BUFFER, "bytesused"));
                    f.add(field("flags", bufferFlags(b.u(BUFFER.field("flags")))));
                    if (dequeue) {
                        f.add(field("timestamp", Decode.struct(field("tv_sec", Value.Num.dec(b.s(BUFFER.field("timestamp.tv_sec")))),
                                field("tv_usec", Value.Num.udec(b.u(BUFFER.field("timestamp.tv_usec")))))));
                    }
                    return f;
                });
    }

    /** {@link #buffer} with strace's closing {@code ...} when the second part was shown. */
    private static IoctlArg bufferArg(boolean dequeue) {
        IoctlArg parts = buffer(dequeue);
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                return parts.entry(c, arg);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                Value v = parts.exit(c, arg, atEntry);
                return v != atEntry && v instanceof Value.Struct s ? new Value.Struct(s.fields(), true) : v;
            }
        };
    }

    private static Value framebuffer(Bytes b) {
        return Decode.struct(field("capability", Value.Num.hex(b.u(FRAMEBUFFER.field("capability")))),
                field("flags", Value.Num.hex(b.u(FRAMEBUFFER.field("flags")))),
                field("base", Decode.ptr(b.u(FRAMEBUFFER.field("base")))));
    }

    /** VIDIOC_CREATE_BUFS: what is asked for; the return value shows the buffers created (strace's auxstr). */
    private static final IoctlArg CREATE_BUFS = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return struct(CREATE, b -> {
                Bytes format = StructFields.of(b, CREATE.field("format"));
                Value.Field fmt = fmtMember(c, format);
                Value.Field t = type(format, V4l2Formats.FORMAT);
                return Decode.struct(u(b, CREATE, "count"), memory(b, CREATE),
                        field("format", fmt == null ? Decode.struct(t) : Decode.struct(t, fmt)));
            }).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            return atEntry;
        }

        @Override
        public Value returned(Call c, long arg) {
            Bytes b = c.failed() ? null : Decode.struct(c, arg, CREATE.size());
            return b == null ? null : Decode.struct(u(b, CREATE, "index"), u(b, CREATE, "count"));
        }
    };

    private static final IoctlArg.Reader INT64_HEX = IoctlArg.longBox(Value.Num::hex);
    private static final IoctlArg.Reader UINT = IoctlArg.intBox(v -> Value.Num.udec(v & 0xffffffffL));

    private static final RequestMap MAP = new RequestMap()
            .put(out(struct(CAPABILITY, V4l2Ioctls::capability)), "VIDIOC_QUERYCAP")
            .put(FMTDESC_ARG, "VIDIOC_ENUM_FMT")
            .put(G_FMT, "VIDIOC_G_FMT")
            .put(S_FMT, "VIDIOC_S_FMT", "VIDIOC_TRY_FMT")
            .put(REQBUFS_ARG, "VIDIOC_REQBUFS")
            .put(bufferArg(false), "VIDIOC_QUERYBUF", "VIDIOC_QBUF")
            .put(bufferArg(true), "VIDIOC_DQBUF")
            .put(out(struct(FRAMEBUFFER, V4l2Ioctls::framebuffer)), "VIDIOC_G_FBUF")
            .put(in(struct(FRAMEBUFFER, V4l2Ioctls::framebuffer)), "VIDIOC_S_FBUF")
            .put(in(IoctlArg.intBox(v -> V4l2Formats.bufType(v))), "VIDIOC_STREAMON", "VIDIOC_STREAMOFF")
            .put(out(INT64_HEX), "VIDIOC_G_STD")
            .put(in(INT64_HEX), "VIDIOC_S_STD")
            .put(out(UINT), "VIDIOC_G_INPUT")
            .put(in(UINT), "VIDIOC_S_INPUT")
            .put(CREATE_BUFS, "VIDIOC_CREATE_BUFS");

    static IoctlArg arg(long code) {
        IoctlArg a = MAP.get(code);
        return a != null ? a : V4l2Streams.arg(code);
    }
}

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
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** userfaultfd requests (type 0xaa), as strace's userfaultfd.c prints them. */
final class UffdIoctls {
    private UffdIoctls() {}

    private static final Layout API = Layout.of("uffdio_api"), RANGE = Layout.of("uffdio_range"),
            REGISTER = Layout.of("uffdio_register"), COPY = Layout.of("uffdio_copy"),
            ZEROPAGE = Layout.of("uffdio_zeropage");
    private static final Layout.Field API_API = API.field("api"), API_FEATURES = API.field("features"),
            API_IOCTLS = API.field("ioctls");
    private static final Layout.Field START = RANGE.field("start"), LEN = RANGE.field("len");
    private static final Layout.Field REG_START = REGISTER.field("range.start"), REG_LEN = REGISTER.field("range.len"),
            REG_MODE = REGISTER.field("mode"), REG_IOCTLS = REGISTER.field("ioctls");
    private static final Layout.Field DST = COPY.field("dst"), SRC = COPY.field("src"), COPY_LEN = COPY.field("len"),
            COPY_MODE = COPY.field("mode"), COPIED = COPY.field("copy");
    private static final Layout.Field ZERO_START = ZEROPAGE.field("range.start"), ZERO_LEN = ZEROPAGE.field("range.len"),
            ZERO_MODE = ZEROPAGE.field("mode"), ZEROED = ZEROPAGE.field("zeropage");

    private static Value.Field hex(Bytes b, String name, Layout.Field f) {
        return field(name, Value.Num.hex(b.u(f)));
    }

    private static Value range(Bytes b, Layout.Field start, Layout.Field len) {
        return Decode.struct(hex(b, "start", start), hex(b, "len", len));
    }

    private static Value features(Bytes b) {
        return Decode.flags("uffd_api_features", b.u(API_FEATURES), "UFFD_FEATURE_???");
    }

    /** UFFDIO_API: the API and features asked for; then the features granted, when they differ, and the ioctls. */
    private static final IoctlArg HANDSHAKE = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return struct(API, b -> Decode.struct(hex(b, "api", API_API), field("features", features(b)))).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            Bytes b = c.failed() || !(atEntry instanceof Value.Struct) ? null : Decode.struct(c, arg, API.size());
            if (b == null) {
                return atEntry;
            }
            List<Value.Field> f = new ArrayList<>(((Value.Struct) atEntry).fields());
            Value.Field asked = f.getLast();
            if (!asked.value().equals(features(b))) {
                f.set(f.size() - 1, new Value.Field(null, new Value.Changed(asked, field("features", features(b)))));
            }
            f.add(field("ioctls", Xvals.bitFlags("uffd_api_flags", b.u(API_IOCTLS), "1<<", "_UFFDIO_???")));
            return new Value.Struct(f, false);
        }
    };

    private static final RequestMap MAP = new RequestMap()
            .put(HANDSHAKE, "UFFDIO_API")
            .put(continued(REGISTER, (c, b) -> List.of(field("range", range(b, REG_START, REG_LEN)),
                            field("mode", Decode.flags("uffd_register_mode_flags", b.u(REG_MODE), "UFFDIO_REGISTER_MODE_???"))),
                    (c, b) -> List.of(field("ioctls",
                            Xvals.bitFlags("uffd_register_ioctl_flags", b.u(REG_IOCTLS), "1<<", "UFFDIO_???")))),
                    "UFFDIO_REGISTER")
            .put(continued(COPY, (c, b) -> List.of(hex(b, "dst", DST), hex(b, "src", SRC), hex(b, "len", COPY_LEN),
                            field("mode", Decode.flags("uffd_copy_flags", b.u(COPY_MODE), "UFFDIO_COPY_???"))),
                    (c, b) -> List.of(hex(b, "copy", COPIED))), "UFFDIO_COPY")
            .put(continued(ZEROPAGE, (c, b) -> List.of(field("range", range(b, ZERO_START, ZERO_LEN)),
                            field("mode", Decode.flags("uffd_zeropage_flags", b.u(ZERO_MODE), "UFFDIO_ZEROPAGE_???"))),
                    (c, b) -> List.of(hex(b, "zeropage", ZEROED))), "UFFDIO_ZEROPAGE")
            .put(in(struct(RANGE, b -> range(b, START, LEN))), "UFFDIO_WAKE", "UFFDIO_UNREGISTER");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

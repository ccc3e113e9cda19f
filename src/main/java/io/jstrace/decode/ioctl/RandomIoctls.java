package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** /dev/random requests (type 'R'), as strace's random_ioctl.c prints them. */
final class RandomIoctls {
    private RandomIoctls() {}

    private static final Layout POOL = Layout.of("rand_pool_info");
    private static final Layout.Field COUNT = POOL.field("entropy_count"), SIZE = POOL.field("buf_size");

    /** RNDADDENTROPY's pool: the entropy credited and the bytes that follow the header. */
    private static Value pool(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, POOL.size());
        return b == null ? Decode.ptr(addr) : Decode.struct(field("entropy_count", Value.Num.dec(b.s(COUNT))),
                field("buf_size", Value.Num.dec(b.s(SIZE))),
                field("buf", Decode.printstr(c, addr + POOL.size(), b.s(SIZE), false)));
    }

    private static final RequestMap MAP = new RequestMap()
            .put(out(IoctlArg.INT), "RNDGETENTCNT")
            .put(in(IoctlArg.INT), "RNDADDTOENTCNT")
            .put(in(RandomIoctls::pool), "RNDADDENTROPY")
            .put(IoctlArg.NONE, "RNDZAPENTCNT", "RNDCLEARPOOL", "RNDRESEEDCRNG");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.List;

import static io.jstrace.decode.ioctl.IoctlArg.out;

/** Namespace file requests (type 0xb7), as strace's nsfs.c prints them. */
final class NsfsIoctls {
    private NsfsIoctls() {}

    /** NS_GET_NSTYPE: no argument; the type returned named after it ({@code = 268435456 (CLONE_NEWUSER)}). */
    private static final IoctlArg NSTYPE = new IoctlArg() {
        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            return null;
        }

        @Override
        public Value returned(Call c, long arg) {
            String name = Xlat.of("setns_types").name(c.ret());
            return name == null ? null : new Value.Note(name);
        }
    };

    private static final RequestMap MAP = new RequestMap()
            .put(IoctlArg.returningFd(IoctlArg.NONE), "NS_GET_USERNS", "NS_GET_PARENT")
            .put(NSTYPE, "NS_GET_NSTYPE")
            .put(out((c, addr) -> {
                var b = Decode.struct(c, addr, 4);
                return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Decode.uid(b.u32(0))), false);
            }), "NS_GET_OWNER_UID");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

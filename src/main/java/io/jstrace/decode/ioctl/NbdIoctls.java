package io.jstrace.decode.ioctl;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import static io.jstrace.decode.ioctl.IoctlArg.in;

/** Network block device requests (type 0xab), as strace's nbd_ioctl.c prints them. */
final class NbdIoctls {
    private NbdIoctls() {}

    private static final RequestMap MAP = new RequestMap()
            .put(IoctlArg.NONE, "NBD_DISCONNECT", "NBD_CLEAR_SOCK", "NBD_DO_IT", "NBD_CLEAR_QUE", "NBD_PRINT_DEBUG")
            .put(in((c, arg) -> Decode.fd(c, (int) arg)), "NBD_SET_SOCK")
            .put(in((c, arg) -> Value.Num.udec(arg)), "NBD_SET_BLKSIZE", "NBD_SET_SIZE", "NBD_SET_SIZE_BLOCKS",
                    "NBD_SET_TIMEOUT")
            .put(in((c, arg) -> Decode.flags("nbd_ioctl_flags", arg, "NBD_IOC_FLAG_???")), "NBD_SET_FLAGS");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.model.Value;

import static io.jstrace.decode.ioctl.IoctlArg.in;

/** inotify requests (type 'I'), as strace's inotify_ioctl.c prints them. */
final class InotifyIoctls {
    private InotifyIoctls() {}

    private static final RequestMap MAP = new RequestMap()
            .put(in((c, arg) -> Value.Num.dec((int) arg)), "INOTIFY_IOC_SETNEXTWD");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

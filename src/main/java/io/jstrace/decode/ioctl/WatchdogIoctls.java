package io.jstrace.decode.ioctl;

import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** Watchdog timer requests (type 'W'), as strace's watchdog_ioctl.c prints them. */
final class WatchdogIoctls {
    private WatchdogIoctls() {}

    private static final RequestMap MAP = new RequestMap()
            .put(out(IoctlArg.INT), "WDIOC_GETSTATUS", "WDIOC_GETBOOTSTATUS", "WDIOC_GETTEMP", "WDIOC_GETTIMEOUT",
                    "WDIOC_GETPRETIMEOUT", "WDIOC_GETTIMELEFT")
            .put(in(IoctlArg.INT), "WDIOC_SETTIMEOUT", "WDIOC_SETPRETIMEOUT")
            // <linux/watchdog.h> says it takes an int; drivers ignore it, and strace does not print it.
            .put(IoctlArg.NONE, "WDIOC_KEEPALIVE");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

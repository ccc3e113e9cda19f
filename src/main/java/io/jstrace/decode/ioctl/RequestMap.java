package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;

import java.util.HashMap;
import java.util.Map;

/** A family's decoders by request, written by name: the codes come from the ioctl_requests table. */
final class RequestMap {
    private final Map<Long, IoctlArg> byCode = new HashMap<>();

    /** Adds {@code arg} for each of {@code names}; a name the table lacks is a build defect. */
    RequestMap put(IoctlArg arg, String... names) {
        for (String name : names) {
            long code = IoctlRequests.code(name).orElseThrow(() -> new IllegalStateException("no ioctl request " + name));
            byCode.put(code, arg);
        }
        return this;
    }

    /** Adds {@code arg} for a code no name in the table stands for alone. */
    RequestMap put(long code, IoctlArg arg) {
        byCode.put(code, arg);
        return this;
    }

    IoctlArg get(long code) {
        return byCode.get(code);
    }
}

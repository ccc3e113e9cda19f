package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** poll/ppoll: the pollfd array at entry, and the fds with events (or Timeout) after the result. */
final class PollDecoder {
    private PollDecoder() {}

    static final int POLLFD = 8;

    static Value fds(Call c, long addr, long nfds) {
        return IoArrays.array(c, addr, nfds, POLLFD, b -> Decode.struct(
                Decode.field("fd", Decode.fd(c, b.s32(0))),
                Decode.field("events", Decode.flags("poll_events", b.u16(4)))));
    }

    /**
     * {@code [{fd=3, revents=POLLIN}]} for the fds that have events, then {@code left <timespec>}
     * for ppoll with a timeout; {@code Timeout} when nothing happened.
     */
    static List<Value> detail(Call c, Value left) {
        if (c.ret() == 0) {
            return List.of(new Value.Note("Timeout"));
        }
        if (!c.options.structs()) {
            return List.of(); // -e verbose= leaves the details out, as strace does
        }
        long nfds = c.arg(1) & 0xffffffffL;
        List<Value> ready = new ArrayList<>();
        boolean truncated = false;
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        for (long i = 0; i < nfds && ready.size() < c.ret(); i++) {
            Bytes b = Decode.struct(c, c.arg(0) + i * POLLFD, POLLFD);
            if (b == null) {
                break;
            }
            int revents = b.u16(6);
            if (revents == 0) {
                continue;
            }
            if (i >= limit) {
                truncated = true;
                break;
            }
            ready.add(Decode.struct(Decode.field("fd", Decode.dec(b.s32(0))),
                    Decode.field("revents", Decode.flags("poll_events", revents))));
        }
        Value arr = new Value.Arr(ready, truncated);
        return left == null ? List.of(arr) : List.of(arr, new Value.Labeled("left", left));
    }
}

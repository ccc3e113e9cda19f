package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** poll/ppoll: the pollfd array at entry, and the fds with events (or Timeout) after the result. */
final class PollDecoder {
    private PollDecoder() {}

    static final Layout POLLFD = Layout.of("pollfd");
    private static final Layout.Field FD = POLLFD.field("fd"), EVENTS = POLLFD.field("events"),
            REVENTS = POLLFD.field("revents");

    /** The array at entry: a negative fd (ignored by the kernel) prints without its events. */
    static Value fds(Call c, long addr, long nfds) {
        return IoArrays.array(c, addr, nfds, POLLFD.size(), b -> {
            int fd = (int) b.s(FD);
            return fd < 0 ? Decode.struct(Decode.field("fd", Decode.fd(c, fd)))
                    : Decode.struct(Decode.field("fd", Decode.fd(c, fd)),
                            Decode.field("events", Decode.flags("poll_events", b.u(EVENTS), "POLL???")));
        });
    }

    /**
     * {@code [{fd=3, revents=POLLIN}]} for the fds that have events (at most -s of them without
     * -v, then {@code ...}; an unreadable element ends the list with its address), then
     * {@code left <timespec>} for ppoll with a timeout; {@code Timeout} when nothing happened.
     */
    static List<Value> detail(Call c, Value left) {
        if (c.ret() == 0) {
            return List.of(new Value.Note("Timeout"));
        }
        long nfds = c.arg(1) & 0xffffffffL;
        if (!c.options.structs() || c.arg(0) == 0 || nfds == 0) {
            return List.of(); // -e verbose= (and an empty array) leave the details out, as strace does
        }
        List<Value> ready = new ArrayList<>();
        boolean truncated = false;
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        for (long i = 0; i < nfds; i++) {
            long at = c.arg(0) + i * POLLFD.size();
            byte[] raw = c.memory.readFully(c.tid, at, POLLFD.size());
            if (raw == null) {
                ready.add(Decode.ptr(at));
                break;
            }
            Bytes b = new Bytes(raw);
            long revents = b.u(REVENTS);
            if (revents == 0) {
                continue;
            }
            if (ready.size() >= limit) {
                truncated = true;
                break;
            }
            ready.add(Decode.struct(Decode.field("fd", Decode.dec(b.s(FD))),
                    Decode.field("revents", Decode.flags("poll_events", revents))));
        }
        List<Value> out = new ArrayList<>(2);
        if (!ready.isEmpty() || truncated) {
            out.add(new Value.Arr(ready, truncated));
        }
        if (left != null) {
            out.add(new Value.Labeled("left", left));
        }
        return out;
    }
}

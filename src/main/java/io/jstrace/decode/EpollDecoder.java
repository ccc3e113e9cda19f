package io.jstrace.decode;

import io.jstrace.model.Value;

/** struct epoll_event (packed on x86_64): {@code {events=EPOLLIN, data={u32=3, u64=3}}}. */
final class EpollDecoder {
    private EpollDecoder() {}

    static final Layout EVENT = Layout.of("epoll_event");
    private static final Layout.Field EVENTS = EVENT.field("events"), DATA = EVENT.field("data");

    static Value event(Bytes b) {
        long data = b.u(DATA);
        return Decode.struct(
                Decode.field("events", Decode.flags("epollevents", b.u(EVENTS), "EPOLL???")),
                Decode.field("data", Decode.struct(
                        Decode.field("u32", Value.Num.udec(data & 0xffffffffL)),
                        Decode.field("u64", Value.Num.udec(data)))));
    }

    static Value events(Call c, long addr, long count) {
        return IoArrays.array(c, addr, count, EVENT.size(), EpollDecoder::event);
    }
}

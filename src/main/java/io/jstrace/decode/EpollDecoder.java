package io.jstrace.decode;

import io.jstrace.model.Value;

/** struct epoll_event (12 bytes, packed on x86_64): {@code {events=EPOLLIN, data={u32=3, u64=3}}}. */
final class EpollDecoder {
    private EpollDecoder() {}

    static final int SIZE = 12;

    static Value event(Bytes b) {
        long data = b.s64(4);
        return Decode.struct(
                Decode.field("events", Decode.flags("epollevents", b.u32(0))),
                Decode.field("data", Decode.struct(
                        Decode.field("u32", Value.Num.udec(data & 0xffffffffL)),
                        Decode.field("u64", Value.Num.udec(data)))));
    }

    static Value events(Call c, long addr, long count) {
        return IoArrays.array(c, addr, count, SIZE, EpollDecoder::event);
    }
}

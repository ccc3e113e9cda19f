package io.jstrace.decode.netlink;

import io.jstrace.model.Value;

import java.util.List;

/**
 * Decodes the payload of one netlink attribute ({@code len} bytes at {@code addr}) into what
 * follows the attribute's header in its brackets: usually one value, sometimes more (a struct
 * and the bytes after it). Null means the decoder does not apply (strace's decoder returning
 * false: a payload too short for its struct, say), and the payload prints as hex bytes instead.
 */
@FunctionalInterface
interface AttrDecoder {
    List<Value> decode(NlCtx ctx, long addr, int len);

    /** A decoder of one value, null when {@code d} gives null. */
    static AttrDecoder one(Single d) {
        return (c, a, len) -> {
            Value v = d.decode(c, a, len);
            return v == null ? null : List.of(v);
        };
    }

    /** What most decoders are: one value or null. */
    @FunctionalInterface
    interface Single {
        Value decode(NlCtx ctx, long addr, int len);
    }
}

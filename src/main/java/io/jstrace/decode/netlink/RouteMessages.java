package io.jstrace.decode.netlink;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import java.util.List;
import java.util.Map;

/**
 * NETLINK_ROUTE bodies (strace's decode_netlink_route): the decoder the data files' {@code route}
 * lines give the message type, else the family and the rest as hex.
 */
final class RouteMessages {
    private RouteMessages() {}

    private static final Map<Integer, Messages.Decoder> DECODERS = Messages.table("route", "nl_route_types");

    static List<Value> body(NlCtx ctx, long addr, int len) {
        return Messages.byFamily(ctx, addr, len, (c, family, a, n) -> {
            Messages.Decoder d = DECODERS.get(c.type);
            return d != null ? d.decode(c, family, a, n) : family(c, family, a, n);
        });
    }

    /** A body no decoder knows: {@code {family=AF_INET, data="\x..."}}. */
    static List<Value> family(NlCtx ctx, int family, long addr, int len) {
        Value.Field name = Decode.field("family", NlValues.xval(family, "AF_???", "addrfams"));
        if (len <= 1) {
            return List.of(Decode.struct(name));
        }
        return List.of(Decode.struct(name, Decode.field("data", ctx.mem.hex(addr + 1, len - 1))));
    }
}

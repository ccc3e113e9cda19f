package io.jstrace.decode.netlink;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import java.util.List;

/**
 * Message bodies of a shape of their own, named by {@code java NAME} in the data files:
 * {@code getneigh} (RTM_GETNEIGH: an ifinfomsg for AF_BRIDGE, else an ndmsg),
 * {@code cachereport} (RTM_NEWCACHEREPORT: rtgenmsg, then attributes by its family) and those of
 * {@link DiagDecoders#message}.
 */
final class SpecialMessages {
    private SpecialMessages() {}

    private static final int AF_BRIDGE = 7, RTNL_FAMILY_IPMR = 128, RTNL_FAMILY_IP6MR = 129;

    static Messages.Decoder of(String name) {
        return switch (name) {
            case "getneigh" -> (c, f, a, len) -> Messages.head(c, f, a, len,
                    NlSpec.struct(f == AF_BRIDGE ? "ifinfomsg" : "ndmsg"), f == AF_BRIDGE ? "ifla" : "nda");
            case "cachereport" -> SpecialMessages::cachereport;
            default -> DiagDecoders.message(name);
        };
    }

    private static List<Value> cachereport(NlCtx c, int family, long addr, int len) {
        Value st = Decode.struct(Decode.field("rtgen_family",
                NlValues.xval(family, "RTNL_FAMILY_???", "rtnl_family", "addrfams")));
        int offset = Messages.align(1);
        if (len <= offset) {
            return List.of(st);
        }
        String attrs = family == RTNL_FAMILY_IPMR ? "ipmra_creport" : family == RTNL_FAMILY_IP6MR ? "ip6mra_creport" : null;
        Value rest = attrs == null ? c.mem.hex(addr + offset, len - offset)
                : Nlattr.list(c, addr + offset, len - offset, NlSpec.attrs(attrs));
        return List.of(st, rest);
    }
}

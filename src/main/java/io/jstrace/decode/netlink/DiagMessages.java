package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.List;
import java.util.Map;

/**
 * NETLINK_SOCK_DIAG bodies (strace's decode_netlink_sock_diag): requests and responses by the
 * socket family they are about, from the data files' {@code diag_request} and
 * {@code diag_response} lines; other families as the family and hex.
 */
final class DiagMessages {
    private DiagMessages() {}

    private static final int NLM_F_REQUEST = 1;
    private static final Map<Integer, Messages.Decoder> REQUESTS = Messages.table("diag_request", "addrfams");
    private static final Map<Integer, Messages.Decoder> RESPONSES = Messages.table("diag_response", "addrfams");

    static List<Value> body(NlCtx ctx, long addr, int len) {
        if (ctx.type == Netlink.NLMSG_DONE) {
            return null;
        }
        Bytes f = ctx.mem.read(addr, 1);
        if (f == null) {
            return List.of(new Value.Unreadable(addr));
        }
        int family = f.u8(0);
        Messages.Decoder d = ((ctx.flags & NLM_F_REQUEST) != 0 ? REQUESTS : RESPONSES).get(family);
        if (d != null && len > 1) {
            return d.decode(ctx, family, addr, len);
        }
        return RouteMessages.family(ctx, family, addr, len);
    }
}

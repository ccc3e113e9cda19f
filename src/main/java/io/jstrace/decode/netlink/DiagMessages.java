package io.jstrace.decode.netlink;

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
        return Messages.byFamily(ctx, addr, len, (c, family, a, n) -> {
            Messages.Decoder d = ((c.flags & NLM_F_REQUEST) != 0 ? REQUESTS : RESPONSES).get(family);
            return d != null && n > 1 ? d.decode(c, family, a, n) : RouteMessages.family(c, family, a, n);
        });
    }
}

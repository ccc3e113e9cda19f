package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.List;
import java.util.Map;

/** NETLINK_SELINUX bodies (strace's decode_netlink_selinux): the struct of the data files' {@code selinux} lines. */
final class SelinuxMessages {
    private SelinuxMessages() {}

    private static final Map<Integer, StructSpec> STRUCTS = structs();

    private static Map<Integer, StructSpec> structs() {
        Map<Integer, StructSpec> m = new java.util.HashMap<>();
        for (String[] l : NlSpec.directives("selinux")) {
            m.put((int) NlSpec.constant("nl_selinux_types", l[0], "selinux"), NlSpec.struct(l[1]));
        }
        return Map.copyOf(m);
    }

    static List<Value> body(NlCtx ctx, long addr, int len) {
        StructSpec s = STRUCTS.get(ctx.type);
        return s == null ? null : List.of(whole(ctx, s, addr, len));
    }

    /** A body that is one struct: hex when too short, the address when unreadable. */
    static Value whole(NlCtx ctx, StructSpec s, long addr, int len) {
        if (len < s.size()) {
            return ctx.mem.hex(addr, len);
        }
        Bytes b = ctx.mem.read(addr, s.size());
        return b == null ? new Value.Unreadable(addr) : s.print(ctx, b);
    }
}

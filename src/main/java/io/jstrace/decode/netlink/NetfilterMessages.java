package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NETLINK_NETFILTER: message types as {@code NFNL_SUBSYS_X<<8|MSG} (the data files'
 * {@code nf_subsys} and {@code nf_flags} lines), bodies as struct nfgenmsg followed by
 * attributes of unnamed types (strace's decode_netlink_netfilter).
 */
final class NetfilterMessages {
    private NetfilterMessages() {}

    private static final String SUBSYS = "nl_netfilter_subsys_ids";
    private static final int NFNL_SUBSYS_NFTABLES = 10;
    private static final int NFNL_MSG_BATCH_BEGIN = 0x10, NFNL_MSG_BATCH_END = 0x11;
    private static final StructSpec NFGENMSG = NlSpec.struct("nfgenmsg");
    private static final Layout.Field RES_ID = NFGENMSG.field("res_id");

    private record Subsys(String xlat, String dflt) {}

    private static final Map<Integer, Subsys> SUBSYSTEMS = new HashMap<>();
    private static final Map<Integer, String> FLAGS = new HashMap<>();

    static {
        for (String[] l : NlSpec.directives("nf_subsys")) {
            SUBSYSTEMS.put((int) NlSpec.constant(SUBSYS, l[0], "nf_subsys"), new Subsys(l[1], l[2]));
        }
        for (String[] l : NlSpec.directives("nf_flags")) {
            int s = (int) NlSpec.constant(SUBSYS, l[0], "nf_flags");
            for (int i = 2; i < l.length; i++) {
                FLAGS.put(s << 8 | (int) NlSpec.constant(SUBSYSTEMS.get(s).xlat(), l[i], "nf_flags"), l[1]);
            }
        }
    }

    static Value type(int type) {
        String batch = io.jstrace.xlat.Xlat.of("nl_netfilter_msg_types").name(type);
        if (batch != null) {
            return new Value.Sym(batch, type);
        }
        int subsys = type >> 8 & 0xff;
        int msg = type & 0xff;
        Subsys s = SUBSYSTEMS.get(subsys);
        Value m = s == null ? Value.Num.hex(msg) : NlValues.xval(msg, s.dflt(), s.xlat());
        return new Value.Or(new Value.Shift(NlValues.xval(subsys, "NFNL_SUBSYS_???", SUBSYS), Value.Num.udec(8)), m);
    }

    static String requestFlags(int type) {
        return FLAGS.get(type);
    }

    static List<Value> body(NlCtx ctx, long addr, int len) {
        if (ctx.type == Netlink.NLMSG_DONE) {
            return null;
        }
        if (len < NFGENMSG.size()) {
            return List.of(ctx.mem.hex(addr, len));
        }
        Bytes b = ctx.mem.read(addr, NFGENMSG.size());
        if (b == null) {
            return List.of(new Value.Unreadable(addr));
        }
        List<Value.Field> f = new ArrayList<>(NFGENMSG.members(ctx, b, 0));
        f.add(Decode.field("res_id", resId(ctx.type >> 8 & 0xff, (int) b.u(RES_ID))));
        Value st = new Value.Struct(f, false);
        int offset = Messages.align(NFGENMSG.size());
        if (len <= offset) {
            return List.of(st);
        }
        boolean raw = ctx.type >= NFNL_MSG_BATCH_BEGIN && ctx.type <= NFNL_MSG_BATCH_END || ctx.type < Netlink.NLMSG_MIN_TYPE;
        Value rest = raw ? ctx.mem.hex(addr + offset, len - offset) : Nlattr.list(ctx, addr + offset, len - offset, null);
        return List.of(st, rest);
    }

    /** res_id, in network byte order except where nftables got it wrong (Linux v4.3). */
    private static Value resId(int subsys, int stored) {
        int host = Short.toUnsignedInt(Short.reverseBytes((short) stored));
        if (subsys == NFNL_SUBSYS_NFTABLES && host == NFNL_SUBSYS_NFTABLES) {
            Value call = new Value.Call("htons", List.of(new Value.Name("NFNL_SUBSYS_NFTABLES")));
            return new Value.Decoded(stored, Value.Radix.HEX, call, false);
        }
        if (subsys == NFNL_SUBSYS_NFTABLES && stored == NFNL_SUBSYS_NFTABLES) {
            return new Value.Sym("NFNL_SUBSYS_NFTABLES", stored);
        }
        return new Value.Call("htons", List.of(Value.Num.udec(host)));
    }
}

package io.jstrace.decode.netlink;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * strace's decode_nlattr: a list of netlink attributes, each {@code {nla_len=N, nla_type=T}} or
 * {@code [{nla_len=N, nla_type=T}, payload]}; one attribute prints alone, several in brackets,
 * at most -s of them without -v; what is left over too short for an attribute header prints as
 * hex, an unreadable header as its address.
 */
final class Nlattr {
    private Nlattr() {}

    static final int NLA_HDRLEN = 4;
    static final int NLA_F_NESTED = 0x8000, NLA_F_NET_BYTEORDER = 0x4000, NLA_TYPE_MASK = 0x3fff;

    static Value list(NlCtx ctx, long addr, long len, AttrTable table) {
        return NlList.walk(ctx.mem, addr, len, NLA_HDRLEN, h -> h.u16(0),
                (h, a, left) -> attribute(ctx, a, left, h.u16(0), h.u16(2), table));
    }

    private static Value attribute(NlCtx ctx, long addr, long len, int nlaLen, int type, AttrTable table) {
        Value hdr = Decode.struct(Decode.field("nla_len", Value.Num.udec(nlaLen)),
                Decode.field("nla_type", type(type, table)));
        int shown = (int) Math.min(nlaLen, len);
        if (shown <= NLA_HDRLEN) {
            return hdr;
        }
        AttrDecoder d = table == null ? null : table.decoder(type & NLA_TYPE_MASK);
        NlCtx c = table != null && table.all() != null ? ctx.withHeader(type, ctx.header) : ctx;
        List<Value> payload = d == null ? null : d.decode(c, addr + NLA_HDRLEN, shown - NLA_HDRLEN);
        List<Value> items = new ArrayList<>();
        items.add(hdr);
        if (payload == null) {
            items.add(ctx.mem.hex(addr + NLA_HDRLEN, shown - NLA_HDRLEN));
        } else {
            items.addAll(payload);
        }
        return new Value.Arr(items, false);
    }

    private static Value type(int type, AttrTable table) {
        List<Value> parts = new ArrayList<>();
        if ((type & NLA_F_NESTED) != 0) {
            parts.add(new Value.Sym("NLA_F_NESTED", NLA_F_NESTED));
        }
        if ((type & NLA_F_NET_BYTEORDER) != 0) {
            parts.add(new Value.Sym("NLA_F_NET_BYTEORDER", NLA_F_NET_BYTEORDER));
        }
        int t = type & NLA_TYPE_MASK;
        parts.add(table == null ? NlValues.hex(t) : NlValues.xval(t, table.dflt(), table.xlat()));
        return parts.size() == 1 ? parts.get(0) : new Value.Or(parts);
    }
}

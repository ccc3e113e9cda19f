package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
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
        NlMem mem = ctx.mem;
        List<Value> items = new ArrayList<>();
        boolean array = false;
        boolean truncated = false;
        for (int elt = 0; ; elt++) {
            if (len < NLA_HDRLEN) {
                items.add(mem.hex(addr, len));
                break;
            }
            Bytes h = mem.read(addr, NLA_HDRLEN);
            if (h == null) {
                items.add(array ? new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(addr)) : new Value.Unreadable(addr));
                break;
            }
            if (mem.abbrev() && elt == mem.stringLimit()) {
                truncated = true;
                break;
            }
            int nlaLen = h.u16(0);
            int type = h.u16(2);
            int aligned = (nlaLen + 3) & ~3;
            long next = 0;
            long nextLen = 0;
            if (nlaLen >= NLA_HDRLEN) {
                nextLen = len >= aligned ? len - aligned : 0;
                if (nextLen != 0 && addr + aligned > addr) {
                    next = addr + aligned;
                }
            }
            array |= next != 0;
            items.add(attribute(ctx, addr, len, nlaLen, type, table));
            if (next == 0) {
                break;
            }
            addr = next;
            len = nextLen;
        }
        return array ? new Value.Arr(items, truncated) : items.get(0);
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

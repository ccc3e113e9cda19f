package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two shapes most netlink message bodies take in strace, named in the data files by
 * protocol lines {@code PROTOCOL_WORD SHAPE STRUCT ATTRS TYPE...}:
 * {@code head} (strace's decode_ifinfomsg and its kin: the family, then, when the body holds the
 * whole struct, its other fields and the attributes after it, else {@code ...}) and
 * {@code family} (decode_netconfmsg and kin: the family alone, then the attributes after the
 * struct). {@code java NAME} names a decoder of {@link SpecialMessages}.
 */
final class Messages {
    private Messages() {}

    /** Decodes a body whose first byte, the family, has been read. */
    @FunctionalInterface
    interface Decoder {
        List<Value> decode(NlCtx ctx, int family, long addr, int len);
    }

    /**
     * A body whose first byte is its family (NETLINK_ROUTE's and NETLINK_SOCK_DIAG's): none for
     * NLMSG_DONE, the address when that byte cannot be read, else what {@code d} makes of it.
     */
    static List<Value> byFamily(NlCtx ctx, long addr, int len, Decoder d) {
        if (ctx.type == Netlink.NLMSG_DONE) {
            return null;
        }
        Bytes f = ctx.mem.read(addr, 1);
        return f == null ? List.of(new Value.Unreadable(addr)) : d.decode(ctx, f.u8(0), addr, len);
    }

    /** The decoders of {@code word}'s lines, by the message type each line lists. */
    static Map<Integer, Decoder> table(String word, String typeXlat) {
        Map<Integer, Decoder> out = new HashMap<>();
        for (String[] l : NlSpec.directives(word)) {
            Decoder d;
            int types;
            switch (l[0]) {
                case "head", "family" -> {
                    d = of(l[0], NlSpec.struct(l[1]), l[2].equals("-") ? null : l[2]);
                    types = 3;
                }
                case "java" -> {
                    d = SpecialMessages.of(l[1]);
                    types = 2;
                }
                default -> throw new IllegalStateException(word + ": unknown message shape " + l[0]);
            }
            for (int i = types; i < l.length; i++) {
                out.put((int) NlSpec.constant(typeXlat, l[i], word), d);
            }
        }
        return Map.copyOf(out);
    }

    static Decoder of(String shape, StructSpec s, String attrs) {
        return shape.equals("head") ? (c, f, a, len) -> head(c, f, a, len, s, attrs)
                : (c, f, a, len) -> family(c, f, a, len, s, attrs);
    }

    /** {@code {family=..., other fields}} and the attributes, or {@code {family=..., ...}} for a short body. */
    static List<Value> head(NlCtx msg, int family, long addr, int len, StructSpec s, String attrs) {
        NlCtx ctx = msg.withHeader(family, null);
        Bytes b = null;
        List<Value.Field> members = new ArrayList<>(s.members(ctx, new Bytes(new byte[] {(byte) family}), 0));
        if (len >= s.size()) {
            byte[] rest = ctx.mem.bytes(addr + 1, s.size() - 1);
            if (rest == null) {
                members.add(new Value.Field(null, new Value.Unreadable(addr + 1)));
            } else {
                byte[] all = new byte[s.size()];
                all[0] = (byte) family;
                System.arraycopy(rest, 0, all, 1, rest.length);
                b = new Bytes(all);
                members = s.members(ctx, b, 0);
            }
        }
        Value st = new Value.Struct(members, len < s.size());
        int offset = align(s.size());
        if (b == null || attrs == null || len <= offset) {
            return List.of(st);
        }
        NlCtx c = ctx.withHeader(family, b);
        return List.of(st, Nlattr.list(c, addr + offset, len - offset, NlSpec.attrs(attrs)));
    }

    /** {@code {family=...}} and the attributes after the whole struct. */
    static List<Value> family(NlCtx ctx, int family, long addr, int len, StructSpec s, String attrs) {
        Value st = new Value.Struct(s.members(ctx, new Bytes(new byte[] {(byte) family}), 0), false);
        int offset = align(s.size());
        if (attrs == null || len <= offset) {
            return List.of(st);
        }
        return List.of(st, Nlattr.list(ctx.withHeader(family, null), addr + offset, len - offset, NlSpec.attrs(attrs)));
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }
}

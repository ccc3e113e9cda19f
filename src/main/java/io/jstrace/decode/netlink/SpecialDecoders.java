package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.jstrace.decode.netlink.AttrDecoder.one;

/**
 * Attribute decoders that choose by what came before (the message's family, IFLA_INFO_KIND) or
 * print a shape of their own (strace's rtnl_link.c, rtnl_route.c, rtnl_mdb.c):
 * {@code by_family F=DECODER... [else=DECODER]}, {@code by_kind KIND=DECODER...},
 * {@code by_slave_kind KIND=DECODER...} (DECODER is a decoder's words joined by {@code :}),
 * {@code kind} and {@code slave_kind} (IFLA_INFO_KIND and IFLA_INFO_SLAVE_KIND), {@code vf_guid},
 * {@code multipath}, {@code rtvia}, {@code mdb_entry}, {@code mdb_router_port}, and those of
 * {@link DiagDecoders}.
 */
final class SpecialDecoders {
    private SpecialDecoders() {}

    private static final int MDB_ENTRY_ADDR_U = 16;

    static AttrDecoder of(String[] p, String where) {
        return switch (p[0]) {
            case "by_family" -> byFamily(p, where);
            case "by_kind" -> byKind(p, where, false);
            case "by_slave_kind" -> byKind(p, where, true);
            case "kind", "slave_kind" -> {
                boolean slave = p[0].equals("slave_kind");
                yield one((c, a, len) -> {
                    String k = kind(c, a, len);
                    if (slave) {
                        c.slaveKind = k;
                    } else {
                        c.kind = k;
                    }
                    return c.mem.str(a, len, NlMem.Quote.CSTRING);
                });
            }
            case "vf_guid" -> one(SpecialDecoders::vfGuid);
            case "multipath" -> one(SpecialDecoders::multipath);
            case "rtvia" -> one((c, a, len) -> AttrDecoders.fixed(c, a, len, 2, b -> {
                int family = b.u16(0);
                List<Value.Field> f = new ArrayList<>();
                f.add(Decode.field("rtvia_family", NlValues.xval(family, "AF_???", "addrfams")));
                if (len > 2) {
                    Value addr = AttrDecoders.inetAddr(c, a + 2, len - 2, family, "rtvia_addr");
                    f.add(addr instanceof Value.Field field ? field : new Value.Field(null, addr));
                }
                return new Value.Struct(f, false);
            }));
            case "mdb_entry" -> SpecialDecoders::mdbEntry;
            case "mdb_router_port" -> (c, a, len) -> {
                if (len < 4) {
                    return null;
                }
                Bytes b = c.mem.read(a, 4);
                List<Value> out = new ArrayList<>();
                out.add(b == null ? new Value.Unreadable(a) : io.jstrace.decode.NetSockaddr.ifindex(b.u32(0)));
                if (len > 4) {
                    out.add(Nlattr.list(c, a + 4, len - 4, NlSpec.attrs("mdba_router_pattr")));
                }
                return out;
            };
            default -> DiagDecoders.of(p, where);
        };
    }

    /** What a {@code KEY=DECODER} choice names: DECODER's words are joined by {@code :}. */
    private static Map<String, AttrDecoder> choices(String[] p, String where) {
        Map<String, AttrDecoder> m = new HashMap<>();
        for (int i = 1; i < p.length; i++) {
            String[] kv = p[i].split("=", 2);
            m.put(kv[0], AttrDecoders.of(kv[1].split(":"), where));
        }
        return m;
    }

    /**
     * strace's decode_nla_af_spec: the decoder of the family (the message's, or for a table's
     * catch-all decoder the attribute type's low byte); hex for other families.
     */
    private static AttrDecoder byFamily(String[] p, String where) {
        Map<Integer, AttrDecoder> byFamily = new HashMap<>();
        AttrDecoder otherwise = null;
        for (Map.Entry<String, AttrDecoder> e : choices(p, where).entrySet()) {
            if (e.getKey().equals("else")) {
                otherwise = e.getValue();
            } else {
                byFamily.put((int) NlSpec.constant("addrfams", e.getKey(), where), e.getValue());
            }
        }
        AttrDecoder fallback = otherwise;
        return (c, a, len) -> {
            AttrDecoder d = byFamily.getOrDefault(c.family & 0xff, fallback);
            return d == null ? null : d.decode(c, a, len);
        };
    }

    private static AttrDecoder byKind(String[] p, String where, boolean slave) {
        Map<String, AttrDecoder> byKind = choices(p, where);
        return (c, a, len) -> {
            AttrDecoder d = byKind.get(slave ? c.slaveKind : c.kind);
            return d == null ? null : d.decode(c, a, len);
        };
    }

    /** strace's update_ctx_str: the kind named by a payload shorter than 64 bytes, up to its NUL. */
    private static String kind(NlCtx c, long a, int len) {
        if (len >= 64) {
            return "";
        }
        byte[] b = c.mem.bytes(a, len);
        if (b == null) {
            return "";
        }
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** struct ifla_vf_guid: 12 bytes packed or 16 aligned (its guid is not naturally aligned). */
    private static Value vfGuid(NlCtx c, long a, int len) {
        if (len != 12 && len != 16) {
            return null;
        }
        Bytes b = c.mem.read(a, len);
        if (b == null) {
            return new Value.Unreadable(a);
        }
        return Decode.struct(Decode.field("vf", Value.Num.udec(b.u32(0))),
                Decode.field("guid", Value.Num.hex(b.s64(len == 12 ? 4 : 8))));
    }

    /** RTA_MULTIPATH: struct rtnexthop, each followed by RTA_* attributes. */
    private static Value multipath(NlCtx c, long addr, int len) {
        StructSpec nh = NlSpec.struct("rtnexthop");
        if (len < nh.size()) {
            return null;
        }
        int offset = Messages.align(nh.size());
        List<Value> items = new ArrayList<>();
        boolean array = false;
        long cur = addr;
        long left = len;
        while (true) {
            Bytes b = c.mem.read(cur, nh.size());
            if (b == null) {
                items.add(new Value.Unreadable(cur));
                break;
            }
            int rtnhLen = (int) b.u(nh.field("rtnh_len"));
            int shown = (int) Math.min(left, rtnhLen);
            if (cur == addr && rtnhLen < len) {
                array = true;
            }
            Value st = nh.print(c, b);
            items.add(shown > offset
                    ? new Value.Arr(List.of(st, Nlattr.list(c, cur + offset, shown - offset, NlSpec.attrs("rta"))), false)
                    : st);
            long step = Messages.align(shown);
            if (step >= left) {
                break;
            }
            cur += step;
            left -= step;
        }
        return array ? new Value.Arr(items, false) : items.get(0);
    }

    /** MDBA_MDB_ENTRY_INFO: struct br_mdb_entry, its address of the family in addr.proto, then attributes. */
    private static List<Value> mdbEntry(NlCtx c, long addr, int len) {
        StructSpec s = NlSpec.struct("br_mdb_entry");
        if (len < s.size()) {
            return null;
        }
        Bytes b = c.mem.read(addr, s.size());
        List<Value> out = new ArrayList<>();
        if (b == null) {
            out.add(new Value.Unreadable(addr));
        } else {
            List<Value.Field> f = new ArrayList<>(s.members(c, b, 0));
            int proto = Short.toUnsignedInt(Short.reverseBytes((short) b.u(s.field("addr.proto"))));
            byte[] u = java.util.Arrays.copyOfRange(b.b(), s.field("addr.u").offset(), s.field("addr.u").offset() + MDB_ENTRY_ADDR_U);
            Value inet = NlValues.inetAddr(proto, u, "u");
            f.add(Decode.field("addr", Decode.struct(inet instanceof Value.Field uf ? uf : new Value.Field(null, inet),
                    Decode.field("proto", new Value.Call("htons", List.of(NlValues.xval(proto, "AF_???", "addrfams")))))));
            out.add(new Value.Struct(f, false));
        }
        int offset = Messages.align(s.size());
        if (len > offset) {
            out.add(Nlattr.list(c, addr + offset, len - offset, NlSpec.attrs("mdba_mdb_eattr")));
        }
        return out;
    }
}

package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.NetSockaddr;
import io.jstrace.model.Value;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.jstrace.decode.netlink.AttrDecoder.one;

/**
 * Attribute decoders by the names the netlink data files use (strace's decode_nla_*):
 * {@code u8..u64}, {@code s8..s64}, {@code x8..x64}, {@code xint} (hex of the payload's size),
 * {@code be16}, {@code be64}, {@code str} (a string attribute), {@code strn} (bytes),
 * {@code cstr} (up to a NUL), {@code fd}, {@code uid}, {@code gid}, {@code clock_t},
 * {@code ifindex}, {@code in_addr}, {@code in6_addr}, {@code inet_addr} (of the message's
 * family), {@code hwaddr}, {@code hwaddr_family}, {@code xval TABLE DFLT [SIZE]},
 * {@code flags TABLE DFLT [SIZE]}, {@code nested ATTRS} (a nested list), {@code linkinfo ATTRS}
 * (a nested list that remembers IFLA_INFO_KIND), {@code struct NAME [OPTION]} (a struct;
 * {@code need=FIELD}, {@code also=FIELD}: see {@link #struct}), {@code array ELEM} (u8..u64, x32, 0x32,
 * 0x64, or a struct name), {@code indexed ELEM XLAT DFLT} (an array printed with its indices),
 * and the protocol-specific ones of {@link SpecialDecoders}.
 */
final class AttrDecoders {
    private AttrDecoders() {}

    static AttrDecoder of(String[] p, String where) {
        if (p.length == 0) {
            return null;
        }
        return switch (p[0]) {
            case "u8", "u16", "u32", "u64" -> integer(size(p[0]), Value.Radix.UDEC);
            case "s8", "s16", "s32", "s64" -> integer(size(p[0]), Value.Radix.DEC);
            case "x8", "x16", "x32", "x64" -> integer(size(p[0]), Value.Radix.HEX);
            case "xint" -> (c, a, len) -> len == 1 || len == 2 || len == 4 || len == 8
                    ? integer(len, Value.Radix.HEX).decode(c, a, len) : null;
            case "be16" -> one((c, a, len) -> fixed(c, a, len, 2, b -> new Value.Call("htons",
                    List.of(Value.Num.udec(Short.toUnsignedInt(Short.reverseBytes((short) b.u16(0))))))));
            case "be64" -> one((c, a, len) -> fixed(c, a, len, 8, b -> new Value.Call("htobe64",
                    List.of(Value.Num.udec(Long.reverseBytes(b.s64(0)))))));
            case "str" -> one((c, a, len) -> c.mem.str(a, len, NlMem.Quote.NLA_STR));
            case "strn" -> one((c, a, len) -> c.mem.str(a, len, NlMem.Quote.PLAIN));
            case "cstr" -> one((c, a, len) -> c.mem.str(a, len, NlMem.Quote.CSTRING));
            case "fd" -> one((c, a, len) -> fixed(c, a, len, 4, b -> Decode.fd(c.mem.call, b.s32(0))));
            case "uid", "gid" -> one((c, a, len) -> fixed(c, a, len, 4, b -> uid(b.u32(0))));
            case "clock_t" -> one((c, a, len) -> len > 8 ? null : fixed(c, a, len, len, b -> clock(le(b))));
            case "ifindex" -> one((c, a, len) -> fixed(c, a, len, 4, b -> NetSockaddr.ifindex(b.u32(0))));
            case "in_addr" -> one((c, a, len) -> fixed(c, a, len, 4, b -> NlValues.inetAddr(NetSockaddr.AF_INET, b.b(), null)));
            case "in6_addr" -> one((c, a, len) -> fixed(c, a, len, 16, b -> NlValues.inetAddr(NetSockaddr.AF_INET6, b.b(), null)));
            case "inet_addr" -> one((c, a, len) -> inetAddr(c, a, len, c.family, null));
            case "hwaddr" -> one((c, a, len) -> hwaddr(c, a, len, -1));
            case "hwaddr_family" -> one((c, a, len) -> hwaddr(c, a, len, c.family));
            case "xval" -> xlatted(p, false);
            case "flags" -> xlatted(p, true);
            case "xval8", "xval16", "xval32" -> one((c, a, len) -> fixed(c, a, len, size(p[0].substring(3)),
                    b -> NlValues.xval(le(b), NlSpec.dash(p[2]), p[1])));
            case "flags32" -> one((c, a, len) -> fixed(c, a, len, 4, b -> NlValues.flags(le(b), NlSpec.dash(p[2]), p[1])));
            case "nested" -> one((c, a, len) -> Nlattr.list(c, a, len, NlSpec.attrs(p[1])));
            case "linkinfo" -> one((c, a, len) -> Nlattr.list(c.fresh(), a, len, NlSpec.attrs(p[1])));
            case "struct" -> struct(p);
            case "array" -> one((c, a, len) -> {
                Element e = element(p[1]);
                long n = len / e.size();
                return n == 0 ? null : NlArrays.array(c, a, n, e.size(), b -> e.print().apply(c, b));
            });
            case "indexed" -> one((c, a, len) -> {
                Element e = element(p[1]);
                long n = len / e.size();
                Value.Radix r = p[1].startsWith("s") ? Value.Radix.DEC : Value.Radix.UDEC;
                return n == 0 ? null : NlArrays.array(c, a, n, e.size(), b -> e.print().apply(c, b),
                        new NlArrays.Index(p[2], p[3], r));
            });
            default -> SpecialDecoders.of(p, where);
        };
    }

    /** An array element: its size and how it prints. */
    record Element(int size, java.util.function.BiFunction<NlCtx, Bytes, Value> print) {}

    private static final Map<String, Value.Radix> ELEMENT_RADIX = Map.of(
            "u", Value.Radix.UDEC, "s", Value.Radix.DEC, "x", Value.Radix.HEX);

    static Element element(String name) {
        if (name.matches("[usx](8|16|32|64)")) {
            int size = size(name);
            Value.Radix r = ELEMENT_RADIX.get(name.substring(0, 1));
            return new Element(size, (c, b) -> new Value.Num(r == Value.Radix.DEC ? signed(b, size) : le(b), r));
        }
        if (name.matches("0x(32|64)")) {
            int size = size(name.substring(1));
            return new Element(size, (c, b) -> NlValues.hexPadded(le(b), size));
        }
        StructSpec s = NlSpec.struct(name);
        return new Element(s.size(), s::print);
    }

    private static int size(String name) {
        return Integer.parseInt(name.substring(1)) / 8;
    }

    /** An integer of {@code size} bytes: strace's decode_nla_u32 and kin, which need at least that many. */
    static AttrDecoder integer(int size, Value.Radix radix) {
        return one((c, a, len) -> fixed(c, a, len, size,
                b -> new Value.Num(radix == Value.Radix.DEC ? signed(b, size) : le(b), radix)));
    }

    /**
     * The common shape of strace's small decoders: null (hex) when the payload is shorter than
     * {@code need}, the address when those bytes cannot be read, else what {@code print} makes of them.
     */
    static Value fixed(NlCtx c, long addr, int len, int need, Function<Bytes, Value> print) {
        if (len < need) {
            return null;
        }
        Bytes b = c.mem.read(addr, need);
        return b == null ? new Value.Unreadable(addr) : print.apply(b);
    }

    /** Little-endian unsigned value of all of {@code b} (at most 8 bytes). */
    static long le(Bytes b) {
        long v = 0;
        for (int i = Math.min(8, b.length()) - 1; i >= 0; i--) {
            v = v << 8 | b.u8(i);
        }
        return v;
    }

    static long signed(Bytes b, int size) {
        long v = le(b);
        int shift = 64 - 8 * size;
        return shift == 0 ? v : v << shift >> shift;
    }

    /** strace's printuid: -1 as -1, others unsigned. */
    static Value uid(long uid) {
        return uid == 0xffffffffL ? Value.Num.dec(-1) : Value.Num.udec(uid);
    }

    /** strace's print_clock_t: ticks, with the seconds in a comment (USER_HZ is 100 on Linux). */
    static Value clock(long ticks) {
        Value n = Value.Num.udec(ticks);
        if (ticks == 0) {
            return n;
        }
        String s = Long.toUnsignedString(Long.divideUnsigned(ticks, 100)) + "."
                + String.format("%02d", Long.remainderUnsigned(ticks, 100)) + " s";
        return new Value.Styled(n, new Value.Commented(n, s), new Value.Name(s));
    }

    /** strace's decode_inet_addr: an address of {@code family}, else the bytes in hex. */
    static Value inetAddr(NlCtx c, long addr, int len, int family, String field) {
        int size = family == NetSockaddr.AF_INET ? 4 : family == NetSockaddr.AF_INET6 ? 16 : 0;
        if (size == 0 || len < size) {
            Value hex = c.mem.hex(addr, len);
            return field == null ? hex : Decode.field(field, hex);
        }
        byte[] b = c.mem.bytes(addr, size);
        if (b == null) {
            return field == null ? new Value.Unreadable(addr) : Decode.field(field, new Value.Unreadable(addr));
        }
        return NlValues.inetAddr(family, b, field);
    }

    /** strace's decode_nla_hwaddr: at most MAX_ADDR_LEN bytes, shown as long as {@code devtype}'s addresses are. */
    private static Value hwaddr(NlCtx c, long addr, int len, int devtype) {
        if (len > NlValues.MAX_ADDR_LEN) {
            return null;
        }
        byte[] b = c.mem.bytes(addr, len);
        if (b == null) {
            return new Value.Unreadable(addr);
        }
        return NlValues.hwaddr(b, devtype < 0 ? len : HwaddrSizes.of(devtype));
    }

    /** decode_nla_xval / decode_nla_flags: TABLE DFLT [SIZE] [htons]. */
    private static AttrDecoder xlatted(String[] p, boolean flags) {
        String table = p[1];
        String dflt = NlSpec.dash(p[2]);
        int size = p.length > 3 ? Integer.parseInt(p[3]) : 0;
        boolean htons = p.length > 4 && p[4].equals("htons");
        return one((c, a, len) -> {
            if (len > 8 || len < size) {
                return null;
            }
            int n = size != 0 ? Math.min(len, size) : len;
            Bytes b = c.mem.read(a, n);
            if (b == null) {
                return new Value.Unreadable(a);
            }
            long v = le(b);
            if (htons) {
                v = Short.toUnsignedInt(Short.reverseBytes((short) v));
            }
            Value out = flags ? NlValues.flags(v, dflt, table) : NlValues.xval(v, dflt, table);
            return htons ? new Value.Call("htons", List.of(out)) : out;
        });
    }

    /**
     * A struct payload: null when shorter than the struct. {@code need=FIELD}: only the struct up
     * to FIELD's end is needed and read (strace's offsetofend checks); {@code also=FIELD}: a payload
     * ending exactly at FIELD's end is read too (older kernels' shorter stats); {@code tail}: bytes
     * after the struct follow it in hex.
     */
    private static AttrDecoder struct(String[] p) {
        StructSpec s = NlSpec.struct(p[1]);
        int need = s.size();
        List<Integer> also = new java.util.ArrayList<>();
        boolean tail = false;
        for (String opt : Arrays.copyOfRange(p, 2, p.length)) {
            if (opt.equals("tail")) {
                tail = true;
                continue;
            }
            String[] kv = opt.split("=", 2);
            int end = s.field(kv[1]).offset() + s.field(kv[1]).size();
            switch (kv[0]) {
                case "need" -> need = end;
                case "also" -> also.add(end);
                default -> throw new IllegalStateException("struct " + p[1] + ": unknown option " + opt);
            }
        }
        int full = need;
        boolean trailing = tail;
        return (c, a, len) -> {
            int size = len >= full ? full : also.contains(len) ? len : 0;
            if (size == 0) {
                return null;
            }
            Bytes b = c.mem.read(a, size);
            if (b == null) {
                return List.of(new Value.Unreadable(a));
            }
            Value v = s.print(c, b);
            return trailing && len > size ? List.of(v, c.mem.hex(a + size, len - size)) : List.of(v);
        };
    }
}

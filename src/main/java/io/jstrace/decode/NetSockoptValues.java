package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static io.jstrace.decode.Decode.field;

/**
 * The socket option values strace decodes (net.c, print_group_req.c): lingers, credentials,
 * multicast requests, packet rings and memberships, ICMP filters, socket filters, errors.
 * Lengths are the caller's (setsockopt) or the returned ones (getsockopt).
 */
final class NetSockoptValues {
    private NetSockoptValues() {}

    private static final Layout LINGER = Layout.of("linger"), UCRED = Layout.of("ucred"),
            MREQ = Layout.of("ip_mreq"), MREQ6 = Layout.of("ipv6_mreq"), GROUP_REQ = Layout.of("group_req"),
            TPACKET_REQ = Layout.of("tpacket_req"), PACKET_MREQ = Layout.of("packet_mreq"),
            TPACKET_STATS = Layout.of("tpacket_stats_v3");
    private static final Layout.Field L_ONOFF = LINGER.field("l_onoff"), L_LINGER = LINGER.field("l_linger"),
            PID = UCRED.field("pid"), UID = UCRED.field("uid"), GID = UCRED.field("gid"),
            IMR_MULTIADDR = MREQ.field("imr_multiaddr"), IMR_INTERFACE = MREQ.field("imr_interface"),
            IPV6MR_MULTIADDR = MREQ6.field("ipv6mr_multiaddr"), IPV6MR_INTERFACE = MREQ6.field("ipv6mr_interface"),
            GR_INTERFACE = GROUP_REQ.field("gr_interface"), GR_GROUP = GROUP_REQ.field("gr_group"),
            MR_IFINDEX = PACKET_MREQ.field("mr_ifindex"), MR_TYPE = PACKET_MREQ.field("mr_type"),
            MR_ALEN = PACKET_MREQ.field("mr_alen"), MR_ADDRESS = PACKET_MREQ.field("mr_address");
    private static final List<Layout.Field> TPACKET_REQ_FIELDS = List.of(TPACKET_REQ.field("tp_block_size"),
            TPACKET_REQ.field("tp_block_nr"), TPACKET_REQ.field("tp_frame_size"), TPACKET_REQ.field("tp_frame_nr"));
    private static final List<Layout.Field> TPACKET_STATS_FIELDS = List.of(TPACKET_STATS.field("tp_packets"),
            TPACKET_STATS.field("tp_drops"), TPACKET_STATS.field("tp_freeze_q_cnt"));
    /** struct icmp_filter: one 32-bit word, a bit per ICMP type the socket drops. */
    private static final int ICMP_FILTER_SIZE = Integer.BYTES;

    /** A field and how it prints once its bytes are all there. */
    private record Part(Layout.Field field, Function<Bytes, Value> value) {}

    /**
     * strace's MAYBE_PRINT_FIELD_LEN: as many fields as the {@code len} returned bytes reach, one
     * they reach only partly as those bytes in hex.
     */
    private static Value partial(Call c, long addr, int len, Layout l, List<Part> parts) {
        int n = Math.min(len, l.size());
        Bytes b = Decode.struct(c, addr, n);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>();
        for (Part p : parts) {
            int start = p.field().offset(), end = start + p.field().size();
            if (n > start) {
                f.add(field(p.field().name(), n >= end ? p.value().apply(b)
                        : new Value.Str(Arrays.copyOfRange(b.b(), start, n), false, true)));
            }
        }
        return new Value.Struct(f, false);
    }

    /** A whole struct when {@code len} covers it (or equals it, {@code exact}), else the address. */
    private static Bytes whole(Call c, long addr, int len, Layout l, boolean exact) {
        return (exact ? len == l.size() : len >= l.size()) ? Decode.struct(c, addr, l.size()) : null;
    }

    static Value getLinger(Call c, long addr, int len) {
        return partial(c, addr, len, LINGER, List.of(new Part(L_ONOFF, b -> Decode.dec(b.s(L_ONOFF))),
                new Part(L_LINGER, b -> Decode.dec(b.s(L_LINGER)))));
    }

    static Value setLinger(Call c, long addr, int len) {
        Bytes b = whole(c, addr, len, LINGER, false);
        return b == null ? Decode.ptr(addr)
                : Decode.struct(field("l_onoff", Decode.dec(b.s(L_ONOFF))), field("l_linger", Decode.dec(b.s(L_LINGER))));
    }

    /** SO_PEERCRED: the peer's struct ucred. */
    static Value peercred(Call c, long addr, int len) {
        return partial(c, addr, len, UCRED, List.of(new Part(PID, b -> Pids.of(c, (int) b.s(PID), Pids.Type.TGID)),
                new Part(UID, b -> Decode.uid(b.u(UID))), new Part(GID, b -> Decode.uid(b.u(GID)))));
    }

    /** SO_ERROR: the pending error by name, {@code [ECONNREFUSED]}; fewer bytes than an int in hex. */
    static Value error(Call c, long addr, int len) {
        if (len < Integer.BYTES) {
            return Decode.printstr(c, addr, len, true);
        }
        Integer e = NetworkKinds.readInt(c, addr);
        return e == null ? Decode.ptr(addr) : new Value.Arr(List.of(e == 0 ? Decode.dec(0)
                : Decode.sym("errno", e, Value.Radix.DEC, null)), false);
    }

    /** SO_TXREHASH: {@code [SOCK_TXREHASH_ENABLED]}; a short value is its bytes once returned, else the address. */
    static Value txrehash(Call c, long addr, int len, boolean returned) {
        if (len < Integer.BYTES) {
            return returned ? Decode.printstr(c, addr, len, true) : Decode.ptr(addr);
        }
        Integer v = NetworkKinds.readInt(c, addr);
        return v == null ? Decode.ptr(addr)
                : new Value.Arr(List.of(Decode.sym("sockopt_txrehash_vals", v, Value.Radix.DEC, "SOCK_TXREHASH_???", true)), false);
    }

    /** SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF: a struct sock_fprog, only of its exact size. */
    static Value setFilter(Call c, long addr, int len) {
        return len == ClassicBpf.PROG_SIZE ? ClassicBpf.program(c, addr, ClassicBpf.SOCKET) : Decode.ptr(addr);
    }

    /** SO_GET_FILTER returns the instructions themselves, as many as the length says (an unsigned short). */
    static Value getFilter(Call c, long addr, int len) {
        if ((len & 0xffff) != len) {
            return Decode.ptr(addr);
        }
        return c.options.verbose() ? ClassicBpf.instructions(c, addr, len, ClassicBpf.SOCKET) : Decode.ptr(addr);
    }

    /** IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP: struct ip_mreq (an ip_mreqn shows as its first part). */
    static Value mreq(Call c, long addr, int len) {
        Bytes b = whole(c, addr, len, MREQ, false);
        return b == null ? Decode.ptr(addr)
                : Decode.struct(field("imr_multiaddr", NetSockaddr.inetAddr(b, IMR_MULTIADDR.offset())),
                        field("imr_interface", NetSockaddr.inetAddr(b, IMR_INTERFACE.offset())));
    }

    /** IPv6 memberships and anycast: struct ipv6_mreq. */
    static Value mreq6(Call c, long addr, int len) {
        Bytes b = whole(c, addr, len, MREQ6, false);
        if (b == null) {
            return Decode.ptr(addr);
        }
        byte[] a = Arrays.copyOfRange(b.b(), IPV6MR_MULTIADDR.offset(), IPV6MR_MULTIADDR.offset() + IPV6MR_MULTIADDR.size());
        return Decode.struct(field(null, NetSockaddr.inet6Addr(a, "ipv6mr_multiaddr")),
                field("ipv6mr_interface", NetSockaddr.ifindex(b.u(IPV6MR_INTERFACE))));
    }

    /** MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP: struct group_req, its group a sockaddr_storage. */
    static Value groupReq(Call c, long addr, int len) {
        Bytes b = whole(c, addr, len, GROUP_REQ, false);
        return b == null ? Decode.ptr(addr)
                : Decode.struct(field("gr_interface", NetSockaddr.ifindex(b.u(GR_INTERFACE))),
                        field("gr_group", NetSockaddr.of(c, b.slice(GR_GROUP))));
    }

    /** PACKET_RX_RING, PACKET_TX_RING: struct tpacket_req, only of its exact size (a tpacket_req3 shows as its address). */
    static Value tpacketReq(Call c, long addr, int len) {
        Bytes b = whole(c, addr, len, TPACKET_REQ, true);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>();
        for (Layout.Field x : TPACKET_REQ_FIELDS) {
            f.add(field(x.name(), Value.Num.udec(b.u(x))));
        }
        return new Value.Struct(f, false);
    }

    /** PACKET_ADD_MEMBERSHIP, PACKET_DROP_MEMBERSHIP: struct packet_mreq, its address as long as mr_alen says. */
    static Value packetMreq(Call c, long addr, int len) {
        Bytes b = whole(c, addr, len, PACKET_MREQ, true);
        if (b == null) {
            return Decode.ptr(addr);
        }
        int alen = (int) Math.min(b.u(MR_ALEN), MR_ADDRESS.size());
        byte[] hw = Arrays.copyOfRange(b.b(), MR_ADDRESS.offset(), MR_ADDRESS.offset() + alen);
        return Decode.struct(field("mr_ifindex", NetSockaddr.ifindex(b.u(MR_IFINDEX))),
                field("mr_type", Decode.sym("packet_mreq_type", b.u(MR_TYPE), Value.Radix.HEX, "PACKET_MR_???")),
                field("mr_alen", Value.Num.udec(b.u(MR_ALEN))), field("mr_address", NetSockaddr.hwaddr(hw)));
    }

    /** PACKET_STATISTICS: the counters of a struct tpacket_stats, or of the _v3 one, as many as returned. */
    static Value tpacketStats(Call c, long addr, int len) {
        List<Part> parts = TPACKET_STATS_FIELDS.stream().map(x -> new Part(x, b -> Value.Num.udec(b.u(x)))).toList();
        return partial(c, addr, len, TPACKET_STATS, parts);
    }

    /**
     * ICMP_FILTER: the ICMP types whose bits are set, {@code ~[...]} the ones not set when more
     * than half are; bytes not given count as set, as the kernel leaves them.
     */
    static Value icmpFilter(Call c, long addr, int len) {
        if (len <= 0) {
            return Decode.ptr(addr);
        }
        int n = Math.min(len, ICMP_FILTER_SIZE);
        Bytes b = Decode.struct(c, addr, n);
        if (b == null) {
            return Decode.ptr(addr);
        }
        int data = -1;
        for (int i = 0; i < n; i++) {
            data = data & ~(0xff << (8 * i)) | b.u8(i) << (8 * i);
        }
        boolean inverted = Integer.bitCount(data) > Integer.SIZE / 2;
        if (inverted) {
            data = ~data;
        }
        List<Value> types = new ArrayList<>();
        for (int bit = 0; bit < Integer.SIZE; bit++) {
            if ((data & 1 << bit) != 0) {
                // A type's number shows in hex under -X raw (set members are otherwise decimal, as signals are).
                types.add(Decode.sym("icmp_filter_flags", bit, Value.Radix.HEX, "ICMP_???", true));
            }
        }
        return new Value.BitSet(types, inverted);
    }
}

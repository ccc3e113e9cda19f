package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * setsockopt/getsockopt as strace's net.c prints them: the option's name at each level strace
 * names, and its value: the structs of {@link NetSockoptValues} for the options strace decodes,
 * {@code [1]} for the ints, a string of the option's length for the rest.
 */
final class NetSockopt {
    private NetSockopt() {}

    /** A level's option names: its table, the get-only and set-only ones beside it, what an unknown one is called. */
    private record Level(String table, String getTable, String setTable, String unknown) {}

    /** How an option's value prints, from its address and length (the returned one for getsockopt). */
    @FunctionalInterface
    interface Printer {
        Value of(Call c, long addr, int len);
    }

    private static final Map<Integer, Level> LEVELS = levels();

    private static final int SOL_NETLINK = level("SOL_NETLINK");
    private static final long NETLINK_LIST_MEMBERSHIPS = constant("sock_netlink_options", "NETLINK_LIST_MEMBERSHIPS");

    /** strace's "all known int-like options" at SOL_SOCKET: {@code [1]} when the length holds an int. */
    private static final List<String> SOCKET_INTS = List.of("SO_DEBUG", "SO_REUSEADDR", "SO_DONTROUTE",
            "SO_BROADCAST", "SO_SNDBUF", "SO_RCVBUF", "SO_KEEPALIVE", "SO_OOBINLINE", "SO_NO_CHECK",
            "SO_PRIORITY", "SO_BSDCOMPAT", "SO_REUSEPORT", "SO_PASSCRED", "SO_RCVLOWAT", "SO_SNDLOWAT",
            "SO_DETACH_FILTER", "SO_TIMESTAMP_OLD", "SO_ACCEPTCONN", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE",
            "SO_PASSSEC", "SO_TIMESTAMPNS_OLD", "SO_MARK", "SO_TIMESTAMPING_OLD", "SO_RXQ_OVFL",
            "SO_WIFI_STATUS", "SO_PEEK_OFF", "SO_NOFCS", "SO_LOCK_FILTER", "SO_SELECT_ERR_QUEUE",
            "SO_BUSY_POLL", "SO_INCOMING_CPU", "SO_CNX_ADVICE", "SO_INCOMING_NAPI_ID", "SO_ZEROCOPY",
            "SO_TIMESTAMP_NEW", "SO_TIMESTAMPNS_NEW", "SO_TIMESTAMPING_NEW", "SO_DETACH_REUSEPORT_BPF",
            "SO_PREFER_BUSY_POLL", "SO_BUSY_POLL_BUDGET", "SO_RESERVE_MEM", "SO_RCVMARK");

    private static final Map<Long, Printer> SET = setters(), GET = getters();

    private static Map<Integer, Level> levels() {
        Map<Integer, Level> m = new HashMap<>();
        m.put(level("SOL_SOCKET"), new Level("sock_options", "getsock_options", "setsock_options", "SO_???"));
        m.put(level("SOL_IP"), new Level("sock_ip_options", "getsock_ip_options", "setsock_ip_options", "IP_???"));
        m.put(level("SOL_IPV6"), new Level("sock_ipv6_options", "getsock_ipv6_options", "setsock_ipv6_options", "IPV6_???"));
        // The vsock family checks the level against its address family, not a SOL_ value.
        m.put(level("AF_VSOCK"), new Level("sock_vsock_options", null, null, "SO_VM_???"));
        String[][] plain = {
                {"SOL_IPX", "sock_ipx_options", "IPX_???"}, {"SOL_AX25", "sock_ax25_options", "AX25_???"},
                {"SOL_PACKET", "sock_packet_options", "PACKET_???"}, {"SOL_TCP", "sock_tcp_options", "TCP_???"},
                {"SOL_CAN_RAW", "sock_can_raw_options", "CAN_RAW_???"}, {"SOL_SCTP", "sock_sctp_options", "SCTP_???"},
                {"SOL_RAW", "sock_raw_options", "RAW_???"}, {"SOL_NETLINK", "sock_netlink_options", "NETLINK_???"},
                {"SOL_UDP", "sock_udp_options", "UDP_???"}, {"SOL_IRDA", "sock_irda_options", "IRLMP_???"},
                {"SOL_LLC", "sock_llc_options", "LLC_OPT_???"}, {"SOL_DCCP", "sock_dccp_options", "DCCP_SOCKOPT_???"},
                {"SOL_TIPC", "sock_tipc_options", "TIPC_???"}, {"SOL_RXRPC", "sock_rxrpc_options", "RXRPC_???"},
                {"SOL_PPPOL2TP", "sock_pppol2tp_options", "PPPOL2TP_SO_???"},
                {"SOL_BLUETOOTH", "sock_bluetooth_options", "BT_???"}, {"SOL_PNPIPE", "sock_pnp_options", "PNPIPE_???"},
                {"SOL_RDS", "sock_rds_options", "RDS_???"}, {"SOL_IUCV", "sock_iucv_options", "SO_???"},
                {"SOL_CAIF", "sock_caif_options", "CAIFSO_???"}, {"SOL_ALG", "sock_alg_options", "ALG_???"},
                {"SOL_NFC", "sock_nfcllcp_options", "NFC_LLCP_???"}, {"SOL_KCM", "sock_kcm_options", "KCM_???"},
                {"SOL_TLS", "sock_tls_options", "TLS_???"}, {"SOL_XDP", "sock_xdp_options", "XDP_???"}};
        for (String[] p : plain) {
            m.put(level(p[0]), new Level(p[1], null, null, p[2]));
        }
        return Map.copyOf(m);
    }

    private static Map<Long, Printer> setters() {
        Map<Long, Printer> m = new HashMap<>();
        int sol = level("SOL_SOCKET"), ip = level("SOL_IP"), ip6 = level("SOL_IPV6"),
                packet = level("SOL_PACKET"), raw = level("SOL_RAW");
        put(m, sol, "sock_options", "SO_LINGER", NetSockoptValues::setLinger);
        put(m, sol, "setsock_options", "SO_ATTACH_FILTER", NetSockoptValues::setFilter);
        put(m, sol, "sock_options", "SO_ATTACH_REUSEPORT_CBPF", NetSockoptValues::setFilter);
        put(m, sol, "sock_options", "SO_TXREHASH", (c, a, len) -> NetSockoptValues.txrehash(c, a, len, false));
        for (String n : SOCKET_INTS) {
            put(m, sol, "sock_options", n, (c, a, len) -> len < Integer.BYTES ? Decode.ptr(a) : intAt(c, a));
        }
        for (String n : List.of("IP_ADD_MEMBERSHIP", "IP_DROP_MEMBERSHIP")) {
            put(m, ip, "sock_ip_options", n, NetSockoptValues::mreq);
        }
        for (String n : List.of("IPV6_ADD_MEMBERSHIP", "IPV6_DROP_MEMBERSHIP", "IPV6_JOIN_ANYCAST", "IPV6_LEAVE_ANYCAST")) {
            put(m, ip6, "sock_ipv6_options", n, NetSockoptValues::mreq6);
        }
        for (String n : List.of("MCAST_JOIN_GROUP", "MCAST_LEAVE_GROUP")) {
            put(m, ip, "sock_ip_options", n, NetSockoptValues::groupReq);
            put(m, ip6, "sock_ipv6_options", n, NetSockoptValues::groupReq);
        }
        put(m, packet, "sock_packet_options", "PACKET_RX_RING", NetSockoptValues::tpacketReq);
        put(m, packet, "sock_packet_options", "PACKET_TX_RING", NetSockoptValues::tpacketReq);
        put(m, packet, "sock_packet_options", "PACKET_ADD_MEMBERSHIP", NetSockoptValues::packetMreq);
        put(m, packet, "sock_packet_options", "PACKET_DROP_MEMBERSHIP", NetSockoptValues::packetMreq);
        put(m, raw, "sock_raw_options", "ICMP_FILTER", NetSockoptValues::icmpFilter);
        return Map.copyOf(m);
    }

    private static Map<Long, Printer> getters() {
        Map<Long, Printer> m = new HashMap<>();
        int sol = level("SOL_SOCKET");
        put(m, sol, "sock_options", "SO_LINGER", NetSockoptValues::getLinger);
        put(m, sol, "sock_options", "SO_PEERCRED", NetSockoptValues::peercred);
        put(m, sol, "getsock_options", "SO_GET_FILTER", NetSockoptValues::getFilter);
        put(m, sol, "sock_options", "SO_ERROR", NetSockoptValues::error);
        put(m, sol, "sock_options", "SO_TXREHASH", (c, a, len) -> NetSockoptValues.txrehash(c, a, len, true));
        for (String n : SOCKET_INTS) {
            put(m, sol, "sock_options", n, (c, a, len) -> len >= Integer.BYTES ? intAt(c, a) : Decode.printstr(c, a, len, true));
        }
        put(m, level("SOL_PACKET"), "sock_packet_options", "PACKET_STATISTICS", NetSockoptValues::tpacketStats);
        put(m, level("SOL_RAW"), "sock_raw_options", "ICMP_FILTER", NetSockoptValues::icmpFilter);
        return Map.copyOf(m);
    }

    private static void put(Map<Long, Printer> m, int level, String table, String name, Printer p) {
        m.put(key(level, (int) constant(table, name)), p);
    }

    private static long key(int level, int name) {
        return (long) level << 32 | (name & 0xffffffffL);
    }

    private static int level(String name) {
        return (int) constant("socketlayers", name);
    }

    private static long constant(String table, String name) {
        return Xlat.of(table).value(name).orElseThrow(() -> new IllegalStateException(table + " has no " + name));
    }

    /** The option name; at a level with get-only or set-only names, those come after the common ones. */
    static Value name(int level, int name, boolean get) {
        Level l = LEVELS.get(level);
        if (l == null) {
            return Value.Num.udec(name & 0xffffffffL);
        }
        long n = name & 0xffffffffL;
        String extra = get ? l.getTable() : l.setTable();
        Value v = Decode.sym(l.table(), n, Value.Radix.HEX, null);
        if (v instanceof Value.Sym || extra == null) {
            return v instanceof Value.Sym ? v : Decode.sym(l.table(), n, Value.Radix.HEX, l.unknown());
        }
        return Decode.sym(extra, n, Value.Radix.HEX, l.unknown());
    }

    /** setsockopt's value of {@code len} bytes (strace's print_setsockopt). */
    static Value set(Call c, int level, int name, long addr, int len) {
        if (addr != 0 && c.options.structs()) {
            Printer p = SET.get(key(level, name));
            if (p != null) {
                return p.of(c, addr, len);
            }
            if (level == SOL_NETLINK) {
                return len < Integer.BYTES ? Decode.ptr(addr) : intAt(c, addr);
            }
        }
        return plain(c, addr, len);
    }

    /** getsockopt's value: {@code ulen} the length the caller gave, {@code rlen} the one returned (print_getsockopt). */
    static Value get(Call c, int level, int name, long addr, int ulen, int rlen) {
        if (ulen <= 0 || rlen <= 0) {
            // The kernel neither takes nor returns a negative length: the caller forged it.
            return Decode.ptr(addr);
        }
        if (addr != 0 && c.options.structs()) {
            Printer p = GET.get(key(level, name));
            if (p != null) {
                return p.of(c, addr, rlen);
            }
            if (level == SOL_NETLINK) {
                return name == NETLINK_LIST_MEMBERSHIPS
                        ? IoArrays.array(c, addr, Math.min(ulen, rlen) / Integer.BYTES, Integer.BYTES,
                                b -> Value.Num.udec(b.u32(0)))
                        : intAt(c, addr);
            }
        }
        return plain(c, addr, rlen);
    }

    /** An option strace does not decode: an int as {@code [1]}, anything else as a string of its length. */
    private static Value plain(Call c, long addr, int len) {
        if (!c.options.structs()) {
            return Decode.ptr(addr);
        }
        return len == Integer.BYTES ? intAt(c, addr) : Decode.printstr(c, addr, len, false);
    }

    /** strace's printnum_int: {@code [N]}, the address when it cannot be read. */
    static Value intAt(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Integer v = NetworkKinds.readInt(c, addr);
        return v == null ? Decode.ptr(addr) : new Value.Arr(List.of(Decode.dec(v)), false);
    }
}

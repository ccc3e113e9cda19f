package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.List;

/** setsockopt/getsockopt option names per level and their values ({@code [1]} for ints). */
final class NetSockopt {
    private NetSockopt() {}

    static final int SOL_IP = 0;
    static final int SOL_SOCKET = 1;
    static final int SOL_TCP = 6;
    static final int SOL_UDP = 17;
    static final int SOL_IPV6 = 41;
    static final int SOL_NETLINK = 270;
    static final int SO_ERROR = 4;
    static final int SO_PEERCRED = 17;

    /** The option name; at SOL_SOCKET the set-only or get-only names come after the common ones. */
    static Value name(int level, int name, String socketExtra) {
        String table = switch (level) {
            case SOL_SOCKET -> "sock_options";
            case SOL_IP -> "sock_ip_options";
            case SOL_IPV6 -> "sock_ipv6_options";
            case SOL_TCP -> "sock_tcp_options";
            case SOL_UDP -> "sock_udp_options";
            case SOL_NETLINK -> "sock_netlink_options";
            default -> null;
        };
        if (table == null) {
            return Value.Num.udec(name & 0xffffffffL);
        }
        Value v = Decode.sym(table, name, Value.Radix.HEX, null);
        if (v instanceof Value.Sym || level != SOL_SOCKET) {
            return v instanceof Value.Sym ? v : Decode.sym(table, name, Value.Radix.HEX, unknown(level));
        }
        return Decode.sym(socketExtra, name, Value.Radix.HEX, "SO_???");
    }

    private static String unknown(int level) {
        return switch (level) {
            case SOL_IP -> "IP_???";
            case SOL_IPV6 -> "IPV6_???";
            case SOL_TCP -> "TCP_???";
            case SOL_UDP -> "UDP_???";
            case SOL_NETLINK -> "NETLINK_???";
            default -> "SO_???";
        };
    }

    /** An input option value: an int as {@code [1]}, anything else as a string of optlen bytes. */
    static Value value(Call c, long addr, int len) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (len == 4) {
            Integer v = NetworkKinds.readInt(c, addr);
            return v == null ? Decode.ptr(addr) : new Value.Arr(List.of(Decode.dec(v)), false);
        }
        return Decode.buffer(c, addr, len);
    }

    /** An output option value of the returned length; SO_PEERCRED as a ucred struct. */
    static Value got(Call c, int level, int name, long addr, int len) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (level == SOL_SOCKET && name == SO_PEERCRED && len >= 12) {
            Bytes b = Decode.struct(c, addr, 12);
            if (b != null) {
                return Decode.struct(Decode.field("pid", Pids.of(c, b.s32(0), Pids.Type.TGID)),
                        Decode.field("uid", Value.Num.udec(b.u32(4))),
                        Decode.field("gid", Value.Num.udec(b.u32(8))));
            }
        }
        if (level == SOL_SOCKET && name == SO_ERROR && len == 4) {
            // The pending error, by name as strace prints it: [ECONNREFUSED].
            Integer e = NetworkKinds.readInt(c, addr);
            if (e != null) {
                return new Value.Arr(List.of(e == 0 ? Decode.dec(0) : Decode.sym("errno", e, Value.Radix.DEC, null)), false);
            }
        }
        return value(c, addr, len);
    }
}

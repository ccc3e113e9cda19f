package io.jstrace.decode;

import io.jstrace.decode.netlink.Netlink;
import io.jstrace.model.Value;

import java.util.List;

/** Kinds for the network family: sockets, addresses, messages and socket options. */
final class NetworkKinds implements KindFamily {
    static final int SOCK_TYPE_MASK = 0xf;

    @Override
    public void register(Kinds k) {
        k.arg("sock_family", (c, i) -> Decode.sym("addrfams", c.intArg(i), Value.Radix.HEX, "AF_???"));
        k.arg("sock_type", (c, i) -> sockType(c.intArg(i)));
        k.arg("sock_protocol", (c, i) -> protocol(c.intArg(0), c.intArg(i)));
        k.arg("sock_flags", (c, i) -> flagsWithComment("sock_type_flags", c.arg(i) & 0xffffffffL, "SOCK_???"));
        k.arg("msg_flags", (c, i) -> Decode.flags("msg_flags", c.arg(i) & 0xffffffffL, "MSG_???"));

        // An input sockaddr whose length is argument N.
        k.argWithParam("sockaddr_in", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> c.arg(i) == 0 ? Value.NULL_PTR : NetSockaddr.at(c, c.arg(i), c.intArg(n));
        });
        // In/out socket lengths: the value at entry is kept (not printed) for the exit-time kinds.
        k.argWithParam("socklen_entry", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> {
                c.saved[n] = readInt(c, c.arg(n));
                return null;
            };
        });
        k.argWithParam("sockaddr_out", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.atExit((c, i) -> {
                Integer in = (Integer) c.saved[n];
                Integer out = readInt(c, c.arg(n));
                if (c.arg(i) == 0 || in == null || out == null || c.failed()) {
                    return Decode.ptr(c.arg(i));
                }
                return NetSockaddr.at(c, c.arg(i), Math.min(in, out));
            });
        });
        k.arg("socklen_out", ArgKind.atExit((c, i) -> {
            Integer in = (Integer) c.saved[i];
            if (in == null) {
                return Decode.ptr(c.arg(i));
            }
            Integer out = c.failed() ? null : readInt(c, c.arg(i));
            if (out == null || out.equals(in)) {
                return new Value.Arr(List.of(Decode.dec(out == null ? in : out)), false);
            }
            return new Value.Arr(List.of(new Value.Changed(Decode.dec(in), Decode.dec(out))), false);
        }));
        k.arg("int_pair_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 8);
            return b == null ? Decode.ptr(c.arg(i))
                    : new Value.Arr(List.of(Decode.fd(c, b.s32(0)), Decode.fd(c, b.s32(Integer.BYTES))), false);
        }));

        // send/recv buffers: netlink messages on netlink sockets, else strings (strace's decode_sockbuf)
        k.argWithParam("sockbuf_in", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.withRole(new Role.Data(Role.Shape.BUFFER, true, n),
                    (c, i) -> Netlink.sockbuf(c, c.intArg(0), c.arg(i), c.arg(n)));
        });
        k.arg("sockbuf_out", ArgKind.withRole(new Role.Data(Role.Shape.BUFFER, false, -1), ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i))
                : Netlink.sockbuf(c, c.intArg(0), c.arg(i), Long.compareUnsigned(c.ret(), c.arg(2)) < 0 ? c.ret() : c.arg(2)))));

        k.arg("msghdr_in", ArgKind.withRole(new Role.Data(Role.Shape.MSGHDR, true, -1), (c, i) -> c.arg(i) == 0
                ? Value.NULL_PTR : NetMsg.msghdr(c, c.arg(i), null, IovDecoder.UNLIMITED)));
        // recvmsg: the name length the caller gave, kept from entry (shown alone when the call fails).
        k.arg("msg_namelen_entry", (c, i) -> {
            c.saved[1] = c.arg(1) == 0 ? null : NetMsg.namelen(c, c.arg(1));
            return null;
        });
        k.arg("msghdr_out", ArgKind.withRole(new Role.Data(Role.Shape.MSGHDR, false, -1), ArgKind.atExit((c, i) -> {
            Integer user = (Integer) c.saved[1];
            if (c.failed()) {
                return user == null ? Decode.ptr(c.arg(i)) : NetMsg.namelenOnly(user);
            }
            return c.arg(i) == 0 ? Value.NULL_PTR : NetMsg.msghdr(c, c.arg(i), user, c.ret());
        })));

        // sendmmsg shows the vector at exit, failed or not, msg_len of as many as were sent.
        k.arg("mmsgvec_sent", ArgKind.withRole(new Role.Data(Role.Shape.MMSG, true, -1), ArgKind.atExit((c, i) ->
                NetMsg.mmsgvec(c, c.arg(i), c.arg(2) & 0xffffffffL, c.failed() ? 0 : c.ret(), false, null))));
        // recvmmsg: the name lengths the caller gave, read at entry, and the received messages at exit.
        k.arg("mmsg_namelens_entry", (c, i) -> {
            c.saved[1] = c.options.structs() ? NetMsg.namelens(c, c.arg(1), c.arg(2) & 0xffffffffL) : null;
            return null;
        });
        k.arg("mmsgvec_received", ArgKind.withRole(new Role.Data(Role.Shape.MMSG, false, -1), ArgKind.atExit((c, i) ->
                c.failed() ? Decode.ptr(c.arg(i)) : NetMsg.mmsgvec(c, c.arg(i), c.ret(), c.ret(), true, (int[]) c.saved[1]))));

        // recvmmsg's timeout is updated in place: strace shows what is left after the result, or
        // that none was received; nothing when structures are not shown (-e verbose=).
        k.ret("recvmmsg", ReturnKind.decimalWith(c -> {
            if (c.failed()) {
                return null;
            }
            if (c.ret() == 0) {
                return new Value.Note("Timeout");
            }
            return !c.options.structs() || c.arg(4) == 0 ? null
                    : new Value.Labeled("left", TimeDecoder.timespecAt(c, c.arg(4)));
        }));

        k.arg("sol", (c, i) -> Decode.sym("socketlayers", c.intArg(i) & 0xffffffffL, Value.Radix.HEX, "SOL_??"));
        k.arg("setsockopt_name", (c, i) -> NetSockopt.name(c.intArg(1), c.intArg(i), false));
        k.arg("getsockopt_name", (c, i) -> NetSockopt.name(c.intArg(1), c.intArg(i), true));
        k.arg("setsockopt_val", (c, i) -> NetSockopt.set(c, c.intArg(1), c.intArg(2), c.arg(i), c.intArg(i + 1)));
        // The length the caller gave is kept at entry (socklen_entry); without it only the address shows.
        k.arg("getsockopt_val", ArgKind.atExit((c, i) -> {
            Integer ulen = (Integer) c.saved[i + 1];
            Integer rlen = c.failed() ? null : readInt(c, c.arg(i + 1));
            if (ulen == null || rlen == null) {
                return Decode.ptr(c.arg(i));
            }
            return NetSockopt.get(c, c.intArg(1), c.intArg(2), c.arg(i), ulen, rlen);
        }));
    }

    static Integer readInt(Call c, long addr) {
        if (addr == 0) {
            return null;
        }
        Bytes b = Decode.struct(c, addr, 4);
        return b == null ? null : b.s32(0);
    }

    /** {@code SOCK_STREAM|SOCK_CLOEXEC}: the type in the low bits, then the flags. */
    static Value sockType(int type) {
        Value base = Decode.sym("socktypes", type & SOCK_TYPE_MASK, Value.Radix.HEX, "SOCK_???");
        long rest = type & ~SOCK_TYPE_MASK & 0xffffffffL;
        if (rest == 0) {
            return base;
        }
        return new Value.Or(base, flagsWithComment("sock_type_flags", rest, "SOCK_???"));
    }

    /** Flags whose unnamed bits get strace's {@code /* X_??? *}{@code /} comment. */
    static Value flagsWithComment(String table, long value, String unknown) {
        Value v = Decode.flags(table, value);
        if (v instanceof Value.Flags f && f.rest() != 0 && value != 0) {
            return new Value.Commented(v, unknown);
        }
        return v;
    }

    /** socket()'s protocol is named per family. */
    static Value protocol(int family, int proto) {
        return switch (family) {
            case NetSockaddr.AF_INET, NetSockaddr.AF_INET6 ->
                    Decode.sym("inet_protocols", proto, Value.Radix.HEX, "IPPROTO_???");
            case NetSockaddr.AF_NETLINK -> Decode.sym("netlink_protocols", proto, Value.Radix.HEX, "NETLINK_???");
            case 17 /* AF_PACKET */ -> new Value.Call("htons", List.of(Decode.sym("ethernet_protocols",
                    Short.toUnsignedInt(Short.reverseBytes((short) proto)), Value.Radix.HEX, "ETH_P_???")));
            default -> Value.Num.udec(proto & 0xffffffffL);
        };
    }
}

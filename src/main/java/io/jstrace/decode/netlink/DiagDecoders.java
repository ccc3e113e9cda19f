package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.NetSockaddr;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.netlink.AttrDecoder.one;

/**
 * NETLINK_SOCK_DIAG's decoders of a shape of their own (strace's netlink_inet_diag.c and
 * netlink_packet_diag.c): {@code bc_op} (an inet_diag filter instruction and its operand),
 * {@code shutdown TABLE} (shutdown bits, always with their names in a comment), {@code sockaddrs}
 * (sockaddr_storage array), {@code sockopt} (struct inet_diag_sockopt's bit fields),
 * {@code sock_filter} (a classic BPF program); and the message {@code inet_diag_req}.
 */
final class DiagDecoders {
    private DiagDecoders() {}

    private static final int TCPDIAG_GETSOCK = 18, DCCPDIAG_GETSOCK = 19;
    private static final int SOCKADDR_STORAGE = 128;
    private static final int BC_S_GE = 2, BC_S_LE = 3, BC_D_GE = 4, BC_D_LE = 5, BC_S_COND = 7, BC_D_COND = 8,
            BC_DEV_COND = 9, BC_MARK_COND = 10;
    /** struct inet_diag_sockopt's bit fields, in order (strace's own copy of the struct). */
    private static final String[] SOCKOPT_BITS = {"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop",
            "transparent", "mc_all", "nodefrag", "bind_address_no_port", "recverr_rfc4884", "defer_connect"};
    private static final int SOCKOPT_SIZE = 2;

    static AttrDecoder of(String[] p, String where) {
        return switch (p[0]) {
            case "bc_op" -> DiagDecoders::bcOp;
            case "shutdown" -> one((c, a, len) -> AttrDecoders.fixed(c, a, len, 1, b -> shutdown(b.u8(0), p[1])));
            case "sockaddrs" -> one((c, a, len) -> len / SOCKADDR_STORAGE == 0 ? null
                    : NlArrays.array(c, a, len / SOCKADDR_STORAGE, SOCKADDR_STORAGE, NetSockaddr::of));
            case "sockopt" -> DiagDecoders::sockopt;
            case "sock_filter" -> one(SockFilter::decode);
            default -> CryptoMessages.decoder(p, where);
        };
    }

    static Messages.Decoder message(String name) {
        if (!name.equals("inet_diag_req")) {
            throw new IllegalStateException("unknown netlink message decoder " + name);
        }
        return (c, f, a, len) -> c.type == TCPDIAG_GETSOCK || c.type == DCCPDIAG_GETSOCK
                ? Messages.head(c, f, a, len, NlSpec.struct("inet_diag_req"), "inet_diag_req")
                : Messages.head(c, f, a, len, NlSpec.struct("inet_diag_req_v2"), "inet_diag_req");
    }

    /** INET_DIAG_REQ_BYTECODE: the op, then what its code takes. */
    private static List<Value> bcOp(NlCtx c, long addr, int len) {
        StructSpec op = NlSpec.struct("inet_diag_bc_op");
        if (len < op.size()) {
            return null;
        }
        Bytes b = c.mem.read(addr, op.size());
        if (b == null) {
            return List.of(new Value.Unreadable(addr));
        }
        Value v = op.print(c, b);
        if (len == op.size()) {
            return List.of(v);
        }
        long a = addr + op.size();
        int n = len - op.size();
        return List.of(v, switch ((int) b.u(op.field("code"))) {
            case BC_S_COND, BC_D_COND -> hostcond(c, a, n);
            case BC_DEV_COND -> n < 4 ? c.mem.hex(a, n) : AttrDecoders.fixed(c, a, n, 4, x -> NetSockaddr.ifindex(x.u32(0)));
            case BC_S_GE, BC_S_LE, BC_D_GE, BC_D_LE -> whole(c, op, a, n);
            case BC_MARK_COND -> whole(c, NlSpec.struct("inet_diag_markcond"), a, n);
            default -> c.mem.hex(a, n);
        });
    }

    private static Value whole(NlCtx c, StructSpec s, long addr, int len) {
        return SelinuxMessages.whole(c, s, addr, len);
    }

    /** struct inet_diag_hostcond and the address after it. */
    private static Value hostcond(NlCtx c, long addr, int len) {
        StructSpec s = NlSpec.struct("inet_diag_hostcond");
        if (len < s.size()) {
            return c.mem.hex(addr, len);
        }
        Bytes b = c.mem.read(addr, s.size());
        if (b == null) {
            return new Value.Unreadable(addr);
        }
        List<Value.Field> f = new ArrayList<>(s.members(c, b, 0));
        if (len > s.size()) {
            Value inet = AttrDecoders.inetAddr(c, addr + s.size(), len - s.size(), (int) b.u(s.field("family")), "addr");
            f.add(inet instanceof Value.Field field ? field : new Value.Field(null, inet));
        }
        return new Value.Struct(f, false);
    }

    /**
     * INET_DIAG_SHUTDOWN: RCV_SHUTDOWN and SEND_SHUTDOWN are no part of the UAPI, so strace shows
     * the number with the names in a comment ({@code 0x3 /* RCV_SHUTDOWN|SEND_SHUTDOWN *}{@code /}),
     * the number alone under -X raw.
     */
    static Value shutdown(long v, String table) {
        Value num = Value.Num.hex(v);
        if (v == 0) {
            return num;
        }
        Xlat.Flags f = Xlat.of(table).flags(v);
        List<String> parts = new ArrayList<>(f.names());
        if (f.rest() != 0 && !parts.isEmpty()) {
            parts.add("0x" + Long.toHexString(f.rest()));
        }
        String comment = parts.isEmpty() ? "???_SHUTDOWN" : String.join("|", parts);
        return new Value.Styled(num, new Value.Commented(num, comment), new Value.Name(comment));
    }

    /**
     * INET_DIAG_SOCKOPT: each bit field, only those set unless -v; the unused bits when set; then
     * any non-zero bytes after the struct.
     */
    private static List<Value> sockopt(NlCtx c, long addr, int len) {
        if (len < SOCKOPT_SIZE) {
            return null;
        }
        Bytes b = c.mem.read(addr, SOCKOPT_SIZE);
        if (b == null) {
            return List.of(new Value.Unreadable(addr));
        }
        int bits = b.u16(0);
        List<Value.Field> f = new ArrayList<>();
        for (int i = 0; i < SOCKOPT_BITS.length; i++) {
            int bit = bits >> i & 1;
            if (!c.mem.abbrev() || bit != 0) {
                f.add(Decode.field(SOCKOPT_BITS[i], Value.Num.udec(bit)));
            }
        }
        int unused = bits >> SOCKOPT_BITS.length;
        if (!c.mem.abbrev() || unused != 0) {
            f.add(Decode.field("unused", new Value.Commented(Value.Num.hex(unused), "bits 3..8")));
        }
        List<Value> out = new ArrayList<>();
        out.add(new Value.Struct(f, false));
        Value rest = nonzeroBytes(c, addr, SOCKOPT_SIZE, Math.min(len, 4096));
        if (rest != null) {
            out.add(rest);
        }
        return out;
    }

    /** strace's print_nonzero_bytes: bytes {@code from..total-1} when any is not zero, as hex. */
    static Value nonzeroBytes(NlCtx c, long addr, int from, int total) {
        if (from >= total) {
            return null;
        }
        byte[] b = c.mem.bytes(addr + from, total - from);
        if (b == null) {
            return new Value.Note("???");
        }
        if (StructSpec.allZero(b)) {
            return null;
        }
        int shown = Math.min(b.length, c.mem.stringLimit());
        return new Value.ByteRange(from, total - 1,
                new Value.Str(java.util.Arrays.copyOf(b, shown), shown < b.length, true));
    }
}

package io.jstrace.decode.netlink;

import io.jstrace.decode.Pids;
import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.decode.SockDescriber;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Netlink messages in a socket buffer (sendto, recvfrom, and each iovec of sendmsg and recvmsg),
 * as strace 6.1's decode_netlink prints them: each message's header, then its body decoded by
 * the socket's protocol (route, sock_diag, netfilter, crypto, selinux), nlmsgerr and
 * NLMSG_DONE bodies, the rest as hex. Several messages print in brackets, at most -s of them
 * without -v.
 */
public final class Netlink {
    private Netlink() {}

    static final Layout NLMSGHDR = Layout.of("nlmsghdr");
    private static final Layout.Field NLMSG_LEN = NLMSGHDR.field("nlmsg_len"), NLMSG_TYPE = NLMSGHDR.field("nlmsg_type"),
            NLMSG_FLAGS = NLMSGHDR.field("nlmsg_flags"), NLMSG_SEQ = NLMSGHDR.field("nlmsg_seq"),
            NLMSG_PID = NLMSGHDR.field("nlmsg_pid");
    static final Layout NLMSGERR = Layout.of("nlmsgerr");
    private static final Layout.Field ERR_ERROR = NLMSGERR.field("error"), ERR_MSG = NLMSGERR.field("msg");

    static final int HDRLEN = NLMSGHDR.size();
    static final int NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3, NLMSG_MIN_TYPE = 0x10;
    private static final int NLM_F_CAPPED = 0x100;
    static final int NETLINK_KOBJECT_UEVENT = 15;

    /** Body decoders by protocol; one returns null when the body is not its to decode. */
    private static final Map<Integer, Body> BODIES = Map.of(
            0, RouteMessages::body,
            4, DiagMessages::body,
            7, SelinuxMessages::body,
            12, NetfilterMessages::body,
            21, CryptoMessages::body);

    /** A protocol's decoder of message bodies. */
    @FunctionalInterface
    interface Body {
        List<Value> decode(NlCtx ctx, long addr, int len);
    }

    /**
     * strace's decode_sockbuf: the buffer of a send or receive call on socket {@code fd}, as
     * netlink messages when it is a netlink socket (and structures are shown), else as a string.
     */
    public static Value sockbuf(Call c, int fd, long addr, long len) {
        int protocol = SockDescriber.netlinkProtocol(c.tid, fd);
        if (protocol == SockDescriber.NOT_NETLINK || !c.options.structs()) {
            // A plain buffer, read as every buffer is (a backend that captured it at the call has it whole).
            return Decode.buffer(c, addr, len);
        }
        return decode(c, protocol, addr, len);
    }

    /** An iovec of a msghdr naming an AF_NETLINK peer: netlink messages of {@code fd}'s protocol, if known. */
    public static Value iov(Call c, int fd, long addr, long len) {
        return decode(c, Math.max(-1, SockDescriber.netlinkProtocol(c.tid, fd)), addr, len);
    }

    /** The messages of {@code len} bytes at {@code addr} of a socket of {@code protocol} (-1: unknown). */
    static Value decode(Call c, int protocol, long addr, long len) {
        NlMem mem = new NlMem(c, addr, len);
        if (protocol == NETLINK_KOBJECT_UEVENT) {
            return Uevent.decode(mem, addr, len);
        }
        return NlList.walk(mem, addr, len, HDRLEN, h -> h.u(NLMSG_LEN), (h, a, left) -> message(mem, protocol, h, a, left));
    }

    /** A header and, when the message is longer than one, its body: strace's decode_nlmsghdr_with_payload. */
    private static Value message(NlMem mem, int protocol, Bytes h, long addr, long len) {
        long shown = Math.min(h.u(NLMSG_LEN), len);
        int type = (int) h.u(NLMSG_TYPE);
        int flags = (int) h.u(NLMSG_FLAGS);
        Value header = Decode.struct(
                Decode.field("nlmsg_len", Value.Num.udec(h.u(NLMSG_LEN))),
                Decode.field("nlmsg_type", NlTypes.type(mem.call, protocol, type)),
                Decode.field("nlmsg_flags", NlTypes.flags(protocol, type, flags)),
                Decode.field("nlmsg_seq", Value.Num.udec(h.u(NLMSG_SEQ))),
                Decode.field("nlmsg_pid", Pids.of(mem.call, (int) h.s(NLMSG_PID), Pids.Type.TGID)));
        if (shown <= HDRLEN) {
            return header;
        }
        NlCtx ctx = new NlCtx(mem, protocol, type, flags, -1, null);
        List<Value> items = new ArrayList<>();
        items.add(header);
        items.addAll(body(ctx, addr + HDRLEN, (int) (shown - HDRLEN)));
        return new Value.Arr(items, false);
    }

    /** What follows the header in the message's brackets. */
    private static List<Value> body(NlCtx ctx, long addr, int len) {
        if (ctx.type == NLMSG_ERROR) {
            return List.of(error(ctx, addr, len, (ctx.flags & NLM_F_CAPPED) != 0));
        }
        // NLMSG_DONE goes to the protocol too: a few carry more than the usual integer.
        if (ctx.type >= NLMSG_MIN_TYPE || ctx.type == NLMSG_DONE) {
            Body b = BODIES.get(ctx.protocol);
            List<Value> v = b == null ? null : b.decode(ctx, addr, len);
            if (v != null) {
                return v;
            }
        }
        if (ctx.type == NLMSG_DONE && len == 4) {
            Bytes n = ctx.mem.read(addr, 4);
            return List.of(n == null ? new Value.Unreadable(addr) : Value.Num.dec(n.s32(0)));
        }
        return List.of(ctx.mem.hex(addr, len));
    }

    /** struct nlmsgerr: the error and the message it answers (its header only when NLM_F_CAPPED), then attributes. */
    private static Value error(NlCtx ctx, long addr, int len, boolean capped) {
        if (len < NLMSGERR.size()) {
            return ctx.mem.hex(addr, len);
        }
        Bytes err = ctx.mem.read(addr, NLMSGERR.size());
        if (err == null) {
            return new Value.Unreadable(addr);
        }
        long msgAddr = addr + ERR_MSG.offset();
        int left = len - ERR_MSG.offset();
        Bytes msg = new Bytes(java.util.Arrays.copyOfRange(err.b(), ERR_MSG.offset(), ERR_MSG.offset() + HDRLEN));
        long msgLen = Math.max(HDRLEN, msg.u(NLMSG_LEN));
        int payload = (int) Math.min(left, capped ? HDRLEN : msgLen);
        Value v = Decode.struct(Decode.field("error", errno(err.s(ERR_ERROR))),
                Decode.field("msg", message(ctx.mem, ctx.protocol, msg, msgAddr, payload)));
        if (left <= payload) {
            return v;
        }
        return new Value.Arr(List.of(v, Nlattr.list(ctx, msgAddr + payload, left - payload, NlSpec.attrs("nlmsgerr"))), false);
    }

    /** strace's print_err of a negated errno: {@code -EACCES}, the number under -X raw. */
    static Value errno(long err) {
        String name = Xlat.of("errno").name(-err);
        if (name == null) {
            return Value.Num.dec(err);
        }
        return new Value.Decoded(err, Value.Radix.DEC, new Value.Name((err < 0 ? "-" : "") + name), false);
    }
}

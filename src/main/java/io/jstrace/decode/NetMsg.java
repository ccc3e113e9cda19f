package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/** struct msghdr and struct mmsghdr (sendmsg, recvmsg, sendmmsg, recvmmsg), as strace 6.1's print_struct_msghdr. */
final class NetMsg {
    private NetMsg() {}

    static final Layout MSGHDR = Layout.of("msghdr"), MMSGHDR = Layout.of("mmsghdr");
    private static final Layout.Field MSG_NAME = MSGHDR.field("msg_name"), MSG_NAMELEN = MSGHDR.field("msg_namelen"),
            MSG_IOV = MSGHDR.field("msg_iov"), MSG_IOVLEN = MSGHDR.field("msg_iovlen"),
            MSG_CONTROL = MSGHDR.field("msg_control"), MSG_CONTROLLEN = MSGHDR.field("msg_controllen"),
            MSG_FLAGS = MSGHDR.field("msg_flags"), MSG_HDR = MMSGHDR.field("msg_hdr"), MSG_LEN = MMSGHDR.field("msg_len");
    /** How many mmsghdrs strace looks at, at most (the kernel's UIO_MAXIOV). */
    private static final int IOV_MAX = 1024;

    /**
     * A msghdr at {@code addr}. {@code userNamelen} is msg_namelen at entry (recvmsg prints
     * {@code 110 => 16} when it changed; null for sendmsg), {@code dataSize} bounds the iov data.
     */
    static Value msghdr(Call c, long addr, Integer userNamelen, long dataSize) {
        Bytes b = Decode.struct(c, addr, MSGHDR.size());
        return b == null ? Decode.ptr(addr) : msghdr(c, b, userNamelen, dataSize);
    }

    /** A msghdr already read. */
    static Value msghdr(Call c, Bytes b, Integer userNamelen, long dataSize) {
        List<Value.Field> f = new ArrayList<>();
        int namelen = (int) b.s(MSG_NAMELEN);
        // The kernel may say it has a longer name than the caller's buffer took.
        int shown = userNamelen != null && namelen > userNamelen ? userNamelen : namelen;
        f.add(field("msg_name", NetSockaddr.at(c, b.u(MSG_NAME), shown)));
        Value len = Decode.dec(namelen);
        if (userNamelen != null && userNamelen != namelen) {
            len = new Value.Changed(Decode.dec(userNamelen), len);
        }
        f.add(field("msg_namelen", len));
        long iovlen = b.u(MSG_IOVLEN);
        // The data of messages to or from a netlink address is netlink messages.
        IovDecoder.Mode mode = NetSockaddr.family(c, b.u(MSG_NAME), shown) == NetSockaddr.AF_NETLINK
                ? IovDecoder.Mode.NETLINK : IovDecoder.Mode.STR;
        f.add(field("msg_iov", IovDecoder.iov(c, b.u(MSG_IOV), iovlen, mode, dataSize)));
        f.add(field("msg_iovlen", Value.Num.udec(iovlen)));
        long controllen = b.u(MSG_CONTROLLEN);
        if (controllen != 0) {
            f.add(field("msg_control", NetCmsg.control(c, b.u(MSG_CONTROL), controllen)));
        }
        f.add(field("msg_controllen", Value.Num.udec(controllen)));
        f.add(field("msg_flags", Decode.flags("msg_flags", b.u(MSG_FLAGS), "MSG_???")));
        return new Value.Struct(f, false);
    }

    /** What strace shows of a failed recvmsg's msghdr: the name length the caller gave. */
    static Value namelenOnly(int userNamelen) {
        return Decode.struct(field("msg_namelen", Decode.dec(userNamelen)));
    }

    /** The msg_namelen of a msghdr at {@code addr} (recvmsg's, read at entry), or null. */
    static Integer namelen(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, MSGHDR.size());
        return b == null ? null : (int) b.s(MSG_NAMELEN);
    }

    /** The msg_namelen of each of the first {@code count} mmsghdrs at {@code addr} that can be read (recvmmsg's, at entry). */
    static int[] namelens(Call c, long addr, long count) {
        int n = (int) Math.min(Long.compareUnsigned(count, IOV_MAX) > 0 ? IOV_MAX : count, IOV_MAX);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Bytes b = Decode.struct(c, addr + (long) i * MMSGHDR.size(), MMSGHDR.size());
            if (b == null) {
                break;
            }
            out.add((int) b.slice(MSG_HDR).s(MSG_NAMELEN));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * An mmsghdr array (sendmmsg, recvmmsg): {@code count} entries, of which the first
     * {@code withLen} show msg_len; received data is bounded by each entry's msg_len, and
     * {@code userNamelens} (recvmmsg) are the name lengths the caller gave.
     */
    static Value mmsgvec(Call c, long addr, long count, long withLen, boolean dataByLen, int[] userNamelens) {
        // strace stops after IOV_MAX of them, or after as many as it read the name lengths of.
        int cap = userNamelens != null ? userNamelens.length : IOV_MAX;
        Value v = mmsgs(c, addr, Long.compareUnsigned(count, cap) > 0 ? cap : count, withLen, dataByLen, userNamelens);
        return Long.compareUnsigned(count, cap) > 0 && v instanceof Value.Arr a && !a.truncated() && a.items().size() == cap
                ? new Value.Arr(a.items(), true) : v;
    }

    private static Value mmsgs(Call c, long addr, long count, long withLen, boolean dataByLen, int[] userNamelens) {
        int[] index = {0};
        return IoArrays.array(c, addr, count, MMSGHDR.size(), b -> {
            int i = index[0]++;
            long len = b.u(MSG_LEN);
            Integer user = userNamelens != null && i < userNamelens.length ? userNamelens[i] : null;
            Value hdr = msghdr(c, b.slice(MSG_HDR), user, dataByLen ? len : IovDecoder.UNLIMITED);
            if (i >= withLen) {
                return Decode.struct(field("msg_hdr", hdr));
            }
            return Decode.struct(field("msg_hdr", hdr), field("msg_len", Value.Num.udec(len)));
        });
    }
}

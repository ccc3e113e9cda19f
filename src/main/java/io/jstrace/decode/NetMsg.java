package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** struct msghdr and its control messages (sendmsg, recvmsg), as strace's print_msghdr. */
final class NetMsg {
    private NetMsg() {}

    static final int MSGHDR = 56;
    static final int CMSGHDR = 16;
    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int SCM_CREDENTIALS = 2;

    /**
     * A msghdr at {@code addr}. {@code inNamelen} is msg_namelen at entry (recvmsg prints
     * {@code 110 => 16} when it changed; null for sendmsg), {@code dataSize} bounds the iov data.
     */
    static Value msghdr(Call c, long addr, Integer inNamelen, long dataSize) {
        Bytes b = Decode.struct(c, addr, MSGHDR);
        return b == null ? Decode.ptr(addr) : msghdr(c, b, inNamelen, dataSize);
    }

    /** A msghdr already read (the first 56 bytes of {@code b}). */
    static Value msghdr(Call c, Bytes b, Integer inNamelen, long dataSize) {
        List<Value.Field> f = new ArrayList<>();
        long name = b.s64(0);
        int namelen = b.s32(8);
        f.add(Decode.field("msg_name", name == 0 ? Value.NULL_PTR : NetSockaddr.at(c, name, namelen)));
        Value len = Decode.dec(namelen);
        if (inNamelen != null && inNamelen != namelen) {
            len = new Value.Changed(Decode.dec(inNamelen), len);
        }
        f.add(Decode.field("msg_namelen", len));
        long iovlen = b.s64(24);
        IovDecoder.Mode mode = family(c, name, namelen) == NetSockaddr.AF_NETLINK ? IovDecoder.Mode.NETLINK : IovDecoder.Mode.STR;
        f.add(Decode.field("msg_iov", IovDecoder.iov(c, b.s64(16), iovlen, mode, dataSize)));
        f.add(Decode.field("msg_iovlen", Value.Num.udec(iovlen)));
        long controllen = b.s64(40);
        if (controllen != 0) {
            f.add(Decode.field("msg_control", control(c, b.s64(32), controllen)));
        }
        f.add(Decode.field("msg_controllen", Value.Num.udec(controllen)));
        f.add(Decode.field("msg_flags", Decode.flags("msg_flags", b.u32(48))));
        return new Value.Struct(f, false);
    }

    /** The family of the address msg_name points to, as strace's decode_sockaddr returns it (-1 when not printed). */
    private static int family(Call c, long name, int namelen) {
        if (name == 0 || namelen < 2) {
            return -1;
        }
        Bytes b = Decode.struct(c, name, 2);
        return b == null ? -1 : b.u16(0);
    }

    static final int MMSGHDR = 64;

    /**
     * An mmsghdr array (sendmmsg, recvmmsg): {@code count} entries, of which the first
     * {@code withLen} show msg_len; received data is bounded by each entry's msg_len.
     */
    static Value mmsgvec(Call c, long addr, long count, long withLen, boolean dataByLen) {
        int[] index = {0};
        return IoArrays.array(c, addr, count, MMSGHDR, b -> {
            int i = index[0]++;
            long len = b.u32(56);
            Value hdr = msghdr(c, b, null, dataByLen ? len : IovDecoder.UNLIMITED);
            if (i >= withLen) {
                return Decode.struct(Decode.field("msg_hdr", hdr));
            }
            return Decode.struct(Decode.field("msg_hdr", hdr), Decode.field("msg_len", Value.Num.udec(len)));
        });
    }

    /** The cmsghdr chain: each header aligned to 8 bytes, at most -s of them unless -v. */
    static Value control(Call c, long addr, long controllen) {
        int size = (int) Math.min(controllen, 1 << 16);
        Bytes b = Decode.struct(c, addr, size);
        if (b == null) {
            return Decode.ptr(addr);
        }
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        List<Value> items = new ArrayList<>();
        int off = 0;
        while (size - off >= CMSGHDR) {
            if (items.size() >= limit) {
                return new Value.Arr(items, true);
            }
            long len = b.s64(off);
            int level = b.s32(off + 8);
            int type = b.s32(off + 12);
            List<Value.Field> f = new ArrayList<>();
            f.add(Decode.field("cmsg_len", Value.Num.udec(len)));
            f.add(Decode.field("cmsg_level", Decode.sym("socketlayers", level, Value.Radix.HEX, "SOL_???")));
            f.add(Decode.field("cmsg_type", level == SOL_SOCKET
                    ? Decode.sym("scmvals", type, Value.Radix.HEX, "SCM_???") : Value.Num.hex(type)));
            long avail = Math.min(len, size - off);
            if (avail > CMSGHDR) {
                f.add(Decode.field("cmsg_data", data(c, b, off + CMSGHDR, (int) avail - CMSGHDR, level, type)));
            }
            items.add(new Value.Struct(f, false));
            if (len < CMSGHDR) {
                break;
            }
            off += (int) ((len + 7) & ~7L);
            if (off < 0) {
                break;
            }
        }
        return new Value.Arr(items, false);
    }

    private static Value data(Call c, Bytes b, int off, int len, int level, int type) {
        if (level == SOL_SOCKET && type == SCM_RIGHTS) {
            List<Value> fds = new ArrayList<>();
            for (int i = 0; i + 4 <= len; i += 4) {
                fds.add(Decode.fd(c, b.s32(off + i)));
            }
            return new Value.Arr(fds, false);
        }
        if (level == SOL_SOCKET && type == SCM_CREDENTIALS && len >= 12) {
            return Decode.struct(Decode.field("pid", Decode.dec(b.s32(off))),
                    Decode.field("uid", Value.Num.udec(b.u32(off + 4))),
                    Decode.field("gid", Value.Num.udec(b.u32(off + 8))));
        }
        byte[] d = java.util.Arrays.copyOfRange(b.b(), off, off + len);
        return new Value.Str(d, false);
    }
}

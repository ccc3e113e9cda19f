package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.decode.NetSockaddr;
import io.jstrace.model.Value;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;

/**
 * Socket requests (type 0x89), as strace's sock.c prints them: the owner and mark ints, bridge
 * names, SIOCGIFCONF's interface list, and the address alone for the requests strace does not
 * look into. Not yet: the struct ifreq requests (SIOCGIFFLAGS and the like), shown in hex.
 */
final class SockIoctls {
    private SockIoctls() {}

    private static final Layout IFCONF = Layout.of("ifconf"), IFREQ = Layout.of("ifreq");
    private static final Layout.Field LEN = IFCONF.field("ifc_len"), BUF = IFCONF.field("ifc_ifcu.ifcu_buf");
    private static final Layout.Field NAME = IFREQ.field("ifr_ifrn.ifrn_name"), ADDR = IFREQ.field("ifr_ifru.ifru_addr");
    /** IFNAMSIZ: a bridge's name is at most that long, NUL included. */
    private static final int IFNAMSIZ = NAME.size();

    /** An int the call fills in: strace prints it at exit whether or not the call failed. */
    private static final IoctlArg OUT_INT = (c, arg, atEntry) -> IoctlArg.INT.read(c, arg);

    /** ifc_len, with how many struct ifreq it holds when it is a whole number of them. */
    private static Value length(long len) {
        Value n = Value.Num.dec(len);
        return len > 0 && len % IFREQ.size() == 0
                ? new Value.Commented(n, len / IFREQ.size() + " * sizeof(struct ifreq)") : n;
    }

    private static Value ifreq(Bytes b) {
        return Decode.struct(field("ifr_name", StructFields.cstring(b, NAME)),
                field("ifr_addr", NetSockaddr.of(StructFields.of(b, ADDR))));
    }

    /**
     * SIOCGIFCONF: with a NULL ifc_buf the kernel tells the length it needs; with a buffer it fills
     * it and tells how much it used. The length given shows at entry (when there is a buffer), the
     * one returned after {@code =>} when it changed; then the interfaces, or the address after a
     * failure. strace reads struct ifconf even under -e verbose=none (then the interfaces are an address).
     */
    private static final IoctlArg IFCONF_ARG = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            Bytes b = Decode.structAsIs(c, arg, IFCONF.size());
            return b == null ? Decode.ptr(arg)
                    : Decode.struct(field("ifc_len", Value.Num.dec(b.s(LEN))), field("ifc_buf", Value.Num.hex(b.u(BUF))));
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (!(atEntry instanceof Value.Struct given)) {
                return atEntry;
            }
            long len = ((Value.Num) given.fields().get(0).value()).value();
            long buf = ((Value.Num) given.fields().get(1).value()).value();
            Bytes now = Decode.structAsIs(c, arg, IFCONF.size());
            if (now == null) {
                return Decode.struct(field("ifc_len", length(len)), field("ifc_buf", Decode.ptr(buf)));
            }
            long newLen = now.s(LEN), newBuf = now.u(BUF);
            Value shownLen = buf != 0 && len != newLen ? new Value.Changed(length(len), length(newLen))
                    : length(buf == 0 ? newLen : len);
            Value shownBuf;
            if (buf == 0 || c.failed()) {
                shownBuf = newBuf == buf ? Decode.ptr(buf) : new Value.Changed(Decode.ptr(buf), Decode.ptr(newBuf));
            } else {
                shownBuf = IoArrays.array(c, newBuf, newLen / IFREQ.size(), IFREQ.size(), SockIoctls::ifreq);
            }
            return Decode.struct(field("ifc_len", shownLen), field("ifc_buf", shownBuf));
        }
    };

    private static final IoctlArg ADDRESS = (c, arg, atEntry) -> Decode.ptr(arg);

    private static final RequestMap MAP = new RequestMap()
            .put(IFCONF_ARG, "SIOCGIFCONF")
            .put(in((c, a) -> Decode.cstringIn(c, a, IFNAMSIZ, false)), "SIOCBRADDBR", "SIOCBRDELBR")
            .put(OUT_INT, "FIOGETOWN", "SIOCATMARK", "SIOCGIFENCAP", "SIOCGPGRP", "SIOCOUTQNSD")
            .put(in(IoctlArg.INT), "FIOSETOWN", "SIOCSIFENCAP", "SIOCSPGRP")
            .put(ADDRESS, "SIOCADDDLCI", "SIOCADDRT", "SIOCBONDCHANGEACTIVE", "SIOCBONDENSLAVE", "SIOCBONDINFOQUERY",
                    "SIOCBONDRELEASE", "SIOCBONDSETHWADDR", "SIOCBONDSLAVEINFOQUERY", "SIOCDARP", "SIOCDELDLCI",
                    "SIOCDELRT", "SIOCDIFADDR", "SIOCDRARP", "SIOCETHTOOL", "SIOCGARP", "SIOCGHWTSTAMP", "SIOCGIFBR",
                    "SIOCGIFCOUNT", "SIOCGIFMEM", "SIOCGIFPFLAGS", "SIOCGIFVLAN", "SIOCGMIIPHY", "SIOCGMIIREG",
                    "SIOCGRARP", "SIOCGSKNS", "SIOCGSTAMP_OLD", "SIOCGSTAMP_NEW", "SIOCGSTAMPNS_OLD",
                    "SIOCGSTAMPNS_NEW", "SIOCRTMSG", "SIOCSARP", "SIOCSHWTSTAMP", "SIOCSIFBR", "SIOCSIFLINK",
                    "SIOCSIFMEM", "SIOCSIFPFLAGS", "SIOCSIFVLAN", "SIOCSMIIREG", "SIOCSRARP", "SIOCWANDEV");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

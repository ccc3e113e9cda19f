package io.jstrace.decode.netlink;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NETLINK_ROUTE bodies: headers by message type, attributes, nested lists, -X forms. */
class RouteMessagesTest {
    private static final int ROUTE = 0;
    private static final int RTM_NEWLINK = 16, RTM_GETADDR = 22, RTM_NEWROUTE = 24, RTM_GETNETCONF = 82;

    private static String hdr(int len, String type) {
        return "{nlmsg_len=" + len + ", nlmsg_type=" + type + ", nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}";
    }

    /** struct ifinfomsg: family, type, index 1 (lo), flags, change. */
    private static Wire ifinfo(Wire w, int family) {
        return w.u8(family).u8(0).u16(772).u32(1).u32(0x49).u32(0);
    }

    @Test
    void linkWithAttributes() {
        Wire w = ifinfo(new Wire().hdr(56, RTM_NEWLINK, 0, 0, 0), 0)
                .nla(7, 3).str("lo\0").u8(0)          // IFLA_IFNAME
                .nla(8, 4).u32(65536)                 // IFLA_MTU
                .nla(5, 0x7ff).u8(1).zeros(3);        // an unknown type
        assertEquals("[" + hdr(56, "RTM_NEWLINK") + ", {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_LOOPBACK, "
                + "ifi_index=if_nametoindex(\"lo\"), ifi_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING, ifi_change=0}, "
                + "[[{nla_len=7, nla_type=IFLA_IFNAME}, \"lo\"], [{nla_len=8, nla_type=IFLA_MTU}, 65536], "
                + "[{nla_len=5, nla_type=0x7ff /* IFLA_??? */}, \"\\x01\"]]]", w.decode(ROUTE));
    }

    @Test
    void linkRawAndVerbose() {
        Wire w = ifinfo(new Wire().hdr(32, RTM_NEWLINK, 0, 0, 0), 0);
        assertEquals("[{nlmsg_len=32, nlmsg_type=0x10, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}, {ifi_family=0, "
                + "ifi_type=0x304, ifi_index=1, ifi_flags=0x49, ifi_change=0}]",
                w.decode(ROUTE, Wire.style(DecodeOptions.Xstyle.RAW), 32));
        assertEquals(true, w.decode(ROUTE, Wire.style(DecodeOptions.Xstyle.VERBOSE), 32)
                .contains("ifi_index=1 /* if_nametoindex(\"lo\") */"));
    }

    @Test
    void shortHeaderIsElided() {
        Wire w = new Wire().hdr(20, RTM_NEWLINK, 0, 0, 0).u8(2).zeros(3);
        assertEquals("[" + hdr(20, "RTM_NEWLINK") + ", {ifi_family=AF_INET, ...}]", w.decode(ROUTE));
    }

    @Test
    void addressAttributesFollowTheFamily() {
        Wire w = new Wire().hdr(32, RTM_GETADDR, 0, 0, 0).u8(2).u8(8).u8(0x80).u8(0).u32(1)
                .nla(8, 1).bytes((byte) 127, (byte) 0, (byte) 0, (byte) 1);
        assertEquals("[" + hdr(32, "RTM_GETADDR") + ", {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, "
                + "ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=if_nametoindex(\"lo\")}, "
                + "[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(\"127.0.0.1\")]]", w.decode(ROUTE));
        assertEquals(true, w.decode(ROUTE, Wire.style(DecodeOptions.Xstyle.RAW), 32)
                .endsWith("[{nla_len=8, nla_type=0x1}, \"\\x7f\\x00\\x00\\x01\"]]"));
    }

    @Test
    void routeWithMetricsNested() {
        Wire w = new Wire().hdr(44, RTM_NEWROUTE, 0, 0, 0).u8(2).u8(0).u8(0).u8(0).u8(254).u8(2).u8(0).u8(1).u32(0)
                .nla(16, 8).nla(8, 2).u32(1500).nla(4, 0x7ff);   // RTA_METRICS { RTAX_MTU, unknown }
        assertEquals("[" + hdr(44, "RTM_NEWROUTE") + ", {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, "
                + "rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, "
                + "rtm_flags=0}, [{nla_len=16, nla_type=RTA_METRICS}, [[{nla_len=8, nla_type=RTAX_MTU}, 1500], "
                + "{nla_len=4, nla_type=0x7ff /* RTAX_??? */}]]]", w.decode(ROUTE));
    }

    @Test
    void familyOnlyHeaderAndUnreadableAttribute() {
        Wire w = new Wire().hdr(28, RTM_GETNETCONF, 0, 0, 0).u8(2).zeros(3).nla(8, 1);
        // NETCONFA_IFINDEX's value lies past readable memory
        assertEquals("[" + hdr(28, "RTM_GETNETCONF") + ", {ncm_family=AF_INET}, [{nla_len=8, nla_type=NETCONFA_IFINDEX}, "
                + Wire.END_HEX + "]]", w.decode(ROUTE, DecodeOptions.DEFAULT, 28));
    }

    @Test
    void unknownTypeShowsFamilyAndData() {
        assertEquals("[" + hdr(20, "0x7f /* RTM_??? */") + ", {family=AF_INET, data=\"\\x01\\x02\\x03\"}]",
                new Wire().hdr(20, 0x7f, 0, 0, 0).u8(2).u8(1).u8(2).u8(3).decode(ROUTE));
    }
}

package io.jstrace.decode.netlink;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NETLINK_SOCK_DIAG requests and responses per socket family. */
class DiagMessagesTest {
    private static final int SOCK_DIAG = 4, BY_FAMILY = 20, REQUEST_DUMP = 0x301;

    private static String hdr(int len, String flags) {
        return "{nlmsg_len=" + len + ", nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=" + flags + ", nlmsg_seq=0, nlmsg_pid=0}";
    }

    /** inet_diag_sockid of 127.0.0.1:port to 0.0.0.0:0, no interface. */
    private static Wire sockid(Wire w, int sport) {
        w.u8(sport >> 8).u8(sport & 0xff).u16(0).bytes((byte) 127, (byte) 0, (byte) 0, (byte) 1).zeros(12).zeros(16);
        return w.u32(0).u32(0).u32(0);
    }

    @Test
    void inetRequest() {
        Wire w = sockid(new Wire().hdr(72, BY_FAMILY, REQUEST_DUMP, 0, 0).u8(2).u8(6).u8(0).u8(0).u32(0xfff), 0);
        assertEquals("[" + hdr(72, "NLM_F_REQUEST|NLM_F_DUMP") + ", {sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, "
                + "idiag_ext=0, idiag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1"
                + "|1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN"
                + "|1<<TCP_CLOSING|0x1, id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr(\"127.0.0.1\"), "
                + "idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, idiag_cookie=[0, 0]}}]", w.decode(SOCK_DIAG));
    }

    @Test
    void inetResponseWithShutdownAndMeminfo() {
        Wire w = new Wire().hdr(108, BY_FAMILY, 2, 0, 0).u8(2).u8(10).u8(0).u8(0);
        sockid(w, 22).u32(0).u32(0).u32(0).u32(0).u32(12345)
                .nla(5, 8).u8(3).zeros(3)                   // INET_DIAG_SHUTDOWN
                .nla(12, 7).u32(0).u32(212992);             // INET_DIAG_SKMEMINFO, two of them
        assertEquals("[" + hdr(108, "NLM_F_MULTI") + ", {idiag_family=AF_INET, idiag_state=TCP_LISTEN, idiag_timer=0, "
                + "idiag_retrans=0, id={idiag_sport=htons(22), idiag_dport=htons(0), idiag_src=inet_addr(\"127.0.0.1\"), "
                + "idiag_dst=inet_addr(\"0.0.0.0\"), idiag_if=0, idiag_cookie=[0, 0]}, idiag_expires=0, idiag_rqueue=0, "
                + "idiag_wqueue=0, idiag_uid=0, idiag_inode=12345}, [[{nla_len=5, nla_type=INET_DIAG_SHUTDOWN}, "
                + "0x3 /* RCV_SHUTDOWN|SEND_SHUTDOWN */], [{nla_len=12, nla_type=INET_DIAG_SKMEMINFO}, "
                + "[[SK_MEMINFO_RMEM_ALLOC]=0, [SK_MEMINFO_RCVBUF]=212992]]]]", w.decode(SOCK_DIAG));
    }

    @Test
    void netlinkRequestForAllProtocols() {
        Wire w = new Wire().hdr(40, BY_FAMILY, REQUEST_DUMP, 0, 0).u8(16).u8(255).zeros(2).u32(0).u32(1).u32(0).u32(0);
        assertEquals("[" + hdr(40, "NLM_F_REQUEST|NLM_F_DUMP") + ", {sdiag_family=AF_NETLINK, "
                + "sdiag_protocol=NDIAG_PROTO_ALL, ndiag_ino=0, ndiag_show=NDIAG_SHOW_MEMINFO, ndiag_cookie=[0, 0]}]",
                w.decode(SOCK_DIAG));
    }

    @Test
    void unixRequestTooShortAndOtherFamilies() {
        assertEquals("[" + hdr(20, "NLM_F_REQUEST|NLM_F_DUMP") + ", {sdiag_family=AF_UNIX, ...}]",
                new Wire().hdr(20, BY_FAMILY, REQUEST_DUMP, 0, 0).u8(1).zeros(3).decode(SOCK_DIAG));
        assertEquals("[" + hdr(20, "NLM_F_REQUEST|NLM_F_DUMP") + ", {family=AF_BRIDGE, data=\"\\x00\\x00\\x00\"}]",
                new Wire().hdr(20, BY_FAMILY, REQUEST_DUMP, 0, 0).u8(7).zeros(3).decode(SOCK_DIAG));
    }

    @Test
    void sockoptBitsAndTrailingBytes() {
        Wire w = new Wire().hdr(96, BY_FAMILY, 2, 0, 0).u8(2).u8(1).u8(0).u8(0);
        sockid(w, 1).u32(0).u32(0).u32(0).u32(0).u32(0).nla(8, 22).u8(0x05).u8(0x04).u8(0).u8(0xff);
        assertEquals(true, w.decode(SOCK_DIAG).endsWith("[{nla_len=8, nla_type=INET_DIAG_SOCKOPT}, {recverr=1, freebind=1, "
                + "defer_connect=1}, /* bytes 2..3 */ \"\\x00\\xff\"]]"), w.decode(SOCK_DIAG));
    }
}

/*
 * setsockopt and getsockopt for StraceCompareIT: the values strace decodes (lingers, credentials,
 * errors, multicast requests, packet rings and memberships, ICMP and socket filters), ints and
 * strings, lengths too short or forged, and option names at many levels. Values only a call on
 * a real socket returns are got from one; the others are given to fd -1, so no privilege or
 * network is needed for them.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SO_TXREHASH
#define SO_TXREHASH 74
#endif

static void given(void) {
    struct linger l = {.l_onoff = 1, .l_linger = -5};
    setsockopt(-1, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    setsockopt(-1, SOL_SOCKET, SO_LINGER, &l, sizeof l - 1); /* too short: the address */
    int one = 1, rehash = 0;
    setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &one, 2);
    setsockopt(-1, SOL_SOCKET, SO_TXREHASH, &rehash, sizeof rehash);

    struct ip_mreq mreq;
    inet_pton(AF_INET, "224.0.0.251", &mreq.imr_multiaddr);
    inet_pton(AF_INET, "127.0.0.1", &mreq.imr_interface);
    setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, &mreq, sizeof mreq);
    setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, &mreq, sizeof mreq - 1);
    struct ipv6_mreq mreq6 = {.ipv6mr_interface = 1};
    inet_pton(AF_INET6, "ff02::fb", &mreq6.ipv6mr_multiaddr);
    setsockopt(-1, SOL_IPV6, IPV6_ADD_MEMBERSHIP, &mreq6, sizeof mreq6);
    setsockopt(-1, SOL_IPV6, IPV6_JOIN_ANYCAST, &mreq6, sizeof mreq6);
    struct group_req greq = {.gr_interface = 1};
    struct sockaddr_in *group = (struct sockaddr_in *) &greq.gr_group;
    group->sin_family = AF_INET;
    group->sin_port = htons(5353);
    inet_pton(AF_INET, "224.0.0.251", &group->sin_addr);
    setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, &greq, sizeof greq);
    setsockopt(-1, SOL_IPV6, MCAST_LEAVE_GROUP, &greq, sizeof greq - 1);

    struct tpacket_req req = {.tp_block_size = 4096, .tp_block_nr = 4, .tp_frame_size = 2048, .tp_frame_nr = 8};
    setsockopt(-1, SOL_PACKET, PACKET_RX_RING, &req, sizeof req);
    setsockopt(-1, SOL_PACKET, PACKET_TX_RING, &req, sizeof req + 4); /* a tpacket_req3's size: the address */
    struct packet_mreq pm = {.mr_ifindex = 1, .mr_type = PACKET_MR_MULTICAST, .mr_alen = 6,
                             .mr_address = {0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb}};
    setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &pm, sizeof pm);
    pm.mr_type = 9;
    pm.mr_alen = 12; /* longer than mr_address: its 8 bytes */
    setsockopt(-1, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &pm, sizeof pm);

    struct icmp_filter few = {.data = 1 << ICMP_ECHO | 1 << ICMP_ECHOREPLY | 1 << 25};
    setsockopt(-1, SOL_RAW, ICMP_FILTER, &few, sizeof few);
    struct icmp_filter most = {.data = ~(1U << ICMP_ECHO)};
    setsockopt(-1, SOL_RAW, ICMP_FILTER, &most, sizeof most);
    setsockopt(-1, SOL_RAW, ICMP_FILTER, &few, 2); /* the bytes not given count as set */

    struct sock_filter insns[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0x800, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, 0xffff),
        BPF_STMT(BPF_RET | BPF_K, 0),
    };
    struct sock_fprog prog = {.len = 4, .filter = insns};
    setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
    setsockopt(-1, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, &prog, sizeof prog - 1);
    /* operations only eBPF has: strace 6.1 names them in classic filters too; 0xe0 and 0xf0 are BPF_??? */
    struct sock_filter ebpf_ops[] = {
        BPF_STMT(BPF_ALU | BPF_K | 0xb0 /* BPF_MOV */, 1),
        BPF_STMT(BPF_ALU | BPF_X | 0xc0 /* BPF_ARSH */, 2),
        BPF_STMT(BPF_ALU | BPF_K | 0xe0, 3),
        BPF_JUMP(BPF_JMP | BPF_K | 0x50 /* BPF_JNE */, 1, 0, 1),
        BPF_JUMP(BPF_JMP | BPF_X | 0x80 /* BPF_CALL */, 1, 1, 0),
        BPF_JUMP(BPF_JMP | BPF_K | 0xf0, 1, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, 0),
    };
    struct sock_fprog ebpf_prog = {.len = 7, .filter = ebpf_ops};
    setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &ebpf_prog, sizeof ebpf_prog);

    char name[] = "reno";
    setsockopt(-1, SOL_TCP, TCP_CONGESTION, name, sizeof name - 1);
    setsockopt(-1, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &one, sizeof one);
    /* names at levels strace knows, and at one it does not */
    setsockopt(-1, SOL_IP, 64 /* IPT_SO_SET_REPLACE */, NULL, 0);
    setsockopt(-1, SOL_IPV6, 64 /* IP6T_SO_SET_REPLACE */, NULL, 0);
    setsockopt(-1, 282 /* SOL_TLS */, 1, &one, sizeof one);
    setsockopt(-1, 283 /* SOL_XDP */, 99, &one, sizeof one);
    setsockopt(-1, 40 /* AF_VSOCK */, 0, &one, sizeof one);
    setsockopt(-1, 132 /* SOL_SCTP */, 0, &one, sizeof one);
    setsockopt(-1, 300, 7, &one, sizeof one);
}

static void got(void) {
    int tcp = socket(AF_INET, SOCK_STREAM, 0);
    struct linger l = {.l_onoff = 1, .l_linger = 3};
    setsockopt(tcp, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    socklen_t len = sizeof l;
    getsockopt(tcp, SOL_SOCKET, SO_LINGER, &l, &len);
    len = 6; /* a linger cut short: l_linger's bytes in hex */
    getsockopt(tcp, SOL_SOCKET, SO_LINGER, &l, &len);
    int v;
    len = sizeof v;
    getsockopt(tcp, SOL_SOCKET, SO_ERROR, &v, &len);
    len = 2;
    getsockopt(tcp, SOL_SOCKET, SO_TYPE, &v, &len);
    len = sizeof v;
    getsockopt(tcp, SOL_SOCKET, SO_SNDBUF, &v, &len);
    len = sizeof v;
    getsockopt(tcp, SOL_TCP, TCP_NODELAY, &v, &len);
    char cc[16];
    len = sizeof cc;
    getsockopt(tcp, SOL_TCP, TCP_CONGESTION, cc, &len);
    len = (socklen_t) -1; /* a negative length: the address */
    getsockopt(tcp, SOL_SOCKET, SO_ERROR, &v, &len);
    close(tcp);

    int lone = socket(AF_UNIX, SOCK_STREAM, 0); /* no peer: no pid, and ids of nobody */
    struct ucred cred;
    len = sizeof cred;
    getsockopt(lone, SOL_SOCKET, SO_PEERCRED, &cred, &len);
    len = 10; /* gid cut short */
    getsockopt(lone, SOL_SOCKET, SO_PEERCRED, &cred, &len);
    close(lone);

    int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    int group = 1;
    setsockopt(nl, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, &group, sizeof group);
    unsigned int groups[2];
    len = sizeof groups;
    getsockopt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, groups, &len);
    close(nl);

    /* Root's: raw ICMP and packet sockets (-1 otherwise, and the calls fail alike under both tracers). */
    int raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    struct icmp_filter f = {.data = ~(1U << ICMP_ECHOREPLY)};
    setsockopt(raw, SOL_RAW, ICMP_FILTER, &f, sizeof f);
    len = sizeof f;
    getsockopt(raw, SOL_RAW, ICMP_FILTER, &f, &len);
    close(raw);
    int packet = socket(AF_PACKET, SOCK_RAW, 0);
    struct tpacket_stats_v3 st;
    len = sizeof st;
    getsockopt(packet, SOL_PACKET, PACKET_STATISTICS, &st, &len);
    len = 5; /* tp_drops cut short */
    getsockopt(packet, SOL_PACKET, PACKET_STATISTICS, &st, &len);
    close(packet);

    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    struct sock_filter insns[] = {BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
                                  BPF_STMT(BPF_RET | BPF_A, 0)};
    struct sock_fprog prog = {.len = 2, .filter = insns};
    setsockopt(udp, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog);
    struct sock_filter back[2];
    len = 2; /* SO_GET_FILTER counts instructions, not bytes */
    getsockopt(udp, SOL_SOCKET, SO_GET_FILTER, back, &len);
    close(udp);
}

int main(void) {
    given();
    got();
    return 0;
}

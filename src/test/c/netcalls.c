/*
 * Socket calls for StraceCompareIT: addresses of many families (given to connect on a bad fd,
 * so no network is needed), msghdrs with control messages (fds, credentials, IP_PKTINFO and
 * friends over loopback UDP), name lengths the kernel changes, sendmmsg and recvmmsg.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/vm_sockets.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static void addresses(void) {
    struct sockaddr_in in = {.sin_family = AF_INET, .sin_port = htons(12345)};
    inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
    connect(-1, (struct sockaddr *) &in, sizeof in);
    connect(-1, (struct sockaddr *) &in, 4); /* too short for AF_INET: sa_data */
    struct sockaddr_in6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(80), .sin6_flowinfo = htonl(7),
                               .sin6_scope_id = 1};
    inet_pton(AF_INET6, "fe80::1", &in6.sin6_addr);
    connect(-1, (struct sockaddr *) &in6, sizeof in6);
    connect(-1, (struct sockaddr *) &in6, 24); /* without sin6_scope_id */
    struct sockaddr_un un = {.sun_family = AF_UNIX, .sun_path = "/tmp/jstrace-net"};
    connect(-1, (struct sockaddr *) &un, sizeof un);
    un.sun_path[0] = 0;
    connect(-1, (struct sockaddr *) &un, 8); /* abstract */
    struct sockaddr_nl nl = {.nl_family = AF_NETLINK, .nl_pad = 1, .nl_pid = 42, .nl_groups = 5};
    connect(-1, (struct sockaddr *) &nl, sizeof nl);
    struct sockaddr_ll ll = {.sll_family = AF_PACKET, .sll_protocol = htons(0x0800), .sll_ifindex = 1,
                             .sll_hatype = 1, .sll_halen = 9, .sll_addr = "abcdefgh"};
    connect(-1, (struct sockaddr *) &ll, sizeof ll);
    struct sockaddr_vm vm = {.svm_family = AF_VSOCK, .svm_cid = VMADDR_CID_HOST, .svm_port = 1024};
    connect(-1, (struct sockaddr *) &vm, sizeof vm);
    struct sockaddr sa = {.sa_family = 0xbeef};
    connect(-1, &sa, sizeof sa);
}

static void unix_messages(void) {
    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int one = 1;
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one);
    char data[] = "hello";
    struct iovec iov = {data, 5};
    union {
        char buf[CMSG_SPACE(2 * sizeof(int))];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                         .msg_controllen = sizeof control.buf};
    struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(2 * sizeof(int));
    int fds[2] = {0, 1};
    memcpy(CMSG_DATA(cmsg), fds, sizeof fds);
    sendmsg(sv[0], &msg, 0);
    char in[16], cbuf[256];
    struct sockaddr_un from;
    struct iovec riov = {in, sizeof in};
    struct msghdr r = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &riov, .msg_iovlen = 1,
                       .msg_control = cbuf, .msg_controllen = sizeof cbuf};
    recvmsg(sv[1], &r, 0);
    for (int i = 3; i < 64; i++)
        if (i != sv[0] && i != sv[1])
            close(i);
    r.msg_controllen = 0;
    recvmsg(sv[1], &r, MSG_DONTWAIT); /* fails: {msg_namelen=...} */
    struct mmsghdr mm[2] = {{.msg_hdr = {.msg_iov = &iov, .msg_iovlen = 1}},
                            {.msg_hdr = {.msg_iov = &iov, .msg_iovlen = 1}}};
    sendmmsg(sv[0], mm, 2, 0);
    struct mmsghdr rm[2] = {{.msg_hdr = {.msg_name = &from, .msg_namelen = 4, .msg_iov = &riov, .msg_iovlen = 1}},
                            {.msg_hdr = {.msg_iov = &riov, .msg_iovlen = 1}}};
    struct timespec ts = {0, 1000000};
    recvmmsg(sv[1], rm, 2, MSG_DONTWAIT, &ts);
    recvmmsg(sv[1], rm, 2, MSG_DONTWAIT, &ts);
    struct sockaddr_un name;
    socklen_t len = sizeof name;
    getsockname(sv[0], (struct sockaddr *) &name, &len);
    shutdown(sv[0], SHUT_RDWR);
    close(sv[0]);
    close(sv[1]);
}

static void ip_messages(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int one = 1;
    setsockopt(s, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    setsockopt(s, IPPROTO_IP, IP_RECVTTL, &one, sizeof one);
    setsockopt(s, IPPROTO_IP, IP_RECVTOS, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(s, (struct sockaddr *) &a, sizeof a);
    socklen_t len = sizeof a;
    getsockname(s, (struct sockaddr *) &a, &len);
    sendto(s, "data", 4, 0, (struct sockaddr *) &a, sizeof a);
    char in[8], cbuf[256];
    struct iovec iov = {in, sizeof in};
    struct sockaddr_in from;
    struct msghdr r = {.msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov, .msg_iovlen = 1,
                       .msg_control = cbuf, .msg_controllen = sizeof cbuf};
    recvmsg(s, &r, 0);
    close(s);
}

int main(void) {
    addresses();
    unix_messages();
    ip_messages();
    return 0;
}

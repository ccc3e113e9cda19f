/* A tracee for the filter and format options (-P, -i, -e read=/write=, -e raw=/abbrev=/verbose=):
 * data moves through each kind of read and write call, and data.txt is reached by path, by fd,
 * through select, poll and mmap, and through a symlink; a written buffer ends in unmapped memory. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
    char buf[128];
    int fd = open("data.txt", O_CREAT | O_RDWR | O_TRUNC, 0640);
    write(fd, "0123456789abcdefghijklmnopqrstuvwxyz\001\377\n", 39);
    struct iovec out[2] = {{"hello ", 6}, {"world\n\t\001", 8}};
    writev(fd, out, 2);
    pwrite(fd, "PW", 2, 3);
    pwritev(fd, out, 2, 40);
    lseek(fd, 0, SEEK_SET);
    read(fd, buf, 20);
    struct iovec in[2] = {{buf, 5}, {buf + 5, 50}};
    readv(fd, in, 2);
    pread(fd, buf, 10, 1);
    preadv(fd, in, 2, 2);
    write(fd, buf, 0);
    write(-1, "bad", 3);
    read(fd, (char *) 0 + 8, 4); /* EFAULT */

    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(fd, &rs);
    struct timeval tv = {0, 0};
    select(fd + 1, &rs, NULL, NULL, &tv);
    struct pollfd p = {fd, POLLIN, 0};
    poll(&p, 1, 0);
    void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    munmap(m, 4096);
    dup2(fd, 20);
    close(20);
    close(fd);

    symlink("data.txt", "link");
    readlink("link", buf, sizeof buf);
    fd = open("link", O_RDONLY);
    read(fd, buf, 8);
    close(fd);
    unlink("link");

    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    sendto(sv[0], "ping", 4, 0, NULL, 0);
    recvfrom(sv[1], buf, sizeof buf, 0, NULL, NULL);
    struct msghdr mh = {.msg_iov = out, .msg_iovlen = 2};
    sendmsg(sv[0], &mh, 0);
    struct iovec rin[2] = {{buf, 4}, {buf + 4, 60}};
    struct msghdr rh = {.msg_iov = rin, .msg_iovlen = 2};
    recvmsg(sv[1], &rh, 0);
    struct mmsghdr mm[2] = {{.msg_hdr = {.msg_iov = out, .msg_iovlen = 1}},
                            {.msg_hdr = {.msg_iov = out + 1, .msg_iovlen = 1}}};
    sendmmsg(sv[0], mm, 2, 0);
    struct mmsghdr rm[2] = {{.msg_hdr = {.msg_iov = rin, .msg_iovlen = 2}},
                            {.msg_hdr = {.msg_iov = rin + 1, .msg_iovlen = 1}}};
    recvmmsg(sv[1], rm, 2, MSG_DONTWAIT, NULL);
    close(sv[0]);
    close(sv[1]);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGUSR1, &sa, NULL);
    kill(getpid(), SIGUSR1);
    getppid();

    /* a write whose buffer ends past what is mapped: the dump shows what can be read, 64 KiB at
     * a time, and says which chunk could not be (/dev/null does not read the buffer) */
    char *big = mmap(NULL, 0x11000, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(big + 0x10000, 0x1000);
    int null = open("/dev/null", O_WRONLY);
    write(null, big, 0x10001);
    close(null);
    rename("data.txt", "data2.txt");
    unlink("data2.txt");
    return 0;
}

/* A tracee making calls from each decoder family, so jstrace's lines can be compared with
 * strace's on the same run. */
#include <fcntl.h>
#include <linux/capability.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    int fd = open("data.txt", O_CREAT | O_WRONLY | O_TRUNC, 0640);
    fsetxattr(fd, "user.jstrace", "v", 1, XATTR_CREATE);
    struct iovec iov[2] = {{"hello ", 6}, {"world\n\t\001", 8}};
    writev(fd, iov, 2);
    fchmod(fd, 0600);
    close(fd);
    fd = openat(AT_FDCWD, "data.txt", O_RDONLY | O_CLOEXEC);
    char buf[64];
    read(fd, buf, sizeof buf);
    lseek(fd, 2, SEEK_SET);
    pread(fd, buf, 4, 1);
    struct stat st;
    fstat(fd, &st);
    fcntl(fd, F_GETFD);
    fcntl(fd, F_SETFL, O_NONBLOCK);
    int fds[2];
    pipe2(fds, O_CLOEXEC);
    struct pollfd p = {fds[0], POLLIN, 0};
    poll(&p, 1, 0);
    write(fds[1], "x", 1);
    poll(&p, 1, 10);
    dup2(fds[0], 10);
    close(10);
    void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(m, 4096, PROT_READ);
    madvise(m, 8192, MADV_DONTNEED);
    munmap(m, 8192);
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    kill(getpid(), SIGUSR1);
    struct timespec ts = {0, 1000};
    nanosleep(&ts, NULL);
    int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    close(s);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    send(sv[0], "ping", 4, MSG_DONTWAIT);
    recv(sv[1], buf, sizeof buf, 0);
    struct timeval tv[2] = {{1, 2}, {3, 4}};
    syscall(SYS_utimes, "data.txt", tv);
    syscall(SYS_futimesat, AT_FDCWD, "data.txt", NULL);
    long ub[2] = {5, 6}; /* struct utimbuf */
    syscall(SYS_utime, "data.txt", ub);
    unlink("data.txt");
    unlink("no-such-file");
    access("/etc/passwd", R_OK | W_OK);
    mkdir("dir", 0755);
    rename("dir", "dir2");
    rmdir("dir2");
    gid_t groups[4] = {7, 7, 7, 7};
    getgroups(0, groups);
    getgroups(0, NULL);
    prctl(PR_CAPBSET_READ, 0);
    prctl(PR_CAPBSET_READ, 99);
    int mode;
    unsigned long nodes[17] = {0};
    syscall(SYS_get_mempolicy, &mode, nodes, 1025, NULL, 0);
    nodes[0] = 1;
    syscall(SYS_set_mempolicy, 2 | (1 << 15), nodes, 2); /* MPOL_BIND|MPOL_F_STATIC_NODES */
    syscall(SYS_set_mempolicy, 0, NULL, 0);
    struct { unsigned size, policy; unsigned long long flags; int nice; unsigned prio;
             unsigned long long runtime, deadline, period; unsigned util_min, util_max; } attr = {48};
    syscall(SYS_sched_setattr, 0, &attr, 0);
    syscall(SYS_sched_getattr, 0, &attr, sizeof attr, 0);
    syscall(SYS_membarrier, 0, 0, 0); /* MEMBARRIER_CMD_QUERY */
    syscall(SYS_getcpu, NULL, NULL, NULL); /* the cpu itself would differ between runs */
    struct timespec rr;
    syscall(SYS_sched_rr_get_interval, 0, &rr);
    close(syscall(SYS_pidfd_open, getpid(), 0));
    struct __user_cap_header_struct caph = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct capd[2];
    syscall(SYS_capget, &caph, capd);
    syscall(SYS_capget, &caph, NULL);
    syscall(SYS_ioprio_get, 1, 0);
    syscall(SYS_ioprio_set, 1, 0, (2 << 13) | 4); /* IOPRIO_WHO_PROCESS, IOPRIO_CLASS_BE level 4 */
    /* SIGCHLD blocked: its delivery would race with wait4 and make two runs differ. */
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    pid_t c = fork();
    if (c == 0)
        _exit(3);
    int status;
    wait4(c, &status, 0, NULL);
    return 0;
}

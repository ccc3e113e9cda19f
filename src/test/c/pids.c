/*
 * Calls whose arguments or results are process, thread, group or session ids, for PidDecodingIT:
 * -Y names them, --pidns-translation adds the tracer's ids when this runs in a PID namespace.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t pid = getpid();
    syscall(SYS_gettid);
    getppid();
    setpgid(0, 0);
    pid_t pgrp = getpgrp();
    getpgid(pid);
    getsid(pid);
    kill(pid, 0);
    kill(-pgrp, 0);
    syscall(SYS_tkill, pid, 0);
    syscall(SYS_tgkill, pid, pid, 0);
    sched_getscheduler(pid);
    struct sched_param sp;
    sched_getparam(pid, &sp);
    struct rlimit rl;
    syscall(SYS_prlimit64, pid, RLIMIT_NOFILE, NULL, &rl);
    getpriority(PRIO_PROCESS, pid);
    getpriority(PRIO_PGRP, pgrp);
    syscall(SYS_ioprio_get, 1, pid);
    syscall(SYS_ioprio_get, 2, pgrp);

    int p[2];
    pipe(p);
    fcntl(p[0], F_SETOWN, pid);
    fcntl(p[0], F_GETOWN);
    fcntl(p[0], F_SETOWN, -pgrp);
    struct f_owner_ex owner = {F_OWNER_TID, pid};
    fcntl(p[0], F_SETOWN_EX, &owner);
    fcntl(p[0], F_GETOWN_EX, &owner);

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    struct ucred cred;
    socklen_t len = sizeof(cred);
    getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cred, &len);

    int fd = syscall(SYS_pidfd_open, pid, 0);
    close(fd);

    prctl(PR_SET_NAME, "renamed");
    getpid();

    pid_t child = fork();
    if (child == 0) {
        _exit(3);
    }
    siginfo_t si;
    waitid(P_PID, child, &si, WEXITED | WNOWAIT);
    wait4(child, NULL, 0, NULL);
    return 0;
}

/*
 * Children made with CLONE_UNTRACED, by clone and then by clone3, each open /dev/null and exit
 * with 0 if that worked, else with the errno. Under a seccomp filter that returns RET_TRACE for
 * openat (jstrace or strace -f --seccomp-bpf -e trace=openat), a child that escaped the tracer
 * gets ENOSYS from openat. Prints one line per child; exits 0 only if both opened the file.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int check(const char *how, long pid) {
    if (pid < 0) {
        printf("%s: %s\n", how, strerror(errno));
        return 1;
    }
    if (pid == 0) {
        long fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
        _exit(fd >= 0 ? 0 : errno);
    }
    int st;
    waitpid(pid, &st, 0);
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    printf("%s: child openat %s\n", how, code == 0 ? "ok" : strerror(code));
    return code != 0;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    int bad = check("clone", syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0L, 0L, 0L, 0L));
    struct clone_args a;
    memset(&a, 0, sizeof a);
    a.flags = CLONE_UNTRACED;
    a.exit_signal = SIGCHLD;
    bad |= check("clone3", syscall(SYS_clone3, &a, sizeof a));
    return bad;
}

/*
 * The ptrace floor: the least a tracer can do per syscall stop, in C. It follows threads and
 * children (-f), waits for each stop as jstrace does (polling wait4 200 times before blocking),
 * reads the call with PTRACE_GET_SYSCALL_INFO and resumes; it decodes and prints nothing.
 * bench/run times it on the same workloads as jstrace and strace: no ptrace tracer can beat it.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

enum { POLLS_BEFORE_BLOCKING = 200 };

static pid_t next_stop(int *status) {
    for (int i = 0; i < POLLS_BEFORE_BLOCKING; i++) {
        pid_t tid = wait4(-1, status, __WALL | WNOHANG, NULL);
        if (tid != 0) {
            return tid;
        }
    }
    return wait4(-1, status, __WALL, NULL);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: floor command [args]\n");
        return 2;
    }
    pid_t child = fork();
    if (child == 0) {
        raise(SIGSTOP);
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status;
    waitpid(child, &status, WSTOPPED);
    ptrace(PTRACE_SEIZE, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK
           | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
    kill(child, SIGCONT);
    struct __ptrace_syscall_info info;
    int live = 1, code = 0;
    while (live > 0) {
        pid_t tid = next_stop(&status);
        if (tid < 0) {
            break;
        }
        if (WIFEXITED(status) || WIFSIGNALED(status)) {
            if (tid == child) {
                code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            live--;
            continue;
        }
        int sig = WSTOPSIG(status), event = status >> 16, deliver = 0;
        if (sig == (SIGTRAP | 0x80)) {
            ptrace(PTRACE_GET_SYSCALL_INFO, tid, sizeof info, &info);
        } else if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
            live++;
        } else if (event == 0 && sig != SIGTRAP) {
            deliver = sig;
        }
        ptrace(PTRACE_SYSCALL, tid, 0, deliver);
    }
    return code;
}

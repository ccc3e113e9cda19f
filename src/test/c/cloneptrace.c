/* A child cloned with CLONE_PTRACE: under a tracer it starts traced by it, -f or not. The
 * parent kills it with SIGUSR1, waits for it and prints its pid. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int child(void *arg) {
    for (;;) {
        pause();
    }
    return 0;
}

int main(void) {
    static char stack[65536];
    int pid = clone(child, stack + sizeof(stack), CLONE_PTRACE | SIGCHLD, NULL);
    if (pid < 0) {
        perror("clone");
        return 1;
    }
    kill(pid, SIGUSR1);
    int status;
    waitpid(pid, &status, 0);
    printf("%d\n", pid);
    return 0;
}

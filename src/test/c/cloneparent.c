/* A child cloned with CLONE_PARENT is its parent's sibling: under a tracer that does not follow
 * it, the tracer is the one that learns of its exit, and reaps it. The parent waits (2 s at most)
 * until the child is gone, then prints its pid. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>

static int child(void *arg) {
    (void) arg;
    return 7;
}

int main(void) {
    static char stack[65536];
    int pid = clone(child, stack + sizeof(stack), CLONE_PARENT | SIGCHLD, NULL);
    if (pid < 0) {
        perror("clone");
        return 1;
    }
    struct timespec tick = {0, 1000 * 1000};
    for (int i = 0; i < 2000 && (kill(pid, 0) == 0 || errno != ESRCH); i++) {
        nanosleep(&tick, NULL);
    }
    printf("%d\n", pid);
    return 0;
}

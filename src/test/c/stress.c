/* 50 threads x 2000 getppid calls, then 100 forked children that each call getpgrp once:
 * the tracer must report every one of them. */
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 50
#define CALLS 2000
#define CHILDREN 100

static void *work(void *arg) {
    for (int i = 0; i < CALLS; i++)
        syscall(SYS_getppid);
    return arg;
}

int main(void) {
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < CHILDREN; i++) {
        pid_t p = fork();
        if (p == 0) {
            syscall(SYS_getpgrp);
            _exit(0);
        }
        waitpid(p, NULL, 0);
    }
    return 0;
}

/*
 * A non-leader thread calls execve while the leader is, in turn: gone through exit(2) (the
 * thread's execve line ends "<pid changed to LEADER ...>"), blocked in nanosleep (the kernel
 * kills it there: "<... nanosleep resumed> <unfinished ...>) = ?"), and running outside any call
 * ("<pid changed ...>" again). Each stage execs the next one; the last exits with 0.
 * Traced with -f -e trace=execve,exit,nanosleep, strace prints each of these lines in a fixed
 * order: the leader acts first, the thread execs 100 ms after.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int gate[2];
static char *self;
static int stage;

static void *exec_next(void *arg) {
    (void) arg;
    char c;
    /* The leader closes the pipe just before its own call: wait for that, then give it time to get there. */
    if (read(gate[0], &c, 1) != 0) {
        return NULL;
    }
    struct timespec pause = {0, 100 * 1000 * 1000};
    syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &pause, NULL);
    char next[16];
    snprintf(next, sizeof next, "%d", stage + 1);
    char *argv[] = {self, next, NULL};
    execv(self, argv);
    perror("execv");
    exit(2);
}

int main(int argc, char **argv) {
    self = argv[0];
    stage = argc > 1 ? atoi(argv[1]) : 0;
    if (stage > 2) {
        return 0;
    }
    pthread_t t;
    if (pipe(gate) != 0 || pthread_create(&t, NULL, exec_next, NULL) != 0) {
        perror("setup");
        return 2;
    }
    close(gate[1]);
    switch (stage) {
    case 0:
        syscall(SYS_exit, 42);
        break;
    case 1: {
        struct timespec long_sleep = {123, 0};
        syscall(SYS_nanosleep, &long_sleep, NULL);
        break;
    }
    default:
        for (volatile unsigned long spin = 0;; spin++) {
        }
    }
    return 1;
}

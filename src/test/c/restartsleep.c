/*
 * A nanosleep interrupted by a signal the program ignores: a tracer sees the signal all the same,
 * and the kernel resumes the sleep with restart_syscall (strace: "<... resuming interrupted
 * clock_nanosleep ...>").
 */
#include <signal.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    signal(SIGALRM, SIG_IGN);
    ualarm(100000, 0);
    struct timespec ts = {0, 300000000};
    return nanosleep(&ts, NULL);
}

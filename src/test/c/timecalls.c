/*
 * Time calls for StraceCompareIT: clocks, sleeps, interval and POSIX timers, adjtimex, with the
 * edge cases strace decodes (an unknown timer, a negative nanosecond count, a timer id, a
 * sigevent with a value).
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    clock_getres(CLOCK_REALTIME, &ts);
    syscall(SYS_clock_gettime, CLOCK_MONOTONIC, (void *) 8);
    struct timespec bad = {0, -1}, sleep = {0, 1000};
    syscall(SYS_nanosleep, &bad, NULL);
    syscall(SYS_nanosleep, &sleep, &ts);
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &bad, NULL);
    struct itimerval it = {{0, 0}, {0, 0}}, old;
    syscall(SYS_setitimer, 0xdeadbeef, &it, &old);
    setitimer(ITIMER_REAL, &it, &old);
    getitimer(ITIMER_PROF, &old);
    alarm(0);
    struct sigevent sev = {.sigev_notify = SIGEV_NONE, .sigev_value.sival_ptr = (void *) 0x1234};
    timer_t t;
    syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &t);
    struct itimerspec its = {{1, 2}, {3, 4}}, olds;
    syscall(SYS_timer_settime, t, 0, &its, &olds);
    syscall(SYS_timer_gettime, t, &olds);
    syscall(SYS_timer_getoverrun, t);
    syscall(SYS_timer_delete, t);
    sev.sigev_notify = 0xdefaced;
    syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &t);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGALRM;
    syscall(SYS_timer_create, CLOCK_REALTIME, &sev, NULL);
    syscall(SYS_adjtimex, NULL);
    syscall(SYS_clock_adjtime, CLOCK_REALTIME, NULL);
    struct timex tx = {.modes = 0};
    syscall(SYS_adjtimex, &tx);
    tx.modes = ADJ_OFFSET_SS_READ;
    syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
    struct timeval tv;
    struct timezone tz;
    syscall(SYS_gettimeofday, &tv, &tz);
    syscall(SYS_settimeofday, NULL, NULL);
    return 0;
}

/* A thread created while a child calls getppid: run under -e inject=clone3:delay_enter=200ms,
 * the child's call lands between the entry and the exit of the parent's clone3, so the clone3
 * line is split into <unfinished ...> and <... clone3 resumed>. */
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void *nothing(void *arg) {
    return arg;
}

int main(void) {
    pid_t c = fork();
    if (c == 0) {
        struct timespec ts = {0, 50000000};
        nanosleep(&ts, NULL);
        syscall(SYS_getppid);
        _exit(0);
    }
    pthread_t t;
    pthread_create(&t, NULL, nothing, NULL);
    pthread_join(t, NULL);
    waitpid(c, NULL, 0);
    return 0;
}

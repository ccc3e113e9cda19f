/* Threads and a child for structured outputs: 3 threads each write to /dev/null and sleep,
 * the main thread catches a signal it sends itself, and a child execs true. Every thread's
 * calls are deterministic in count and order; only their interleaving varies. */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define THREADS 3

static void *work(void *arg) {
    int fd = open("/dev/null", O_WRONLY);
    struct timespec ts = {0, 2000000};
    for (int i = 0; i < 3; i++) {
        write(fd, "tick\n", 5);
        nanosleep(&ts, NULL);
    }
    close(fd);
    return arg;
}

static void on_usr1(int sig) {
    (void) sig;
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, work, NULL);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    kill(getpid(), SIGUSR1);
    pid_t c = fork();
    if (c == 0) {
        execl("/bin/true", "true", (char *) NULL);
        _exit(127);
    }
    int status;
    waitpid(c, &status, 0);
    return 0;
}

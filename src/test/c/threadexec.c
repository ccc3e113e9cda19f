/*
 * A thread other than the leader calls execve: the kernel gives it the leader's pid, and a
 * tracer reports the leader "superseded by execve in pid TID" (the thread that exec'd).
 */
#include <pthread.h>
#include <unistd.h>

static void *run(void *arg) {
    (void) arg;
    execl("/bin/true", "true", (char *) NULL);
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, run, NULL);
    pause();
    return 1;
}

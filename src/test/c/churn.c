/* Threads that come and go while a tracer attaches: the main thread keeps 8 short-lived threads
 * running, each replaced as soon as it ends, until killed. Prints "ready" once running. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *brief(void *arg) {
    usleep(200);
    return arg;
}

int main(void) {
    pthread_t t[8];
    for (int i = 0; i < 8; i++) {
        pthread_create(&t[i], NULL, brief, NULL);
    }
    printf("ready\n");
    fflush(stdout);
    for (unsigned n = 0;; n++) {
        pthread_join(t[n % 8], NULL);
        pthread_create(&t[n % 8], NULL, brief, NULL);
    }
}

/* Benchmark workload (c): 8 threads, each making many small system calls. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static long calls = 20000;

static void *work(void *arg) {
    (void) arg;
    for (long i = 0; i < calls; i++) {
        getppid();
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) {
        calls = atol(argv[1]);
    }
    pthread_t t[8];
    for (int i = 0; i < 8; i++) {
        pthread_create(&t[i], NULL, work, NULL);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
    }
    return 0;
}

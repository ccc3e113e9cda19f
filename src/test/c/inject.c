/* A tracee for syscall tampering: it reports what each call returned to it, so a test sees
 * what the tracer injected from the tracee's side.
 *   inject calls N      getppid() N times, then N times on a forked child: "who i: ret" lines, ret
 *                       1 for a pid, else what glibc returned (its getppid() gives -errno raw)
 *   inject held MS      a child calls getppid() (to be held by a delay injection) while the parent
 *                       counts 10 ms sleeps; prints how long the parent's sleeps and the child took */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void calls(const char *who, int n) {
    char line[64];
    for (int i = 0; i < n; i++) {
        long r = getppid();
        int len = snprintf(line, sizeof line, "%s %d: %ld\n", who, i + 1, r > 0 ? 1 : r);
        write(1, line, len);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        return 2;
    }
    int n = atoi(argv[2]);
    if (strcmp(argv[1], "calls") == 0) {
        calls("parent", n);
        pid_t c = fork();
        if (c == 0) {
            calls("child", n);
            _exit(0);
        }
        waitpid(c, NULL, 0);
        return 0;
    }
    if (strcmp(argv[1], "held") == 0) {
        double start = now();
        pid_t c = fork();
        if (c == 0) {
            getppid();
            _exit(0);
        }
        struct timespec ten = {0, 10 * 1000 * 1000};
        for (int i = 0; i < n / 10; i++) {
            nanosleep(&ten, NULL);
        }
        double sleeps = now() - start;
        waitpid(c, NULL, 0);
        printf("sleeps %.3f child %.3f\n", sleeps, now() - start);
        return 0;
    }
    return 2;
}

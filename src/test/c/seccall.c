/*
 * Makes the system calls its arguments name, each as NR[,ARG...] (numbers as strtoull reads
 * them: 0x..., -1), with every argument register set, and prints one line per call: the
 * argument as given, then "ok" or the errno's name. Calls that ignore their arguments (getpid,
 * getuid, ...) let a seccomp filter's argument tests be tried with any values.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        unsigned long a[7] = {0};
        char *s = argv[i];
        for (int n = 0; n < 7; n++) {
            a[n] = strtoull(s, &s, 0);
            if (*s++ != ',') {
                break;
            }
        }
        long r = syscall(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
        printf("%s %s\n", argv[i], r == -1 ? strerrorname_np(errno) : "ok");
    }
    return 0;
}

/* Prints what a program can see of how it was started: argv, cwd, signal state, fds. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    char cwd[4096];
    printf("cwd=%s\n", getcwd(cwd, sizeof cwd) ? cwd : "?");
    sigset_t mask;
    sigprocmask(SIG_SETMASK, NULL, &mask);
    for (int s = 1; s < 65; s++) {
        if (s == SIGKILL || s == SIGSTOP)
            continue;
        struct sigaction sa;
        if (sigaction(s, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
            printf("ignored %d\n", s);
        if (sigismember(&mask, s) == 1)
            printf("blocked %d\n", s);
    }
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    int own = dirfd(d);
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && atoi(e->d_name) != own)
            printf("fd %s\n", e->d_name);
    closedir(d);
    return 0;
}

/*
 * A tracee for -k (stack traces): write(2) called three functions deep, from main and from a
 * signal handler, so the stack runs through glibc's signal trampoline. Built without frame
 * pointers (gcc -O1 omits them), so only the .eh_frame CFI can unwind it. The volatile counter
 * after each call keeps gcc from turning the calls into jumps (tail calls have no frame).
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile int calls;

__attribute__((noinline)) static void leaf(const char *msg) {
    write(1, msg, strlen(msg));
    calls++;
}

__attribute__((noinline)) void middle(const char *msg) {
    leaf(msg);
    calls++;
}

__attribute__((noinline)) void outer(const char *msg) {
    middle(msg);
    calls++;
}

static void on_usr1(int sig) {
    (void) sig;
    outer("in handler\n");
}

int main(void) {
    outer("hello\n");
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    outer("bye\n");
    return 0;
}

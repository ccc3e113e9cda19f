/* Paths that readable memory cuts short: a few bytes with no NUL at the end of a page whose next
 * page is inaccessible. strace warns of each ("short read (N < 4096) @ADDR: Bad address") and
 * prints the address. */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED || mprotect(p + page, page, PROT_NONE) != 0) {
        return 1;
    }
    memset(p + page - 8, 'x', 8);
    chdir(p + page - 3);
    chdir(p + page - 8);
    chdir(p + page); /* nothing readable: no warning */
    return 0;
}

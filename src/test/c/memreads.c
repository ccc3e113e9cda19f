/* A tracee whose argv, envp and iovec arrays run into unmapped memory and whose strings cross
 * pages or run into unmapped memory, so that jstrace's batched reads are compared with strace's
 * at their edges. */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

/* The last n bytes of a page that unmapped memory follows. */
static void *before_hole(size_t n) {
    long pg = sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(m + pg, pg);
    return m + pg - n;
}

int main(void) {
    long pg = sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *whole = m;
    strcpy(whole, "whole");
    char *cross = m + pg - 3; /* runs from the first page into the second */
    memcpy(cross, "crossing", 9);
    char *longer = m + 100; /* longer than -s */
    memset(longer, 'x', 200);
    longer[200] = 0;
    char *cut = before_hole(4); /* no NUL before memory ends */
    memcpy(cut, "tail", 4);
    char *last = before_hole(3); /* its NUL is the last readable byte */
    memcpy(last, "ab", 3);

    char **argv = (char **) (m + pg + 512);
    char *strings[] = {whole, cross, cut, longer, (char *) 8, last, whole, NULL};
    memcpy(argv, strings, sizeof strings);
    execve("/nonexistent/a", argv, argv);

    char **unterminated = before_hole(2 * sizeof(char *));
    unterminated[0] = whole;
    unterminated[1] = cross;
    execve("/nonexistent/b", unterminated, unterminated);

    char **many = (char **) (m + pg + 1024);
    for (int i = 0; i < 40; i++) {
        many[i] = i % 2 ? cross : whole;
    }
    many[40] = NULL;
    execve("/nonexistent/c", many, many);

    int fd = open("/dev/null", O_WRONLY);
    struct iovec iov[5] = {{whole, 5}, {(void *) 8, 4}, {cross, 8}, {cut, 4}, {last, 3}};
    writev(fd, iov, 5);
    struct iovec *cut_iov = before_hole(sizeof(struct iovec)); /* the second is unmapped */
    cut_iov[0].iov_base = cross;
    cut_iov[0].iov_len = 8;
    writev(fd, cut_iov, 2);
    struct iovec big[40];
    for (int i = 0; i < 40; i++) {
        big[i].iov_base = i % 2 ? cross : whole;
        big[i].iov_len = 5;
    }
    writev(fd, big, 40);
    return 0;
}

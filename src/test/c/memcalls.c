/*
 * Memory calls for StraceCompareIT: mappings and their protections and flags, mincore's vector,
 * locks, protection keys, the NUMA policy calls with node bitmaps, move_pages' arrays, and the
 * unknown bits strace names with a default (PROT_???, MLOCK_???, MPOL_???).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/mempolicy.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    long page = 4096;
    char *m = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    m[0] = 1;
    unsigned char vec[3];
    mincore(m, 2 * page + 1, vec);
    syscall(SYS_mincore, m, page, NULL);
    mprotect(m + 2 * page, page, PROT_NONE);
    syscall(SYS_mprotect, m, page, 0xdeadfeed00ca7500UL);
    syscall(SYS_pkey_mprotect, m, page, PROT_READ, -1);
    syscall(SYS_pkey_alloc, 0, 0xdec0dedUL);
    syscall(SYS_pkey_free, 99);
    mlock(m, page);
    syscall(SYS_mlock2, m, page, 0xfffffffeUL);
    munlock(m, page);
    syscall(SYS_mlockall, 0x10);
    msync(m, page, MS_ASYNC | MS_INVALIDATE);
    syscall(SYS_msync, m, page, 0x40);
    madvise(m, page, MADV_WILLNEED);
    syscall(SYS_remap_file_pages, m, page, 0, 0, 0x5404401fUL);
    syscall(SYS_remap_file_pages, m, page, PROT_READ, 0, MAP_SHARED);
    char *r = mremap(m, page, 2 * page, MREMAP_MAYMOVE);
    syscall(SYS_mremap, r, page, page, 0x10, 0);
    int mode;
    unsigned long nodes[2] = {1, 0};
    syscall(SYS_get_mempolicy, &mode, nodes, 65, NULL, 0);
    syscall(SYS_get_mempolicy, &mode, nodes, 1, NULL, 0x10);
    syscall(SYS_set_mempolicy, 6, nodes, 0);
    syscall(SYS_set_mempolicy, 0xffffffffUL, nodes, 129);
    syscall(SYS_mbind, r, page, 0xffffffff00000000UL, nodes, 65, 0xfffffff8UL);
    syscall(SYS_mbind, r, page, 3 | MPOL_F_STATIC_NODES, NULL, 0, MPOL_MF_STRICT);
    syscall(SYS_migrate_pages, 0, 65, nodes, nodes);
    void *pages[2] = {r, r + page};
    int to[2] = {0, 0}, status[2];
    syscall(SYS_move_pages, 0, 2, pages, NULL, status, MPOL_MF_MOVE);
    syscall(SYS_move_pages, 0, 2, pages, to, status, 0x10);
    syscall(SYS_set_mempolicy_home_node, r, page, 0, 0);
    int uffd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
    if (uffd >= 0)
        close(uffd);
    syscall(SYS_userfaultfd, 0x10);
    munmap(r, 2 * page);
    return 0;
}

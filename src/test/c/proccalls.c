/*
 * Process, kernel and signal calls for ProcessCompareIT, with the edge cases strace decodes:
 * prctl options and their output arguments, arch_prctl's XSAVE features, bogus values.
 */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BAD 0xbadc0dedfacefeedUL

static void prctls(void) {
    char name[16];
    int i;
    long p;
    syscall(SYS_prctl, PR_GET_NAME, name);
    syscall(SYS_prctl, PR_SET_NAME, "0123456789abcdefgh");
    syscall(SYS_prctl, PR_SET_NAME, name);
    syscall(SYS_prctl, PR_GET_PDEATHSIG, &i);
    syscall(SYS_prctl, PR_GET_PDEATHSIG, (void *) 8);
    syscall(SYS_prctl, PR_SET_PDEATHSIG, 0);
    syscall(SYS_prctl, PR_GET_DUMPABLE);
    syscall(SYS_prctl, PR_GET_SECUREBITS);
    syscall(SYS_prctl, PR_SET_SECUREBITS, BAD);
    syscall(SYS_prctl, PR_CAPBSET_READ, 13);
    syscall(SYS_prctl, PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, 13, 0, 0);
    syscall(SYS_prctl, PR_CAP_AMBIENT, 0xff, 0xaaaa, 0, 0);
    syscall(SYS_prctl, PR_MCE_KILL_GET, 0, 0, 0, 0);
    syscall(SYS_prctl, PR_MCE_KILL, PR_MCE_KILL_SET, 0xff, 0, 0);
    syscall(SYS_prctl, PR_GET_TSC, &i);
    syscall(SYS_prctl, PR_SET_TSC, 0xfacebeef);
    syscall(SYS_prctl, PR_GET_UNALIGN, &i);
    syscall(SYS_prctl, PR_GET_TID_ADDRESS, &p);
    syscall(SYS_prctl, PR_GET_CHILD_SUBREAPER, &i);
    syscall(SYS_prctl, PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS);
    syscall(SYS_prctl, PR_GET_SPECULATION_CTRL, BAD);
    syscall(SYS_prctl, PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 3);
    syscall(SYS_prctl, PR_GET_TAGGED_ADDR_CTRL, 0, 0, 0, 0);
    syscall(SYS_prctl, PR_SET_TAGGED_ADDR_CTRL, 0x57ae57f4, 1, 2, 3);
    syscall(SYS_prctl, 50 /* PR_SVE_SET_VL */, 0x2ea57);
    syscall(SYS_prctl, 0x53564d41 /* PR_SET_VMA */, 0, (void *) 0x1000, 4096, "anon");
    syscall(SYS_prctl, 62 /* PR_SCHED_CORE */, 0, 0, 1, &p);
    syscall(SYS_prctl, 0x59616d61 /* PR_SET_PTRACER */, -1);
    syscall(SYS_prctl, 0xbadc0ded, 1, 2, 3, 4);
    struct sock_filter insns[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffff, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {4, insns};
    syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

static void arch_prctls(void) {
    unsigned long v;
    syscall(SYS_arch_prctl, 0x1003 /* ARCH_GET_FS */, &v);
    syscall(SYS_arch_prctl, 0x1011 /* ARCH_GET_CPUID */, 0);
    syscall(SYS_arch_prctl, 0x1021 /* ARCH_GET_XCOMP_SUPP */, &v);
    syscall(SYS_arch_prctl, 0x1022 /* ARCH_GET_XCOMP_PERM */, (void *) 8);
    syscall(SYS_arch_prctl, 0x1023 /* ARCH_REQ_XCOMP_PERM */, 0xdeadface);
    syscall(SYS_arch_prctl, 0xbadc0ded, BAD);
}

int main(void) {
    prctls();
    arch_prctls();
    return 0;
}

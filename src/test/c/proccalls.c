/*
 * Process, kernel and signal calls for ProcessCompareIT, with the edge cases strace decodes:
 * prctl options and their output arguments, arch_prctl's XSAVE features, siginfo in the calls
 * that queue signals, signal sets of odd sizes, sched_attr, kernel calls, perf events and their
 * ioctls, PTRACE_GET_SYSCALL_INFO at a signal stop and at a syscall entry and exit, user_desc
 * (thread areas, the LDT), _sysctl, umask's 16 bits, bogus values.
 */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/landlock.h>
#include <linux/perf_event.h>
#include <linux/sched/types.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>
#include <sys/socket.h>
#include <sys/ptrace.h>
#include <elf.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/sysctl.h>
#include <asm/ldt.h>

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
    /* operations only eBPF has, which the kernel refuses (EINVAL): strace 6.1 still names them */
    struct sock_filter ebpf_ops[] = {
        BPF_STMT(BPF_ALU | BPF_K | 0xd0 /* BPF_END */, 1),
        BPF_JUMP(BPF_JMP | BPF_K | 0xa0 /* BPF_JLT */, 1, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog ebpf_prog = {3, ebpf_ops};
    syscall(SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &ebpf_prog);
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

static void signals(void) {
    unsigned long set = 1, act[4] = {1, 0x04000000, 0x1234, 1 << 8};
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    si.si_signo = SIGUSR1;
    si.si_code = SI_QUEUE;
    si.si_errno = 2;
    si.si_pid = getpid();
    si.si_value.sival_ptr = (void *) 0xdeadbeef;
    syscall(SYS_rt_sigpending, &set, 1);
    syscall(SYS_rt_sigpending, &set, 9);
    syscall(SYS_rt_sigaction, SIGUSR2, act, NULL, 8);
    syscall(SYS_rt_sigaction, SIGUSR2, NULL, act, 8);
    syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR2, &si);
    syscall(SYS_rt_tgsigqueueinfo, getpid(), 0, SIGUSR2, &si);
    struct timespec ts = {0, 1};
    syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
    stack_t ss = {(void *) 0x1000, SS_DISABLE, 0}, old;
    syscall(SYS_sigaltstack, &ss, &old);
    syscall(SYS_kill, getpid(), 0);
    syscall(SYS_tgkill, getpid(), 0, 0);
}

static void processes(void) {
    int status;
    siginfo_t si;
    struct rusage ru;
    struct tms t;
    struct utsname u;
    gid_t groups[4] = {0, 1, (gid_t) -1, 65534};
    unsigned long cpus = 1;
    struct sched_attr attr = {.size = 1};
    int param = 0;
    syscall(SYS_wait4, -1, &status, WNOHANG, &ru);
    syscall(SYS_waitid, P_ALL, 0, &si, WNOHANG | WEXITED, &ru);
    syscall(SYS_getrusage, RUSAGE_SELF, &ru);
    syscall(SYS_times, &t);
    syscall(SYS_uname, &u);
    syscall(SYS_setgroups, 4, groups);
    syscall(SYS_setgroups, 65537, groups);
    syscall(SYS_getgroups, 0, groups);
    syscall(SYS_sched_setaffinity, 0, 0, &cpus);
    syscall(SYS_sched_getaffinity, 0, sizeof(cpus), &cpus);
    syscall(SYS_sched_setattr, 0, &attr, 0);
    syscall(SYS_sched_getattr, 0, &attr, sizeof(attr), 0);
    syscall(SYS_sched_getparam, 0, &param);
    syscall(SYS_sched_setscheduler, 0, 0xfaceda7a, &param);
    syscall(SYS_sched_getscheduler, 0);
    syscall(SYS_ioprio_get, 1, 0);
    syscall(SYS_ioprio_set, 0xfa57beef, 0, 0xfacedead);
    syscall(SYS_getcpu, NULL, NULL, NULL);
    syscall(SYS_unshare, 0xbadc0ded0000000fUL);
    syscall(SYS_setns, -1, CLONE_NEWNET);
    syscall(SYS_pidfd_open, getpid(), 0xfacef6ed);
    syscall(SYS_kcmp, getpid(), 0, 0, 1, 2);
    syscall(SYS_kcmp, getpid(), 0, 1, 1, 2);
    struct futex_waitv w = {0, (unsigned long) &param, FUTEX_32 | FUTEX_PRIVATE_FLAG};
    struct timespec ts = {0, 1};
    syscall(SYS_futex_waitv, &w, 1, 0, &ts, CLOCK_MONOTONIC);
    syscall(SYS_futex, &param, FUTEX_WAKE_OP, 1, 0, &status, 0xfacefeed);
}

static void kernel(void) {
    syscall(SYS_reboot, 0xfee1dead, 0x13111992, 0xa1b2c3d4, "reboot");
    syscall(SYS_reboot, 0, 0, 0, 0);
    syscall(SYS_swapon, "/nonexistent", 0x1802a);
    syscall(SYS_swapoff, "/nonexistent");
    syscall(SYS_sethostname, NULL, 65);
    syscall(SYS_setdomainname, "x", 0);
    syscall(SYS_syslog, 8, NULL, 3);
    syscall(SYS_syslog, 10, NULL, 0);
    syscall(SYS_syslog, 0xfa57, NULL, 7);
    syscall(SYS_acct, "/nonexistent");
    syscall(SYS_keyctl, 0xfacefeed, 1, 2, 3, 4);
    syscall(SYS_keyctl, 11 /* KEYCTL_READ */, -559026163, NULL, 0);
    syscall(SYS_keyctl, 19 /* KEYCTL_REJECT */, -559026163, 1, 19, -2);
    syscall(SYS_keyctl, 5 /* KEYCTL_SETPERM */, -1, 0xc0c0c0c0);
    syscall(SYS_add_key, "user", "desc", "payload", 7, -559026163);
    syscall(SYS_request_key, "user", "desc", NULL, -1);
    syscall(SYS_iopl, 4);
    syscall(SYS_ioperm, 0x80, 1, 0);
    struct user_desc d = {.entry_number = -1, .base_addr = 0x1000, .limit = 0xfff, .seg_32bit = 1, .contents = 2,
            .useable = 1};
    syscall(SYS_set_thread_area, &d);
    d.entry_number = 12;
    syscall(SYS_get_thread_area, &d);
    syscall(SYS_get_thread_area, NULL);
    syscall(SYS_modify_ldt, 0, &d, sizeof(d));
    syscall(SYS_modify_ldt, 0, &d, 8);
    syscall(SYS_modify_ldt, 0x4d, &d, sizeof(d)); /* an error in an int: strace prints the value and the errno */
    struct __sysctl_args sa = {.nlen = 2, .newlen = 7};
    syscall(SYS__sysctl, &sa);
    mode_t old = syscall(SYS_umask, 0xffff0027);
    syscall(SYS_umask, old);
}

static void newer(void) {
    struct clone_args ca = {.flags = 0xdec0deac0040007fUL, .exit_signal = 250, .stack_size = 42};
    syscall(SYS_clone3, &ca, 64);
    syscall(SYS_clone3, &ca, 63);
    struct landlock_ruleset_attr la = {.handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE | 1UL << 40};
    syscall(SYS_landlock_create_ruleset, &la, sizeof(la), 0);
    syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
    struct landlock_path_beneath_attr pb = {.allowed_access = 3, .parent_fd = -1};
    syscall(SYS_landlock_add_rule, -1, LANDLOCK_RULE_PATH_BENEATH, &pb, 0);
    syscall(SYS_landlock_restrict_self, -1, 0);
    unsigned int act = SECCOMP_RET_LOG;
    syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act);
    unsigned short sizes[3];
    syscall(SYS_seccomp, SECCOMP_GET_NOTIF_SIZES, 0, sizes);
    syscall(SYS_seccomp, -1, -1, 0xfacefeeddeadbeefUL);
    char buf[8];
    struct iovec local = {buf, sizeof(buf)}, remote = {(void *) 0x1000, 8};
    syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1, 0);
    syscall(SYS_process_vm_writev, getpid(), &local, 1, &remote, 1, 0);
    syscall(SYS_process_madvise, -1, &remote, 1, 0xdeadc0de, 0);
    syscall(SYS_process_mrelease, -1, 0);
    syscall(SYS_delete_module, "nonexistent", O_NONBLOCK | O_TRUNC);
    syscall(SYS_finit_module, -1, "", 10);
    syscall(SYS_init_module, NULL, 0, "");
    syscall(SYS_kexec_load, 0, 17, NULL, 0x3e0001);
    syscall(SYS_kexec_file_load, -1, -1, 7, "abcdef", 0xbadc0ded0000UL);
}

/*
 * A software counter on ourselves (user time only, which perf_event_paranoid 2 allows) and its
 * ioctls; then an attr that is too small and one whose size exceeds the kernel's with non-zero
 * bytes there (E2BIG, the kernel writes its own size back).
 */
static void perf(void) {
    struct perf_event_attr attr = {.type = PERF_TYPE_SOFTWARE, .size = sizeof(attr), .config = PERF_COUNT_SW_TASK_CLOCK,
            .disabled = 1, .exclude_kernel = 1, .exclude_hv = 1, .read_format = PERF_FORMAT_TOTAL_TIME_ENABLED};
    int fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    ioctl(fd, PERF_EVENT_IOC_RESET, PERF_IOC_FLAG_GROUP);
    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
    ioctl(fd, PERF_EVENT_IOC_ID, NULL); /* a valid id's value differs from run to run */
    ioctl(fd, PERF_EVENT_IOC_REFRESH, -1);
    ioctl(fd, PERF_EVENT_IOC_SET_FILTER, "common_pid != 0");
    ioctl(fd, PERF_EVENT_IOC_DISABLE, 0xfe);
    close(fd);
    static unsigned char big[4096];
    struct perf_event_attr *b = (struct perf_event_attr *) big;
    b->type = PERF_TYPE_HW_CACHE;
    b->config = 0x10002;
    b->size = 1;
    syscall(SYS_perf_event_open, b, -1, 0, -1, 0xff);
    b->size = sizeof(big);
    big[sizeof(big) - 1] = 1;
    syscall(SYS_perf_event_open, b, 0, -1, -1, 0);
}

/* A pidfd and fds of other kinds, for -y, -yy and -e decode-fds= (pid:N, char devices, sockets). */
static void fds(void) {
    int pidfd = syscall(SYS_pidfd_open, getpid(), 0);
    int null = open("/dev/null", O_RDONLY);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    syscall(SYS_pidfd_getfd, pidfd, null, 0);
    syscall(SYS_pidfd_getfd, pidfd, sv[0], 0);
    syscall(SYS_pidfd_getfd, pidfd, pidfd, 0);
    syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0);
    siginfo_t io = {0};
    io.si_signo = SIGIO;
    io.si_code = POLL_IN;
    io.si_fd = null;
    syscall(SYS_ptrace, PTRACE_SETSIGINFO, -1, 0, &io);
}

/* ptrace on a stopped child of ours (not traced by the tracer: no -f), then requests that fail. */
static void tracing(void) {
    static unsigned long word = 0xfacefeedUL;
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL); /* its SIGCHLD would race with wait4 */
    pid_t child = fork();
    if (child == 0) {
        syscall(SYS_ptrace, PTRACE_TRACEME, 0, 0, 0);
        raise(SIGSTOP);
        syscall(SYS_chdir, "/nonexistent", 1, 2, 3, 4, 5);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    unsigned long out = 0;
    syscall(SYS_ptrace, PTRACE_SETOPTIONS, child, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
    syscall(SYS_ptrace, PTRACE_PEEKDATA, child, &word, &out);
    syscall(SYS_ptrace, PTRACE_GETEVENTMSG, child, 0, &out);
    siginfo_t si;
    syscall(SYS_ptrace, PTRACE_GETSIGINFO, child, 0, &si);
    unsigned long mask = 0;
    syscall(SYS_ptrace, PTRACE_GETSIGMASK, child, sizeof(mask), &mask);
    syscall(SYS_ptrace, PTRACE_SETSIGMASK, child, sizeof(mask), &mask);
    char xstate[4096];
    struct iovec iov = {xstate, sizeof(xstate)};
    syscall(SYS_ptrace, PTRACE_GETREGSET, child, NT_X86_XSTATE, &iov);
    struct __ptrace_peeksiginfo_args psi = {0, PTRACE_PEEKSIGINFO_SHARED, 1};
    syscall(SYS_ptrace, PTRACE_PEEKSIGINFO, child, &psi, &si);
    /* The syscall info at the signal stop, then at the entry and exit of the child's next call. */
    struct __ptrace_syscall_info info;
    syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, child, sizeof(info), &info);
    syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, child, 5, &info);
    syscall(SYS_ptrace, PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, child, sizeof(info), &info);
    syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, child, 48, &info);
    syscall(SYS_ptrace, PTRACE_SYSCALL, child, 0, 0);
    waitpid(child, &status, 0);
    syscall(SYS_ptrace, PTRACE_GET_SYSCALL_INFO, child, sizeof(info), &info);
    syscall(SYS_ptrace, PTRACE_CONT, child, 0, SIGCONT);
    waitpid(child, &status, 0);
    syscall(SYS_ptrace, PTRACE_ATTACH, -1, 0, 0);
    syscall(SYS_ptrace, PTRACE_SEIZE, -1, 0, PTRACE_O_TRACECLONE | 0x800000);
    syscall(SYS_ptrace, PTRACE_DETACH, -1, 0, SIGUSR1);
    syscall(SYS_ptrace, PTRACE_GETREGS, -1, 0, &xstate);
    syscall(SYS_ptrace, 0xfacefeedUL, -1, 1, 2);
}

int main(void) {
    prctls();
    arch_prctls();
    signals();
    processes();
    kernel();
    newer();
    fds();
    perf();
    tracing();
    return 0;
}

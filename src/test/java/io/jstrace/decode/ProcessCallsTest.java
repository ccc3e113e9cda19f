package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signal, scheduling, id and kernel calls as strace 6.1 prints them (lines its test suite expects). */
class ProcessCallsTest {
    private static SyscallLines raw() {
        return new SyscallLines(SyscallLines.options(false, DecodeOptions.Xstyle.RAW));
    }

    @Test
    void siginfoAsStracePrintsIt() {
        SyscallLines m = new SyscallLines();
        long si = m.put(SyscallLines.le(128).putInt(10).putInt(2).putInt(-1).putInt(0)
                .putInt(3141).putInt(0).putLong(0xdeadbeeffacefeedL).array());
        assertEquals("rt_tgsigqueueinfo(3141, 3141, SIGUSR1, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_errno=ENOENT, "
                + "si_pid=3141, si_uid=0, si_int=-87097619, si_ptr=0xdeadbeeffacefeed}) = 0",
                m.line("rt_tgsigqueueinfo", 0, 3141, 3141, 10, si));
        long child = m.put(SyscallLines.le(128).putInt(17).putInt(0).putInt(1).putInt(0)
                .putInt(42).putInt(-1).putInt(3).putInt(0).putLong(38).putLong(0).array());
        assertEquals("waitid(P_PID, 42, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=-1, si_status=3, "
                + "si_utime=38 /* 0.38 s */, si_stime=0}, WEXITED, NULL) = 0", m.line("waitid", 0, 1, 42, child, 4, 0));
    }

    /** The id getters' results are unsigned, as strace prints them (say, an injected retval=0x8000000000000000). */
    @Test
    void idsReturnedAreUnsigned() {
        SyscallLines m = new SyscallLines();
        assertEquals("geteuid() = 9223372036854775808", m.line("geteuid", Long.MIN_VALUE));
        assertEquals("getgid() = 18446744073709547520", m.line("getgid", -4096));
        assertEquals("getuid() = 1000", m.line("getuid", 1000));
    }

    @Test
    void signalSets() {
        SyscallLines m = new SyscallLines();
        long set = m.put(new byte[] {1, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("rt_sigpending([HUP], 1) = 0", m.line("rt_sigpending", 0, set, 1));
        assertEquals("rt_sigpending(0x" + Long.toHexString(set) + ", 9) = 0", m.line("rt_sigpending", 0, set, 9));
        long act = m.put(SyscallLines.le(32).putLong(1).putLong(0x04000000L).putLong(0x1234).putLong(1L << 8).array());
        assertEquals("rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[KILL], sa_flags=SA_RESTORER, sa_restorer=0x1234}, "
                + "NULL, 8) = 0", m.line("rt_sigaction", 0, 10, act, 0, 8));
    }

    @Test
    void schedAttrAndAffinity() {
        SyscallLines m = new SyscallLines();
        long attr = m.put(SyscallLines.le(4).putInt(1).array());
        m.fillAtExit(attr, SyscallLines.le(4).putInt(56).array());
        assertEquals("sched_setattr(0, {size=1} => {size=56}, 0) = -1 errno 7", m.line("sched_setattr", -7, 0, attr, 0));
        long keep = m.put(SyscallLines.le(56).putInt(48).putInt(0xdefaced).putLong(0x18).array());
        assertEquals("sched_setattr(1, {size=48, sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS}, 0) = 0",
                m.line("sched_setattr", 0, 1, keep, 0));
        long cpus = m.put(new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("sched_setaffinity(0, 8, [0 1]) = 0", m.line("sched_setaffinity", 0, 0, 8, cpus));
        assertEquals("sched_setaffinity(0, 0, []) = -1 errno 22", m.line("sched_setaffinity", -22, 0, 0, cpus));
        assertEquals("sched_setscheduler(1, 0xfaceda7a /* SCHED_??? */, NULL) = -1 errno 22",
                m.line("sched_setscheduler", -22, 1, 0xfffffffffaceda7aL, 0));
    }

    @Test
    void groupsAsArrays() {
        SyscallLines m = new SyscallLines();
        long gids = m.putAtEnd(SyscallLines.le(8).putInt(-2).putInt(-3).array());
        assertEquals("setgroups(3, [4294967294, 4294967293, ... /* 0x" + Long.toHexString(gids + 8) + " */]) = -1 errno 14",
                m.line("setgroups", -14, 3, gids));
        assertEquals("setgroups(65537, 0x" + Long.toHexString(gids) + ") = -1 errno 22", m.line("setgroups", -22, 65537, gids));
    }

    @Test
    void kernelCalls() {
        SyscallLines m = new SyscallLines();
        long name = m.put("reboot\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("reboot(LINUX_REBOOT_MAGIC1, 0x13111992 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_RESTART2, "
                + "\"reboot\") = -1 errno 22", m.line("reboot", -22, 0xfee1deadL, 0x13111992, 0xa1b2c3d4L, name));
        assertEquals("reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_CAD_OFF) = -1 errno 22",
                m.line("reboot", -22, 0, 0, 0));
        assertEquals("swapon(\"reboot\", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|42) = -1 errno 2", m.line("swapon", -2, name, 0x1802a));
        assertEquals("sethostname(\"reb\", 3) = 0", m.line("sethostname", 0, name, 3));
        assertEquals("sethostname(NULL, 65) = -1 errno 22", m.line("sethostname", -22, 0, 65));
        assertEquals("syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 3 /* LOGLEVEL_ERR */) = 0", m.line("syslog", 0, 8, 0, 3));
        assertEquals("syslog(9 /* SYSLOG_ACTION_SIZE_UNREAD */) = 42", m.line("syslog", 42, 9, 0, 3));
        assertEquals("unshare(0xbadc0ded0000000f /* CLONE_??? */) = -1 errno 22", m.line("unshare", -22, 0xbadc0ded0000000fL));
        assertEquals("setns(3, CLONE_NEWNET) = 0", m.line("setns", 0, 3, 0x40000000));
        assertEquals("ioprio_set(0xfa57beef, -629534633, -87097619) = -1 errno 22",
                raw().line("ioprio_set", -22, 0xfa57beefL, -629534633, -87097619));
        assertEquals("ioprio_set(0xfa57beef /* IOPRIO_WHO_??? */, -629534633, IOPRIO_PRIO_VALUE(0x7d677 /* IOPRIO_CLASS_??? */, "
                + "7917)) = -1 errno 22", m.line("ioprio_set", -22, 0xfa57beefL, -629534633, -87097619));
    }

    @Test
    void timesWithSeconds() {
        SyscallLines m = new SyscallLines();
        long tms = m.put(new byte[32]);
        m.fillAtExit(tms, SyscallLines.le(32).putLong(38).putLong(0).putLong(174).putLong(1).array());
        assertEquals("times({tms_utime=38 /* 0.38 s */, tms_stime=0, tms_cutime=174 /* 1.74 s */, tms_cstime=1 /* 0.01 s */}) = 100",
                m.line("times", 100, tms));
    }

    @Test
    void futexWaitv() {
        SyscallLines m = new SyscallLines();
        long w = m.put(SyscallLines.le(24).putLong(0).putLong(0x1000).putInt(0x82).putInt(0).array());
        assertEquals("futex_waitv([{val=0, uaddr=0x1000, flags=FUTEX_32|FUTEX_PRIVATE_FLAG}], 1, 0, NULL, CLOCK_MONOTONIC) = 0",
                m.line("futex_waitv", 0, w, 1, 0, 0, 1));
        assertEquals("futex_waitv(NULL, 1, 0xffffffff, NULL, 0xffffffff /* CLOCK_??? */) = -1 errno 22",
                m.line("futex_waitv", -22, 0, 1, 0xffffffffL, 0, 0xffffffffL));
    }

    @Test
    void clone3() {
        SyscallLines m = new SyscallLines();
        long args = m.put(SyscallLines.le(96).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0xdeadfacebeefcafeL)
                .putLong(0).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0).putLong(0xfacefeeddeadc0deL).array());
        assertEquals("clone3({flags=0, exit_signal=16045756813264538366, stack=NULL, stack_size=0, "
                + "/* bytes 88..95 */ \"\\xde\\xc0\\xad\\xde\\xed\\xfe\\xce\\xfa\"}, 96) = -1 errno 7",
                m.line("clone3", -7, args, 96));
        long tids = m.put(SyscallLines.le(8).putInt(-1).putInt(42).array());
        long set = m.put(SyscallLines.le(88).putLong(0x200000000L).putLong(0).putLong(0).putLong(0).putLong(17).putLong(0)
                .putLong(0).putLong(0).putLong(tids).putLong(2).putLong(3).array());
        assertEquals("clone3({flags=CLONE_INTO_CGROUP, exit_signal=SIGCHLD, stack=NULL, stack_size=0, set_tid=[-1, 42], "
                + "set_tid_size=2, cgroup=3}, 88) = 0", m.line("clone3", 0, set, 88));
        assertEquals("clone3(0x" + Long.toHexString(set) + ", 63) = -1 errno 22", m.line("clone3", -22, set, 63));
    }

    @Test
    void landlockAndSeccomp() {
        SyscallLines m = new SyscallLines();
        long attr = m.put(SyscallLines.le(16).putLong(3).putLong(0).array());
        assertEquals("landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|LANDLOCK_ACCESS_FS_WRITE_FILE, ...}, "
                + "16, 0) = 3", m.line("landlock_create_ruleset", 3, attr, 16, 0));
        assertEquals("landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 2",
                m.line("landlock_create_ruleset", 2, 0, 0, 1));
        long rule = m.put(SyscallLines.le(12).putLong(1L << 40).putInt(-1).array());
        assertEquals("landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=0x10000000000 /* LANDLOCK_ACCESS_FS_??? */, "
                + "parent_fd=-1}, 0) = -1 errno 22", m.line("landlock_add_rule", -22, 3, 1, rule, 0));
        long act = m.put(SyscallLines.le(4).putInt(0x7fc00000).array());
        assertEquals("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_USER_NOTIF]) = 0", m.line("seccomp", 0, 2, 0, act));
        long sizes = m.put(new byte[6]);
        m.fillAtExit(sizes, SyscallLines.le(6).putShort((short) 80).putShort((short) 24).putShort((short) 64).array());
        assertEquals("seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0",
                m.line("seccomp", 0, 3, 0, sizes));
        assertEquals("seccomp(0xffffffff /* SECCOMP_SET_MODE_??? */, 0xffffffff, 0xfacefeeddeadbeef) = -1 errno 22",
                m.line("seccomp", -22, -1, -1, 0xfacefeeddeadbeefL));
    }

    @Test
    void modulesAndKexec() {
        SyscallLines m = new SyscallLines();
        long name = m.put("mod\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("delete_module(\"mod\", O_NONBLOCK|O_TRUNC) = -1 errno 2", m.line("delete_module", -2, name, 0xa00));
        assertEquals("finit_module(3, \"mod\", MODULE_INIT_IGNORE_VERMAGIC|0x8) = -1 errno 22",
                m.line("finit_module", -22, 3, name, 10));
        long seg = m.put(SyscallLines.le(32).putLong(0x1000).putLong(16).putLong(0x2000).putLong(4096).array());
        assertEquals("kexec_load(0x1000, 1, [{buf=0x1000, bufsz=16, mem=0x2000, memsz=4096}], KEXEC_ARCH_X86_64|KEXEC_ON_CRASH) "
                + "= -1 errno 1", m.line("kexec_load", -1, 0x1000, 1, seg, 0x3e0001));
        assertEquals("kexec_load(NULL, 17, 0x" + Long.toHexString(seg) + ", KEXEC_ARCH_DEFAULT) = -1 errno 22",
                m.line("kexec_load", -22, 0, 17, seg, 0));
    }

    @Test
    void ptrace() {
        SyscallLines m = new SyscallLines();
        assertEquals("ptrace(PTRACE_TRACEME) = 0", m.line("ptrace", 0, 0, 5, 6, 7));
        assertEquals("ptrace(PTRACE_ATTACH, 42) = -1 errno 1", m.line("ptrace", -1, 0x10, 42, 6, 7));
        assertEquals("ptrace(PTRACE_CONT, 42, NULL, SIGCONT) = 0", m.line("ptrace", 0, 7, 42, 0, 18));
        assertEquals("ptrace(PTRACE_SEIZE, 42, NULL, PTRACE_O_TRACESYSGOOD|0x800000) = 0",
                m.line("ptrace", 0, 0x4206, 42, 0, 0x800001));
        long word = m.put(new byte[8]);
        m.fillAtExit(word, SyscallLines.le(8).putLong(0xfacefeedL).array());
        assertEquals("ptrace(PTRACE_PEEKDATA, 42, 0x1000, [0xfacefeed]) = 0", m.line("ptrace", 0, 2, 42, 0x1000, word));
        assertEquals("ptrace(PTRACE_PEEKDATA, 42, 0x1000, 0x" + Long.toHexString(word) + ") = -1 errno 3",
                m.line("ptrace", -3, 2, 42, 0x1000, word));
        long psi = m.put(SyscallLines.le(16).putLong(5).putInt(1).putInt(2).array());
        assertEquals("ptrace(PTRACE_PEEKSIGINFO, 42, {off=5, flags=PTRACE_PEEKSIGINFO_SHARED, nr=2}, []) = 0",
                m.line("ptrace", 0, 0x4209, 42, psi, word));
        long iov = m.put(SyscallLines.le(16).putLong(0x2000).putLong(4096).array());
        m.fillAtExit(iov, SyscallLines.le(16).putLong(0x2000).putLong(2432).array());
        assertEquals("ptrace(PTRACE_GETREGSET, 42, NT_X86_XSTATE, {iov_base=0x2000, iov_len=4096 => 2432}) = 0",
                m.line("ptrace", 0, 0x4204, 42, 0x202, iov));
        assertEquals("ptrace(PTRACE_GETREGS, 42, 0x3000) = -1 errno 3", m.line("ptrace", -3, 0xc, 42, 0, 0x3000));
        long regs = m.put(SyscallLines.le(24).putLong(0x15).putLong(0x14).putLong(0).array());
        long prstatus = m.put(SyscallLines.le(16).putLong(regs).putLong(24).array());
        m.fillAtExit(prstatus, SyscallLines.le(16).putLong(regs).putLong(16).array());
        assertEquals("ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base={r15=0x15, r14=0x14, r13=0}, iov_len=24 => 16}) = 0",
                m.line("ptrace", 0, 0x4205, 42, 1, prstatus));
        long fp = m.put(SyscallLines.le(40).putShort((short) 0x37f).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putLong(0).putLong(0).putInt(0x1f80).putInt(0xffff).putInt(7).putInt(0).array());
        long fpIov = m.put(SyscallLines.le(16).putLong(fp).putLong(40).array());
        assertEquals("ptrace(PTRACE_SETREGSET, 42, NT_FPREGSET, {iov_base={cwd=0x37f, swd=0, ftw=0, fop=0, rip=0, rdp=0, "
                + "mxcsr=0x1f80, mxcr_mask=0xffff, st_space=[0x7, 0]}, iov_len=40}) = 0", m.line("ptrace", 0, 0x4205, 42, 2, fpIov));
        long md = m.put(SyscallLines.le(16).putLong(3).putLong(1).array());
        assertEquals("ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=3, flags=SECCOMP_FILTER_FLAG_TSYNC}) = 16",
                m.line("ptrace", 16, 0x420d, 42, 16, md));
        assertEquals("ptrace(PTRACE_SECCOMP_GET_METADATA, 42, 16, {filter_off=3}) = -1 errno 3",
                m.line("ptrace", -3, 0x420d, 42, 16, md));
        long odd = m.put(SyscallLines.le(16).putLong(regs).putLong(12).array());
        assertEquals("ptrace(PTRACE_SETREGSET, 42, NT_PRSTATUS, {iov_base=0x" + Long.toHexString(regs) + ", iov_len=12}) = -1 errno 22",
                m.line("ptrace", -22, 0x4205, 42, 1, odd));
        // SIGSYS's si_syscall is named only for the architecture whose table this is.
        long sys = m.put(SyscallLines.le(128).putInt(31).putInt(0).putInt(1).putInt(0).putLong(0).putInt(0)
                .putInt(0xda7a1057).array());
        assertEquals("ptrace(PTRACE_SETSIGINFO, 42, NULL, {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, "
                + "si_syscall=0, si_arch=0xda7a1057 /* AUDIT_ARCH_??? */}) = -1 errno 3", m.line("ptrace", -3, 0x4203, 42, 0, sys));
        long x86 = m.put(SyscallLines.le(128).putInt(31).putInt(0).putInt(1).putInt(0).putLong(0).putInt(0)
                .putInt(0xc000003e).array());
        assertEquals("ptrace(PTRACE_SETSIGINFO, 42, NULL, {si_signo=SIGSYS, si_code=SYS_SECCOMP, si_call_addr=NULL, "
                + "si_syscall=__NR_read, si_arch=AUDIT_ARCH_X86_64}) = -1 errno 3", m.line("ptrace", -3, 0x4203, 42, 0, x86));
        assertEquals("ptrace(0xfacefeed /* PTRACE_??? */, 42, 0x1, 0x2) = -1 errno 5",
                m.line("ptrace", -5, 0xfacefeedL, 42, 1, 2));
    }

    /** A user_desc: entry, base 0x1000, limit 0xfff, bits seg_32bit and useable, contents 2. */
    private static byte[] userDesc(int entry) {
        return SyscallLines.le(16).putInt(entry).putInt(0x1000).putInt(0xfff).putInt(1 | 2 << 1 | 1 << 6).array();
    }

    @Test
    void threadAreasAndTheLdt() {
        SyscallLines m = new SyscallLines();
        String fields = "base_addr=0x001000, limit=0x000fff, seg_32bit=1, contents=2, read_exec_only=0, limit_in_pages=0, "
                + "seg_not_present=0, useable=1, lm=0}";
        long any = m.put(userDesc(-1));
        m.fillAtExit(any, userDesc(12));
        // The entry number the kernel chose follows the return value.
        assertEquals("set_thread_area({entry_number=-1, " + fields + ") = 0 (entry_number=12)", m.line("set_thread_area", 0, any));
        assertEquals("set_thread_area({entry_number=-1, " + fields + ") = -1 errno 38",
                m.line("set_thread_area", -38, m.put(userDesc(-1))));
        long given = m.put(new byte[] {12, 0, 0, 0});
        m.fillAtExit(given, userDesc(13));
        assertEquals("get_thread_area({entry_number=12 => 13, " + fields + ") = 0", m.line("get_thread_area", 0, given));
        assertEquals("get_thread_area({entry_number=12, ...}) = -1 errno 22", m.line("get_thread_area", -22, m.put(userDesc(12))));
        assertEquals("get_thread_area(NULL) = -1 errno 14", m.line("get_thread_area", -14, 0));
        // modify_ldt shows the struct only when bytecount is its size.
        long d = m.put(userDesc(7));
        assertEquals("modify_ldt(1, {entry_number=7, " + fields + ", 16) = 0", m.line("modify_ldt", 0, 1, d, 16));
        assertEquals("modify_ldt(1, 0x" + Long.toHexString(d) + ", 8) = 0", m.line("modify_ldt", 0, 1, d, 8));
    }

    @Test
    void sysctlArgsAndUmask() {
        SyscallLines m = new SyscallLines();
        long a = m.put(SyscallLines.le(80).putLong(0x1000).putInt(-2).putInt(0).putLong(0).putLong(0x2000).putLong(0)
                .putLong(-1).array());
        assertEquals("_sysctl({name=0x1000, nlen=-2, oldval=NULL, oldlenp=0x2000, newval=NULL, newlen=18446744073709551615}) "
                + "= -1 errno 38", m.line("_sysctl", -38, a));
        // umask takes a umode_t: the upper bits of its argument are not shown.
        assertEquals("umask(0177777) = 022", m.line("umask", 022, 0xffffffffL));
        assertEquals("umask(000) = 0777", m.line("umask", 0777, 0xffff0000L));
    }
}

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
}

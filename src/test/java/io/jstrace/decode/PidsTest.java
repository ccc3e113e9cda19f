package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pid arguments and results under -Y and --pidns-translation, with a namespace made up here. */
class PidsTest {
    /**
     * A tracee namespace where process 2 is the tracer's 1234 (named "sh"), process group 7 the
     * tracer's 1240, session 5 the tracer's 1200; other ids are unknown. Remembers the look-ups.
     */
    private static final class FakePids implements Pids {
        final List<String> asked = new ArrayList<>();

        @Override
        public int translate(int tid, int pid, Type type) {
            asked.add(type + " " + pid);
            return switch (type) {
                case TID, TGID -> pid == 2 ? 1234 : 0;
                case PGID -> pid == 7 ? 1240 : 0;
                case SID -> pid == 5 ? 1200 : 0;
            };
        }

        @Override
        public String comm(int pid) {
            return pid == 1234 ? "sh" : null;
        }
    }

    private static DecodeOptions options(boolean comm, boolean ns) {
        DecodeOptions d = DecodeOptions.DEFAULT;
        return new DecodeOptions(d.stringLimit(), d.verbose(), d.fdDetail(), d.xstyle(), d.structs(), comm, ns, false);
    }

    private static SyscallLines lines(boolean comm, boolean ns) {
        return new SyscallLines(options(comm, ns), new FakePids());
    }

    @Test
    void numbersAloneWithoutTheOptions() {
        FakePids pids = new FakePids();
        SyscallLines plain = new SyscallLines(DecodeOptions.DEFAULT, pids);
        assertEquals("kill(2, SIGTERM) = 0", plain.line("kill", 0, 2, 15));
        assertEquals("getpid() = 2", plain.line("getpid", 2));
        assertEquals(List.of(), pids.asked, "no /proc look-up without -Y or --pidns-translation");
    }

    @Test
    void namesUnderY() {
        SyscallLines y = lines(true, false);
        assertEquals("getpid() = 2<sh>", y.line("getpid", 2));
        assertEquals("gettid() = 2<sh>", y.line("gettid", 2));
        assertEquals("tgkill(2<sh>, 2<sh>, SIGCONT) = 0", y.line("tgkill", 0, 2, 2, 18));
        // Groups and sessions have no name; unknown pids are numbers.
        assertEquals("kill(-7, SIGTERM) = 0", y.line("kill", 0, -7, 15));
        assertEquals("getsid(2<sh>) = 5", y.line("getsid", 5, 2));
        assertEquals("kill(3, 0) = 0", y.line("kill", 0, 3, 0));
        assertEquals("kill(-1, SIGHUP) = 0", y.line("kill", 0, -1, 1));
    }

    @Test
    void tracerIdsUnderPidnsTranslation() {
        SyscallLines ns = lines(false, true);
        assertEquals("getpid() = 2 /* 1234 in strace's PID NS */", ns.line("getpid", 2));
        assertEquals("kill(-7 /* 1240 in strace's PID NS */, SIGTERM) = 0", ns.line("kill", 0, -7, 15));
        assertEquals("getpgrp() = 7 /* 1240 in strace's PID NS */", ns.line("getpgrp", 7));
        assertEquals("getsid(0) = 5 /* 1200 in strace's PID NS */", ns.line("getsid", 5, 0));
        assertEquals("setpgid(2 /* 1234 in strace's PID NS */, 7 /* 1240 in strace's PID NS */) = 0",
                ns.line("setpgid", 0, 2, 7));
        assertEquals("waitid(P_PGID, 7 /* 1240 in strace's PID NS */, NULL, WEXITED, NULL) = 0",
                ns.line("waitid", 0, 2, 7, 0, 4, 0));
        assertEquals("getpriority(PRIO_PGRP, 7 /* 1240 in strace's PID NS */) = 20", ns.line("getpriority", 20, 1, 7));
        assertEquals("getpriority(PRIO_USER, 7) = 20", ns.line("getpriority", 20, 2, 7));
    }

    @Test
    void bothWithAll() {
        SyscallLines all = lines(true, true);
        assertEquals("wait4(2<sh> /* 1234 in strace's PID NS */, NULL, 0, NULL) = 2<sh> /* 1234 in strace's PID NS */",
                all.line("wait4", 2, 2, 0, 0, 0));
        assertEquals("fcntl(3, F_SETOWN, 2<sh> /* 1234 in strace's PID NS */) = 0", all.line("fcntl", 0, 3, 8, 2));
        assertEquals("fcntl(3, F_GETOWN) = 2<sh> /* 1234 in strace's PID NS */", all.line("fcntl", 2, 3, 9));
    }

    @Test
    void prctlPidsByTheirType() {
        SyscallLines ns = lines(false, true);
        assertEquals("prctl(PR_SET_PTRACER, 2 /* 1234 in strace's PID NS */) = 0", ns.line("prctl", 0, 0x59616d61, 2));
        assertEquals("prctl(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_TO, 7 /* 1240 in strace's PID NS */, 0x2 /* PIDTYPE_PGID */, NULL) = 0",
                ns.line("prctl", 0, 62, 2, 7, 2, 0));
        assertEquals("prctl(PR_SCHED_CORE, PR_SCHED_CORE_SHARE_TO, 7, 0x9 /* PIDTYPE_??? */, NULL) = 0",
                ns.line("prctl", 0, 62, 2, 7, 9, 0));
    }

    @Test
    void peerCredentialsAsFarAsReturned() {
        SyscallLines y = lines(true, false);
        long cred = y.put(SyscallLines.le(12).putInt(0, 2).putInt(4, 1000).putInt(8, 100).array());
        long len = y.put(SyscallLines.le(4).putInt(0, 12).array());
        assertEquals("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=2<sh>, uid=1000, gid=100}, [12]) = 0",
                y.line("getsockopt", 0, 3, 1, 17, cred, len));
        long six = y.put(SyscallLines.le(4).putInt(0, 6).array());
        assertEquals("getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=2<sh>, uid=\"\\xe8\\x03\"}, [6]) = 0",
                y.line("getsockopt", 0, 3, 1, 17, cred, six));
        long none = y.put(SyscallLines.le(4).array());
        assertEquals("getsockopt(3, SOL_SOCKET, SO_PEERCRED, " + String.format("%#x", cred) + ", [0]) = 0",
                y.line("getsockopt", 0, 3, 1, 17, cred, none));
    }

    @Test
    void netlinkAddressesPid() {
        SyscallLines ns = lines(false, true);
        long sa = ns.put(SyscallLines.le(12).putShort(0, (short) 16).putInt(4, 2).putInt(8, 0xfacefeed).array());
        assertEquals("connect(3, {sa_family=AF_NETLINK, nl_pid=2 /* 1234 in strace's PID NS */, nl_groups=0xfacefeed}, 12) = 0",
                ns.line("connect", 0, 3, sa, 12));
    }

    @Test
    void seccompNotificationPid() {
        SyscallLines ns = lines(false, true);
        long notif = ns.put(SyscallLines.le(80).putLong(0, 7).putInt(8, 2).putInt(16, 186).putInt(20, 0xc000003e).array());
        String line = ns.line("ioctl", -9, 3, 0xc0502100L, notif);
        assertTrue(line.contains("{id=0x7, pid=2 /* 1234 in strace's PID NS */, flags=0, data={nr=__NR_gettid"), line);
    }

    @Test
    void textAndCommentsInComments() {
        ValueText text = new ValueText(ValueText.Hex.NONE);
        // strace escapes what would end the brackets, in octal.
        assertEquals("12<a\\76b>", text.format(new Value.Pid(12, "a>b", 0)));
        assertEquals("12", text.format(new Value.Pid(12, null, 0)));
        assertEquals("2 /* 12 in strace's PID NS */", text.format(new Value.Pid(2, null, 12)));
    }
}

package io.jstrace.decode;

import io.jstrace.linux.ProcDirs;
import io.jstrace.model.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Calls on other processes' fds: pidfd_getfd's target fd, kcmp's fds of two processes. */
public final class PidFds {
    private PidFds() {}

    private static final Layout SLOT = Layout.of("kcmp_epoll_slot");
    private static final Layout.Field EFD = SLOT.field("efd"), TFD = SLOT.field("tfd"), TOFF = SLOT.field("toff");
    private static final int KCMP_FILE = 0, KCMP_SYSVSEM = 6, KCMP_EPOLL_TFD = 7;

    /** The process a pidfd of {@code tid} refers to (its fdinfo's Pid line), or -1 (strace's pidfd_get_pid). */
    public static int pidOf(int tid, int pidfd) {
        try {
            for (String line : Files.readAllLines(Path.of(ProcDirs.of(tid) + "/fdinfo/" + pidfd))) {
                if (line.startsWith("Pid:")) {
                    return Integer.parseInt(line.substring(4).strip());
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return -1;
        }
        return -1;
    }

    /** pidfd_getfd's target: an fd of the process behind the pidfd in argument 0. */
    static Value targetFd(Call c, int i) {
        int pid = pidOf(c.tid, c.intArg(0));
        return pid > 0 ? Decode.fd(c, pid, c.intArg(i)) : Value.Num.dec(c.intArg(i));
    }

    static Value kcmpType(Call c) {
        return Decode.sym("kcmp_types", c.arg(2) & 0xffffffffL, Value.Radix.HEX, "KCMP_???");
    }

    /**
     * kcmp's idx1 and idx2 ({@code i} 3 and 4): fds of pid1 and pid2 (ids in the caller's PID
     * namespace, looked up in /proc as the tracer's), an epoll slot, nothing, or hex.
     */
    static Value kcmpIndex(Call c, int i) {
        int type = c.intArg(2);
        int pid = c.pids.translate(c.tid, c.intArg(i == 3 ? 0 : 1), Pids.Type.TGID);
        if (type == KCMP_FILE || (type == KCMP_EPOLL_TFD && i == 3)) {
            return Decode.fd(c, pid, c.intArg(i));
        }
        if (type == KCMP_EPOLL_TFD) {
            Bytes b = Decode.struct(c, c.arg(i), SLOT.size());
            return b == null ? Decode.ptr(c.arg(i)) : Decode.struct(
                    Decode.field("efd", Decode.fd(c, pid, (int) b.s(EFD))),
                    Decode.field("tfd", Decode.fd(c, pid, (int) b.s(TFD))),
                    Decode.field("toff", Value.Num.udec(b.u(TOFF))));
        }
        return type > KCMP_FILE && type <= KCMP_SYSVSEM ? null : Value.Num.hex(c.arg(i));
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

/**
 * What a pid a tracee passes or gets stands for (for -Y and --pidns-translation): its id in the
 * tracer's PID namespace and its process's name.
 */
public interface Pids {
    /** Which of a process's ids a number is: strace prints names only for thread and process ids. */
    enum Type { TID, TGID, PGID, SID }

    /**
     * {@code pid}, a {@code type} id as thread {@code tid} sees it, as the tracer sees it; 0 when
     * not known (no such process, pid not positive).
     */
    int translate(int tid, int pid, Type type);

    /** The name (/proc/PID/comm) of the tracer-namespace {@code pid}; null when not known or empty. */
    String comm(int pid);

    /** Pids as they are: one namespace, no names. */
    Pids NONE = new Pids() {
        @Override
        public int translate(int tid, int pid, Type type) {
            return pid > 0 ? pid : 0;
        }

        @Override
        public String comm(int pid) {
            return null;
        }
    };

    /**
     * {@code pid} of {@code type} as {@code c}'s options ask: a number, or under -Y with its
     * process's name (thread and process ids only) and under --pidns-translation with its id in
     * the tracer's namespace where that differs. Unknown pids print as numbers, as in strace.
     */
    static Value of(Call c, int pid, Type type) {
        return of(c.options, c.pids, c.tid, pid, pid, type);
    }

    /** {@link #of(Call, int, Type)} for a pid thread {@code tid} sees outside a call (a signal's sender). */
    static Value of(DecodeOptions options, Pids pids, int tid, int pid, Type type) {
        return of(options, pids, tid, pid, pid, type);
    }

    /**
     * strace's printpid_tgid_pgid (kill, wait4): a positive pid is a process, one below -1 the
     * process group -pid.
     */
    static Value processOrGroup(Call c, int pid) {
        return pid > 0 ? of(c, pid, Type.TGID)
                : pid < -1 ? of(c.options, c.pids, c.tid, pid, -pid, Type.PGID) : Value.Num.dec(pid);
    }

    private static Value of(DecodeOptions options, Pids pids, int tid, int printed, int pid, Type type) {
        boolean comm = options.pidComm() && (type == Type.TID || type == Type.TGID);
        if (!comm && !options.pidNs()) {
            return Value.Num.dec(printed);
        }
        int ours = pids.translate(tid, pid, type);
        if (ours == 0) {
            return Value.Num.dec(printed);
        }
        return new Value.Pid(printed, comm ? pids.comm(ours) : null, options.pidNs() && ours != pid ? ours : 0);
    }
}

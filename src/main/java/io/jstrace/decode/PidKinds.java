package io.jstrace.decode;

import io.jstrace.model.Value;

/**
 * Process, thread, group and session ids, as arguments and return values: numbers, with a name
 * under -Y and the tracer's id under --pidns-translation (strace's printpid and RVAL_TID etc.).
 */
final class PidKinds implements KindFamily {
    private static final int P_PID = 1, P_PGID = 2, P_PIDFD = 3;
    /** PRIO_PROCESS and PRIO_PGRP (getpriority), IOPRIO_WHO_PROCESS and IOPRIO_WHO_PGRP (ioprio_get). */
    private static final int PRIO_PROCESS = 0, PRIO_PGRP = 1, IOPRIO_WHO_PROCESS = 1, IOPRIO_WHO_PGRP = 2;

    @Override
    public void register(Kinds k) {
        for (Pids.Type type : Pids.Type.values()) {
            String name = type.name().toLowerCase(java.util.Locale.ROOT);
            k.arg(name, (c, i) -> Pids.of(c, c.intArg(i), type));
            k.ret(name, c -> Pids.of(c, (int) c.ret(), type));
        }
        // kill, wait4: a process, or a process group as its id negated.
        k.arg("tgid_pgid", (c, i) -> Pids.processOrGroup(c, c.intArg(i)));
        // waitid's id: what argument 0 says it is.
        k.arg("waitid_id", (c, i) -> switch (c.intArg(0)) {
            case P_PID -> Pids.of(c, c.intArg(i), Pids.Type.TGID);
            case P_PGID -> Pids.of(c, c.intArg(i), Pids.Type.PGID);
            case P_PIDFD -> Decode.fd(c, c.intArg(i));
            default -> Value.Num.dec(c.intArg(i));
        });
        k.arg("prio_who", (c, i) -> who(c, i, PRIO_PROCESS, PRIO_PGRP));
        k.arg("ioprio_who", (c, i) -> who(c, i, IOPRIO_WHO_PROCESS, IOPRIO_WHO_PGRP));
    }

    /** The who of (io)priority calls: a process, a group or (a user) a number, by argument 0. */
    private static Value who(Call c, int i, int process, int group) {
        int which = c.intArg(0);
        return which == process ? Pids.of(c, c.intArg(i), Pids.Type.TGID)
                : which == group ? Pids.of(c, c.intArg(i), Pids.Type.PGID) : Value.Num.dec(c.intArg(i));
    }
}

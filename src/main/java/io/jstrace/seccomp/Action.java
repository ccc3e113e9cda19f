package io.jstrace.seccomp;

import io.jstrace.linux.Seccomp;

/**
 * What a seccomp profile does with a call: one of libseccomp's SCMP_ACT_* and, for ERRNO, the
 * errno; for TRACE the data a seccomp tracer is given (runc's default: EPERM, as for ERRNO).
 */
public record Action(Kind kind, int errno) {
    public static final Action ALLOW = new Action(Kind.ALLOW, 0);

    /** The actions jstrace enforces, with the kernel's return action for each. */
    public enum Kind {
        ALLOW(Seccomp.RET_ALLOW), ERRNO(Seccomp.RET_ERRNO), KILL_THREAD(Seccomp.RET_KILL_THREAD),
        KILL_PROCESS(Seccomp.RET_KILL_PROCESS), TRAP(Seccomp.RET_TRAP), TRACE(Seccomp.RET_TRACE), LOG(Seccomp.RET_LOG);

        final int ret;

        Kind(int ret) {
            this.ret = ret;
        }

        /** The profile's name for it; libseccomp's older SCMP_ACT_KILL is KILL_THREAD. */
        public String scmpName() {
            return "SCMP_ACT_" + name();
        }

        static Kind byScmpName(String name) {
            if (name.equals("SCMP_ACT_KILL")) {
                return KILL_THREAD;
            }
            for (Kind k : values()) {
                if (k.scmpName().equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** The action {@code kind} with {@code errno} where it carries one (ERRNO, TRACE). */
    static Action of(Kind kind, int errno) {
        return new Action(kind, kind == Kind.ERRNO || kind == Kind.TRACE ? errno : 0);
    }

    /** The filter's return value: SECCOMP_RET_* with the errno (or TRACE's data) in the data bits. */
    int ret() {
        return kind.ret | (errno & Seccomp.DATA_MASK);
    }

    /** Whether the call goes ahead (ALLOW, and LOG, which only adds an audit record). */
    boolean letsThrough() {
        return kind == Kind.ALLOW || kind == Kind.LOG;
    }
}

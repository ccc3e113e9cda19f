package io.jstrace.seccomp;

import io.jstrace.model.Event;
import io.jstrace.trace.Errnos;
import io.jstrace.trace.Sink;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * --seccomp-policy: one line on jstrace's stderr for each call of a traced thread that the
 * profile does not simply allow, printed once the call's own trace line (if shown) is complete:
 * <pre>
 * jstrace: seccomp policy: pid PID NAME: ACTION
 * </pre>
 * where ACTION is {@code SCMP_ACT_ERRNO(EPERM)} (the call failed with that errno),
 * {@code SCMP_ACT_KILL_PROCESS}, {@code SCMP_ACT_KILL_THREAD}, {@code SCMP_ACT_TRAP} (SIGSYS),
 * {@code SCMP_ACT_TRACE(ENOSYS)} (no seccomp tracer, as under Docker) or {@code SCMP_ACT_LOG}
 * (allowed, logged by the kernel's audit). The tracer decides as the filter does, from the call's
 * number and the argument registers it saw at the call's entry (the ones the filter tests), so it
 * knows for certain which calls the filter stopped. Threads not traced (children without -f) are
 * confined just the same but not reported.
 */
public final class ViolationReport implements Sink {
    private static final int ENOSYS = 38;

    private final Profile profile;
    private final PrintStream err;
    private final String program;
    /** The action for each thread's call in progress, from its entry. */
    private final Map<Integer, Action> pending = new HashMap<>();

    public ViolationReport(Profile profile, PrintStream err, String program) {
        this.profile = profile;
        this.err = err;
        this.program = program;
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.SyscallEntry e) {
            pending.put(e.tid(), profile.of(e.name(), e.args()));
        } else if (event instanceof Event.SyscallExit e) {
            Action a = pending.remove(e.tid());
            if (a != null && a.kind() != Action.Kind.ALLOW) {
                err.println(program + ": seccomp policy: pid " + e.tid() + " " + e.name() + ": " + describe(a));
            }
        }
    }

    private static String describe(Action a) {
        return switch (a.kind()) {
            case ERRNO -> a.kind().scmpName() + "(" + Errnos.failure(a.errno()).name() + ")";
            case TRACE -> a.kind().scmpName() + "(" + Errnos.failure(ENOSYS).name() + ")";
            case ALLOW, LOG, TRAP, KILL_THREAD, KILL_PROCESS -> a.kind().scmpName();
        };
    }

    @Override
    public void close() {
        err.flush();
    }
}

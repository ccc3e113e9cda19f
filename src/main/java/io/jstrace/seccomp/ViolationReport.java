package io.jstrace.seccomp;

import io.jstrace.model.Event;
import io.jstrace.trace.Errnos;
import io.jstrace.trace.Sink;

import java.io.PrintStream;

/**
 * --seccomp-policy: one line on jstrace's stderr for each call of a traced thread that the
 * profile does not simply allow, printed once the call's own trace line (if shown) is complete:
 * <pre>
 * jstrace: seccomp policy: pid PID NAME: ACTION
 * </pre>
 * where ACTION is {@code SCMP_ACT_ERRNO(EPERM)} (the call failed with that errno),
 * {@code SCMP_ACT_KILL_PROCESS}, {@code SCMP_ACT_KILL_THREAD}, {@code SCMP_ACT_TRAP} (SIGSYS),
 * {@code SCMP_ACT_TRACE(ENOSYS)} (no seccomp tracer, as under Docker) or {@code SCMP_ACT_LOG}
 * (allowed, logged by the kernel's audit). The filter decides by syscall number alone, so the
 * tracer knows for certain which calls it stopped. Threads not traced (children without -f)
 * are confined just the same but not reported.
 */
public final class ViolationReport implements Sink {
    private static final int ENOSYS = 38;

    private final Profile profile;
    private final PrintStream err;
    private final String program;

    public ViolationReport(Profile profile, PrintStream err, String program) {
        this.profile = profile;
        this.err = err;
        this.program = program;
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.SyscallExit e) {
            Action a = profile.of(e.name());
            if (a.kind() != Action.Kind.ALLOW) {
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

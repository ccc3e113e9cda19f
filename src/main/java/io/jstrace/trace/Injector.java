package io.jstrace.trace;

import io.jstrace.decode.Call;
import io.jstrace.linux.UserArea;

/**
 * Carries out a {@link Tampering} plan at syscall stops, as strace does: at entry the syscall
 * number is replaced (-1, or a pure syscall) so the kernel does not run the call, and at exit the
 * return register gets the injected error or value; signals go with the resume from the entry
 * stop; delays hold the thread at its stop.
 */
final class Injector {
    private final Tampering plan;

    Injector(Tampering plan) {
        this.plan = plan;
    }

    /** At the entry of a shown call: counts it and, when due, tampers with it. */
    void enter(Task t, int nr) {
        if (plan.isEmpty()) {
            return; // nothing was ever set on any thread: nothing to reset either
        }
        TaskTampering s = t.tampering;
        s.startCall();
        Injection inj = plan.of(nr);
        if (inj == null || !s.due(nr, inj.when())) {
            return;
        }
        s.current = inj;
        s.deliverOnResume(inj.signal());
        if (inj.outcome() != null) {
            s.injected = UserArea.setSyscallNumber(t.tid, inj.substitute());
        }
        if (inj.delayEnterNanos() > 0) {
            s.hold(inj.delayEnterNanos());
        }
    }

    /**
     * At the exit of a shown call whose kernel result {@code call} holds: replaces it with the
     * injected one, in the tracee and in {@code call}. A call that was not skipped as expected (a
     * substitute that failed, a skipped call that did not fail with ENOSYS) keeps its real result.
     */
    void exit(Task t, Call call) {
        TaskTampering s = t.tampering;
        Injection inj = s.current;
        if (inj == null) {
            return;
        }
        if (inj.delayExitNanos() > 0) {
            s.hold(inj.delayExitNanos());
        }
        if (!s.injected) {
            return;
        }
        if (call.failed() != (inj.substitute() < 0)) {
            s.injected = false;
            return;
        }
        long value;
        boolean failed;
        switch (inj.outcome()) {
            case Injection.Outcome.Error e -> {
                value = -e.errno();
                failed = true;
            }
            case Injection.Outcome.Retval r -> {
                value = r.value();
                failed = false;
            }
        }
        s.injected = UserArea.setReturnValue(t.tid, value);
        if (s.injected) {
            call.exit(value, failed);
        }
    }
}

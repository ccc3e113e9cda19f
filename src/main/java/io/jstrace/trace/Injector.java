package io.jstrace.trace;

import io.jstrace.decode.Call;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.syscalls.Syscall;

import java.util.function.Consumer;
import io.jstrace.linux.UserArea;

/**
 * Carries out a {@link Tampering} plan at syscall stops, as strace does: at entry the syscall
 * number is replaced (-1, or a pure syscall) so the kernel does not run the call, and at exit the
 * return register gets the injected error or value; signals go with the resume from the entry
 * stop; delays hold the thread at its stop; pokes write memory the arguments point to, at entry
 * before the call is decoded, at exit before its results are.
 */
final class Injector {
    private final Tampering plan;
    private final RemoteMemory memory;
    private final Consumer<String> warnings;

    Injector(Tampering plan, RemoteMemory memory, Consumer<String> warnings) {
        this.plan = plan;
        this.memory = memory;
        this.warnings = warnings;
    }

    /**
     * At the entry of a shown call number {@code nr}: counts it and, when due, tampers with it.
     * {@code sc} is null for a number the table does not know.
     */
    void enter(Task t, int nr, Syscall sc, long[] args) {
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
        poke(t, sc, args, true);
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
    void exit(Task t, Syscall sc, Call call) {
        TaskTampering s = t.tampering;
        Injection inj = s.current;
        if (inj == null) {
            return;
        }
        poke(t, sc, call.args, false);
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

    /** Writes the call's pokes of this phase, as strace's poke_tcb, with its messages where one cannot be. */
    private void poke(Task t, Syscall sc, long[] args, boolean atEntry) {
        for (Injection.Poke p : t.tampering.current.pokes()) {
            if (p.atEntry() != atEntry) {
                continue;
            }
            if (sc != null && sc.nargs() < p.arg()) {
                warnings.accept("Failed to tamper with process " + t.tid + ": requested to tamper with argument #"
                        + p.arg() + ", but system call '" + sc.name() + "' has only " + sc.nargs() + " arguments");
                continue;
            }
            long addr = args[p.arg() - 1];
            int written = memory.write(t.tid, addr, p.data());
            if (written == 0) {
                warnings.accept("Failed to tamper with process " + t.tid + ": couldn't poke");
                continue;
            }
            if (written < p.data().length) {
                warnings.accept("pid:" + t.tid + " short write (" + written + " < " + p.data().length + ") @0x"
                        + Long.toHexString(addr));
            }
            t.tampering.poked = true;
        }
    }
}

package io.jstrace.api;

import io.jstrace.linux.WaitStatus;

/**
 * How tracing ended. For a started command: its exit code, or the signal that killed it
 * ({@code code} is then 128 + signal, as a shell reports it). For attached processes: 0 once
 * they are detached or gone, 1 if none of them could be attached.
 *
 * @param code   the exit code, or 128 + {@code signal} when killed
 * @param signal the signal that killed the command, 0 if it exited
 * @param core   whether the killed command dumped core
 */
public record ExitStatus(int code, int signal, boolean core) {
    /** Whether the command was killed by a signal rather than exiting. */
    public boolean killed() {
        return signal != 0;
    }

    static ExitStatus of(int waitStatus) {
        if (WaitStatus.signaled(waitStatus)) {
            int sig = WaitStatus.termSignal(waitStatus);
            return new ExitStatus(128 + sig, sig, WaitStatus.coreDumped(waitStatus));
        }
        return exited(WaitStatus.exitCode(waitStatus));
    }

    static ExitStatus exited(int code) {
        return new ExitStatus(code, 0, false);
    }
}

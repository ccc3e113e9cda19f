package io.jstrace.model;

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

    /** A command, or attached processes, that ended with {@code code}. */
    public static ExitStatus exited(int code) {
        return new ExitStatus(code, 0, false);
    }

    /** A command killed by {@code signal}. */
    public static ExitStatus killed(int signal, boolean core) {
        return new ExitStatus(128 + signal, signal, core);
    }
}

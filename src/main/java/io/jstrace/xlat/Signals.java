package io.jstrace.xlat;

/**
 * The signal numbers jstrace acts on (stops, kills, forwards, decodes), by name from the
 * {@code signals} table: the one place they are defined, checked against the C headers with the
 * other tables. Not compile-time constants, so they are compared, never switched on.
 */
public final class Signals {
    private Signals() {}

    private static final Xlat TABLE = Xlat.of("signals");

    public static final int SIGHUP = of("SIGHUP"), SIGINT = of("SIGINT"), SIGQUIT = of("SIGQUIT"),
            SIGILL = of("SIGILL"), SIGTRAP = of("SIGTRAP"), SIGBUS = of("SIGBUS"), SIGFPE = of("SIGFPE"),
            SIGKILL = of("SIGKILL"), SIGSEGV = of("SIGSEGV"), SIGPIPE = of("SIGPIPE"), SIGTERM = of("SIGTERM"),
            SIGCHLD = of("SIGCHLD"), SIGCONT = of("SIGCONT"), SIGSTOP = of("SIGSTOP"), SIGTSTP = of("SIGTSTP"),
            SIGTTIN = of("SIGTTIN"), SIGTTOU = of("SIGTTOU"), SIGPOLL = of("SIGPOLL"), SIGSYS = of("SIGSYS");

    /** Bit {@code sig - 1}: signal {@code sig} in a 64-bit signal set (sigset_t's first word). */
    public static long bit(int sig) {
        return 1L << (sig - 1);
    }

    private static int of(String name) {
        return (int) TABLE.value(name).orElseThrow(() -> new IllegalStateException("no " + name + " in signals.xlat"));
    }
}

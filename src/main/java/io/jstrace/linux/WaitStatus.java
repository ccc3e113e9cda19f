package io.jstrace.linux;

/** Decoding of a waitpid(2) status word, as the W* macros do. */
public final class WaitStatus {
    private WaitStatus() {}

    public static boolean exited(int s) {
        return (s & 0x7f) == 0;
    }

    public static int exitCode(int s) {
        return (s >> 8) & 0xff;
    }

    public static boolean signaled(int s) {
        return ((byte) ((s & 0x7f) + 1) >> 1) > 0;
    }

    public static int termSignal(int s) {
        return s & 0x7f;
    }

    public static boolean coreDumped(int s) {
        return (s & 0x80) != 0;
    }

    public static boolean stopped(int s) {
        return (s & 0xff) == 0x7f;
    }

    public static int stopSignal(int s) {
        return (s >> 8) & 0xff;
    }

    /** The PTRACE_EVENT_* of a ptrace event stop, 0 for other stops. */
    public static int event(int s) {
        return (s >>> 16) & 0xff;
    }
}

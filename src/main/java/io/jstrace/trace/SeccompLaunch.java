package io.jstrace.trace;

/**
 * The seccomp filter the started command runs under, installed by its launcher just before the
 * command's execve.
 *
 * @param stopsOnTracedOnly the filter returns RET_TRACE exactly for the calls the tracer must see
 *                          (--seccomp-bpf), so the tracer resumes with PTRACE_CONT and asks for a
 *                          syscall-exit stop (PTRACE_SYSCALL) only after such a call's entry;
 *                          otherwise (a --seccomp-policy filter) every call stops as usual
 * @param fallback          when the filter only spares stops: run if the launcher could not
 *                          install it, and the command is traced without it, every call
 *                          stopping; null when the command must not run without it (a policy)
 */
public record SeccompLaunch(byte[] program, boolean stopsOnTracedOnly, Runnable fallback) {
    public static final SeccompLaunch NONE = new SeccompLaunch(new byte[0], false, null);

    boolean installs() {
        return program.length > 0;
    }

    /** Whether process {@code pid}, started by jstrace, runs under one seccomp filter more than jstrace does. */
    static boolean installedIn(int pid) {
        int own = Proc.seccompFilters("self");
        return own < 0 || Proc.seccompFilters(String.valueOf(pid)) == own + 1;
    }
}

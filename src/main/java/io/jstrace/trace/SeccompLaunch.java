package io.jstrace.trace;

/**
 * The seccomp filter the started command runs under, installed by its launcher just before the
 * command's execve. {@code stopsOnTracedOnly}: the filter returns RET_TRACE exactly for the calls
 * the tracer must see (--seccomp-bpf), so the tracer resumes with PTRACE_CONT and asks for a
 * syscall-exit stop (PTRACE_SYSCALL) only after such a call's entry; otherwise (a
 * --seccomp-policy filter) every call stops as usual.
 */
public record SeccompLaunch(byte[] program, boolean stopsOnTracedOnly) {
    public static final SeccompLaunch NONE = new SeccompLaunch(new byte[0], false);

    boolean installs() {
        return program.length > 0;
    }
}

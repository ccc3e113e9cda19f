package io.jstrace.trace;

import io.jstrace.syscalls.Syscall;

import java.util.function.IntPredicate;

/** Which syscalls and signals are shown; what -e trace= and -e signal= selected. */
public record Selection(java.util.function.Predicate<Syscall> syscalls, boolean unknownSyscalls, IntPredicate signals) {
    public static final Selection ALL = new Selection(s -> true, true, sig -> true);

    public boolean shows(Syscall s) {
        return s == null ? unknownSyscalls : syscalls.test(s);
    }
}

package io.jstrace.trace;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.model.Event;
import io.jstrace.syscalls.Syscall;

import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * strace's per-syscall and per-fd qualifiers beyond trace=: which syscalls print abbreviated
 * (-e abbrev=, -v), which have their structures dereferenced (-e verbose=), which print raw
 * (-e raw=), which fds have their data dumped (-e read=, -e write=), and after how many shown
 * syscalls the tracer detaches (--syscall-limit, 0 for none; {@code counted} says which outcomes
 * count, as -e status= shows them).
 */
public record Qualifiers(Predicate<Syscall> abbrev, Predicate<Syscall> verbose, Predicate<Syscall> raw,
                         IntPredicate readFds, IntPredicate writeFds, long syscallLimit,
                         Predicate<Event.Result> counted) {
    public static final Qualifiers DEFAULT = new Qualifiers(s -> true, s -> true, s -> false,
            fd -> false, fd -> false, 0, r -> true);

    /** The decode options for one call of {@code sc} (null: a number the table does not know). */
    public DecodeOptions decode(DecodeOptions base, Syscall sc) {
        if (sc == null) {
            return base;
        }
        boolean unabbreviated = !abbrev.test(sc);
        boolean structs = verbose.test(sc);
        if (unabbreviated == base.verbose() && structs == base.structs()) {
            return base;
        }
        return base.forCall(unabbreviated, structs);
    }

    public boolean raw(Syscall sc) {
        return sc != null && raw.test(sc);
    }
}

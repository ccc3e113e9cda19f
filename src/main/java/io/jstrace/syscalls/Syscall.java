package io.jstrace.syscalls;

import java.util.Set;

/**
 * One row of a syscall table: every fact the tracer keeps about a syscall.
 *
 * @param number    the syscall number for the architecture
 * @param name      the name strace prints for it
 * @param nargs     how many arguments strace shows (its syscallent nargs column)
 * @param classes   strace trace classes ("desc", "file", "stat_like", ...), unmodifiable
 * @param flags     what else the tracer must know about it
 * @param signature how it decodes: the return kind then the argument kinds, space-separated
 *                  (resolved by io.jstrace.decode.Signatures); null for the raw form
 */
public record Syscall(int number, String name, int nargs, Set<String> classes, Set<Flag> flags, String signature) {
    /** strace's SE and SI flags. */
    public enum Flag {
        /** -k takes the stack at the call's entry: the call does not come back to it (execve, exit). */
        STACK_AT_ENTRY,
        /** The call changes the memory mappings: -k reads /proc/PID/maps again after it. */
        MAPS
    }

    public Syscall {
        // Defensive copies: rows are shared through a cached table, so nobody may mutate them.
        classes = Set.copyOf(classes);
        flags = Set.copyOf(flags);
    }

    public boolean inClass(String cls) {
        return classes.contains(cls);
    }

    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}

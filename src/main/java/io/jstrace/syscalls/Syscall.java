package io.jstrace.syscalls;

import java.util.Set;

/**
 * One row of a syscall table.
 *
 * @param number  the syscall number for the architecture
 * @param name    the name strace prints for it
 * @param nargs   how many arguments strace shows (its syscallent nargs column)
 * @param classes strace trace classes ("desc", "file", "stat_like", ...), unmodifiable
 */
public record Syscall(int number, String name, int nargs, Set<String> classes) {
    public Syscall {
        // Defensive copy: rows are shared through a cached table, so nobody may mutate them.
        classes = Set.copyOf(classes);
    }

    public boolean inClass(String cls) {
        return classes.contains(cls);
    }
}

package io.jstrace.linux;

/**
 * The registers syscall tampering writes, as offsets in x86_64's {@code struct user} (its
 * {@code user_regs_struct} comes first: r15 at 0 ... rax at 10, orig_rax at 15, 8 bytes each).
 * Another architecture gets its own offsets here.
 */
public final class UserArea {
    private UserArea() {}

    private static final long RAX = 10 * 8, ORIG_RAX = 15 * 8;

    /**
     * At a syscall-entry stop, makes the kernel run syscall {@code number} instead (-1: none, the
     * kernel skips the call and returns -ENOSYS). Returns false if the tracee is gone.
     */
    public static boolean setSyscallNumber(int tid, long number) {
        return Ptrace.pokeUser(tid, ORIG_RAX, number) == 0;
    }

    /** At a syscall-exit stop, sets the value the call returns ({@code -errno} for a failure). */
    public static boolean setReturnValue(int tid, long value) {
        return Ptrace.pokeUser(tid, RAX, value) == 0;
    }
}

package io.jstrace.linux;

/**
 * Writes to the tracee's registers, at their offsets in x86_64's {@code struct user}: its
 * {@code user_regs_struct} comes first, 8 bytes a word in {@link Regs}'s order. Another
 * architecture gets its own offsets here.
 */
public final class UserArea {
    private UserArea() {}

    /** Writes {@code value} to register {@code reg} (a {@link Regs} constant); false if the tracee is gone. */
    static boolean set(int tid, int reg, long value) {
        return Ptrace.pokeUser(tid, reg * 8L, value) == 0;
    }

    /**
     * At a syscall-entry stop, makes the kernel run syscall {@code number} instead (-1: none, the
     * kernel skips the call and returns -ENOSYS). Returns false if the tracee is gone.
     */
    public static boolean setSyscallNumber(int tid, long number) {
        return set(tid, Regs.ORIG_RAX, number);
    }

    /** At a syscall-exit stop, sets the value the call returns ({@code -errno} for a failure). */
    public static boolean setReturnValue(int tid, long value) {
        return set(tid, Regs.RAX, value);
    }
}

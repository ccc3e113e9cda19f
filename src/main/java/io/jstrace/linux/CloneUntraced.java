package io.jstrace.linux;

/**
 * Keeps CLONE_UNTRACED from taking a child out of the tracer's reach. Under a seccomp filter
 * whose calls are RET_TRACE, an untraced child would have every such call fail with ENOSYS
 * (no tracer to stop for); strace has that hole. So at the seccomp stop of clone or clone3 the
 * flag is cleared before the kernel reads it: in the first argument register for clone, in
 * {@code struct clone_args.flags} (the first 8 bytes the argument points to) for clone3; and put
 * back at the call's exit stop, so the caller finds its register and memory as it left them (and
 * the trace line shows what it asked for). The child starts with the cleared copy.
 */
public final class CloneUntraced {
    private CloneUntraced() {}

    private static final long CLONE_UNTRACED = 0x00800000L;
    private static final int CLONE_X86_64 = 56, CLONE_I386 = 120, CLONE3 = 435;

    /**
     * What {@link #clear} changed: a register ({@code where} is its {@link Regs} index) or 8 bytes
     * of memory ({@code where} is their address).
     */
    public record Undo(boolean register, long where, long original) {
        /** Puts the original value back; at the call's exit stop. */
        public void apply(int tid) {
            if (register) {
                UserArea.set(tid, (int) where, original);
            } else {
                Ptrace.pokeData(tid, where, original);
            }
        }
    }

    /**
     * At a seccomp stop ({@code info} filled): if the call is clone or clone3 of any x86 ABI and
     * asks for CLONE_UNTRACED, clears the flag. Returns how to undo that, or null if nothing changed.
     */
    public static Undo clear(int tid, SyscallInfo info, RemoteMemory memory) {
        long nr = info.number();
        boolean i386 = info.arch() == Seccomp.AUDIT_ARCH_I386;
        if (!i386) {
            nr &= ~Seccomp.X32_SYSCALL_BIT;
        }
        long arg = i386 ? info.arg(0) & 0xffffffffL : info.arg(0);
        if (nr == (i386 ? CLONE_I386 : CLONE_X86_64)) {
            // The first argument: rdi (x86_64, x32), rbx (i386).
            int reg = i386 ? Regs.RBX : Regs.RDI;
            return (arg & CLONE_UNTRACED) != 0 && UserArea.set(tid, reg, arg & ~CLONE_UNTRACED)
                    ? new Undo(true, reg, info.arg(0)) : null;
        }
        if (nr == CLONE3) {
            Long flags = memory.readLong(tid, arg);
            return flags != null && (flags & CLONE_UNTRACED) != 0
                    && Ptrace.pokeData(tid, arg, flags & ~CLONE_UNTRACED) == 0 ? new Undo(false, arg, flags) : null;
        }
        return null;
    }
}

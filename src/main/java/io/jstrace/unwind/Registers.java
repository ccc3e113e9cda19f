package io.jstrace.unwind;

/**
 * One frame's registers by DWARF number (x86_64: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi, 5 rdi,
 * 6 rbp, 7 rsp, 8-15 r8-r15, 16 the return address), each known or lost.
 */
final class Registers {
    static final int RBP = 6, RSP = 7, RIP = 16, COUNT = 17;

    /** DWARF number to word index in {@code struct user_regs_struct} ({@link io.jstrace.linux.Regs}). */
    private static final int[] USER_REGS = {
        io.jstrace.linux.Regs.RAX, io.jstrace.linux.Regs.RDX, io.jstrace.linux.Regs.RCX,
        io.jstrace.linux.Regs.RBX, io.jstrace.linux.Regs.RSI, io.jstrace.linux.Regs.RDI,
        io.jstrace.linux.Regs.RBP, io.jstrace.linux.Regs.RSP, io.jstrace.linux.Regs.R8,
        io.jstrace.linux.Regs.R9, io.jstrace.linux.Regs.R10, io.jstrace.linux.Regs.R11,
        io.jstrace.linux.Regs.R12, io.jstrace.linux.Regs.R13, io.jstrace.linux.Regs.R14,
        io.jstrace.linux.Regs.R15, io.jstrace.linux.Regs.RIP,
    };

    private final long[] values = new long[COUNT];
    private final boolean[] known = new boolean[COUNT];

    static Registers of(io.jstrace.linux.Regs regs) {
        Registers r = new Registers();
        for (int i = 0; i < COUNT; i++) {
            r.set(i, regs.get(USER_REGS[i]));
        }
        return r;
    }

    long get(int reg) throws UnwindException {
        if (reg < 0 || reg >= COUNT || !known[reg]) {
            throw new UnwindException("register " + reg + " is not known");
        }
        return values[reg];
    }

    boolean known(int reg) {
        return known[reg];
    }

    void set(int reg, long value) {
        values[reg] = value;
        known[reg] = true;
    }

    void forget(int reg) {
        known[reg] = false;
    }
}

package io.jstrace.unwind;

import io.jstrace.linux.Regs;

/**
 * One frame's registers by DWARF number (x86_64: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi, 5 rdi,
 * 6 rbp, 7 rsp, 8-15 r8-r15, 16 the return address), each known or lost.
 */
final class Registers {
    static final int RBP = 6, RSP = 7, RIP = 16, COUNT = 17;

    /** DWARF number to word index in {@code struct user_regs_struct} ({@link Regs}). */
    private static final int[] USER_REGS = {Regs.RAX, Regs.RDX, Regs.RCX, Regs.RBX, Regs.RSI, Regs.RDI, Regs.RBP,
            Regs.RSP, Regs.R8, Regs.R9, Regs.R10, Regs.R11, Regs.R12, Regs.R13, Regs.R14, Regs.R15, Regs.RIP};

    private final long[] values = new long[COUNT];
    private final boolean[] known = new boolean[COUNT];

    static Registers of(Regs regs) {
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

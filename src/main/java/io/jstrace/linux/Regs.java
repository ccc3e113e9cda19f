package io.jstrace.linux;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * x86_64 {@code struct user_regs_struct} as PTRACE_GETREGS fills it: 27 words in the kernel's
 * order. The constants are word indexes into that struct.
 */
public final class Regs {
    public static final int R15 = 0, R14 = 1, R13 = 2, R12 = 3, RBP = 4, RBX = 5, R11 = 6, R10 = 7,
            R9 = 8, R8 = 9, RAX = 10, RCX = 11, RDX = 12, RSI = 13, RDI = 14, ORIG_RAX = 15, RIP = 16,
            CS = 17, EFLAGS = 18, RSP = 19, SS = 20, FS_BASE = 21, GS_BASE = 22, DS = 23, ES = 24,
            FS = 25, GS = 26;
    static final int WORDS = 27;
    static final long SIZE = WORDS * 8L;

    private final long[] words;

    Regs(MemorySegment struct) {
        this.words = struct.asSlice(0, SIZE).toArray(JAVA_LONG);
    }

    /** The word at index {@code i} (one of this class's constants). */
    public long get(int i) {
        return words[i];
    }

    public long rip() {
        return words[RIP];
    }

    public long rsp() {
        return words[RSP];
    }
}

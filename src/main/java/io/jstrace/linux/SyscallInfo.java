package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@code struct ptrace_syscall_info} (Linux 5.3+): number, arguments and return value of the
 * current syscall stop without reading registers. One instance is reused for every stop.
 */
public final class SyscallInfo {
    public static final int SIZE = 88;
    public static final int OP_NONE = 0, OP_ENTRY = 1, OP_EXIT = 2, OP_SECCOMP = 3;
    public static final int AUDIT_ARCH_X86_64 = 0xc000003e;

    private final MemorySegment seg;

    public SyscallInfo() {
        this.seg = Arena.ofAuto().allocate(SIZE, 8);
    }

    MemorySegment segment() {
        return seg;
    }

    public int op() {
        return seg.get(JAVA_BYTE, 0);
    }

    public int arch() {
        return seg.get(JAVA_INT, 4);
    }

    public long instructionPointer() {
        return seg.get(JAVA_LONG, 8);
    }

    public long stackPointer() {
        return seg.get(JAVA_LONG, 16);
    }

    /** Syscall number, at entry and seccomp stops. */
    public long number() {
        return seg.get(JAVA_LONG, 24);
    }

    /** Argument {@code i} (0..5), at entry and seccomp stops. */
    public long arg(int i) {
        return seg.get(JAVA_LONG, 32 + 8L * i);
    }

    /** Return value at an exit stop: the result, or the negated errno when {@link #isError()}. */
    public long returnValue() {
        return seg.get(JAVA_LONG, 24);
    }

    public boolean isError() {
        return seg.get(JAVA_BYTE, 32) != 0;
    }
}

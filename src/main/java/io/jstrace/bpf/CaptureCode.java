package io.jstrace.bpf;

import static io.jstrace.bpf.EbpfAsm.FP;
import static io.jstrace.bpf.EbpfAsm.R0;
import static io.jstrace.bpf.EbpfAsm.R1;
import static io.jstrace.bpf.EbpfAsm.R2;
import static io.jstrace.bpf.EbpfAsm.R3;
import static io.jstrace.bpf.EbpfAsm.R4;
import static io.jstrace.bpf.EbpfAsm.R5;
import static io.jstrace.bpf.EbpfAsm.R6;
import static io.jstrace.bpf.EbpfAsm.R7;
import static io.jstrace.bpf.EbpfAsm.R8;
import static io.jstrace.bpf.EbpfAsm.R9;

import io.jstrace.bpf.EbpfAsm.Alu;
import io.jstrace.bpf.EbpfAsm.Jmp;
import io.jstrace.bpf.EbpfAsm.Size;

/**
 * The part of the syscall programs that follows a capture plan: for each slot of the call's plan
 * whose phase is now, reads the argument's memory into a region of the thread's record. Unrolled
 * per slot (the verifier then sees constant offsets into the plan). Registers: R6 the thread's
 * state, R9 the plan; R7 and R8 are used here. Stack: {@link #ADDR}, {@link #LENGTH},
 * {@link #PHASE}, {@link #ARRAY}, {@link #COUNT}, {@link #ELEMENTS}.
 */
final class CaptureCode {
    static final int ADDR = -16, LENGTH = -24, ARRAY = -32, PHASE = -40, COUNT = -48, ELEMENTS = -56;
    private static final int REC = Layout.TASK_RECORD;
    private static final int DATA = REC + Layout.HEADER;

    private final EbpfAsm a;
    private final Helpers h;
    private int labels;

    CaptureCode(EbpfAsm a, Helpers h) {
        this.a = a;
        this.h = h;
    }

    /** All slots for the entry ({@code exit} false) or the exit, where entry reads that faulted are retried. */
    void slots(boolean exit) {
        for (int s = 0; s < Layout.SLOTS; s++) {
            slot(s, exit);
        }
    }

    private String label(String what) {
        return what + "_" + labels++;
    }

    private void slot(int s, boolean exit) {
        int base = 8 + s * Layout.SLOT_SIZE;
        String skip = label("skip"), go = label("go");
        a.load(Size.B, R1, R9, base + Layout.SLOT_PHASES);
        a.mov(R2, exit ? Layout.AT_EXIT : Layout.AT_ENTRY).store(Size.DW, FP, PHASE, R2);
        if (!exit) {
            a.jump(Jmp.JSET, R1, Layout.AT_ENTRY, go).jump(skip);
        } else {
            a.jump(Jmp.JSET, R1, Layout.AT_EXIT, go);
            // An entry read that faulted (a page not yet resident): the kernel has touched it since.
            a.load(Size.W, R2, R6, Layout.TASK_RETRY).jump(Jmp.JSET, R2, 1 << s, "retry_" + go).jump(skip);
            a.label("retry_" + go).mov(R2, Layout.AT_ENTRY).store(Size.DW, FP, PHASE, R2);
        }
        a.label(go);
        a.load(Size.B, R1, R9, base + Layout.SLOT_HOW).jump(Jmp.JEQ, R1, 0, skip);
        argument(R2, base + Layout.SLOT_ARG, skip);
        a.jump(Jmp.JEQ, R2, 0, skip).store(Size.DW, FP, ADDR, R2);
        length(base, skip);
        String fault = label("fault");
        a.load(Size.B, R1, R9, base + Layout.SLOT_HOW);
        String bytes = label("bytes"), strings = label("strings"), iovecs = label("iovecs");
        a.jump(Jmp.JEQ, R1, Layout.CAPTURE_BYTES, bytes).jump(Jmp.JEQ, R1, Layout.CAPTURE_STRINGS, strings)
                .jump(Jmp.JEQ, R1, Layout.CAPTURE_IOVECS, iovecs);
        region(Layout.CAPTURE_STRING, s, fault, skip);
        a.label(bytes);
        // A fixed length may run past the end of a mapping (envp near the top of the stack): a quarter, then less.
        for (int shrink = 0; shrink < 3; shrink++) {
            String smaller = label("smaller");
            region(Layout.CAPTURE_BYTES, s, smaller, skip);
            a.label(smaller).load(Size.B, R1, R9, base + Layout.SLOT_LENGTH_FROM).jump(Jmp.JNE, R1, Layout.LENGTH_FIXED, fault);
            a.load(Size.DW, R1, FP, LENGTH).jump(Jmp.JLE, R1, 64, fault).alu(Alu.RSH, R1, 2).store(Size.DW, FP, LENGTH, R1);
        }
        region(Layout.CAPTURE_BYTES, s, fault, skip);
        a.label(strings);
        array(s, base, false, fault, skip);
        a.label(iovecs);
        array(s, base, true, fault, skip);
        a.label(fault);
        if (!exit) {
            a.load(Size.W, R1, R6, Layout.TASK_RETRY).alu(Alu.OR, R1, 1 << s).store(Size.W, R6, Layout.TASK_RETRY, R1);
        }
        a.label(skip);
    }

    /** {@code dst} = the argument whose index is the plan byte at {@code planOffset}; to {@code bad} if out of range. */
    private void argument(int dst, int planOffset, String bad) {
        a.load(Size.B, dst, R9, planOffset).jump(Jmp.JGT, dst, 5, bad)
                .alu(Alu.LSH, dst, 3).aluReg(Alu.ADD, dst, R6).load(Size.DW, dst, dst, REC + Layout.ARGS);
    }

    /** The slot's length into {@link #LENGTH}: its maximum, or less when an argument or the return value says so. */
    private void length(int base, String skip) {
        String fixed = label("fixed"), ret = label("ret"), min = label("min"), done = label("len");
        a.load(Size.H, R3, R9, base + Layout.SLOT_MAX);
        a.load(Size.B, R1, R9, base + Layout.SLOT_LENGTH_FROM);
        a.jump(Jmp.JEQ, R1, Layout.LENGTH_FIXED, fixed).jump(Jmp.JEQ, R1, Layout.LENGTH_RET, ret);
        argument(R4, base + Layout.SLOT_LENGTH_ARG, skip);
        a.load(Size.B, R5, R9, base + Layout.SLOT_SCALE).aluReg(Alu.MUL, R4, R5).jump(min);
        a.label(ret).load(Size.DW, R4, R6, REC + Layout.RET).jump(Jmp.JSLE, R4, 0, skip);
        a.label(min).jumpReg(Jmp.JGE, R4, R3, fixed).movReg(R3, R4);
        a.label(fixed).store(Size.DW, FP, LENGTH, R3);
        a.label(done);
    }

    /**
     * Reads {@link #LENGTH} bytes (or a string of at most that many) at {@link #ADDR} into a new
     * region; to {@code fault} if nothing could be read, else to {@code done}.
     */
    private void region(int how, int slot, String fault, String done) {
        a.load(Size.W, R7, R6, REC + Layout.REGIONS_LENGTH).jump(Jmp.JGT, R7, Layout.MAX_REGIONS_START, done);
        a.load(Size.DW, R8, FP, LENGTH).jump(Jmp.JGT, R8, Layout.MAX_REGION, done).jump(Jmp.JEQ, R8, 0, done);
        a.movReg(R1, R6).aluReg(Alu.ADD, R1, R7).alu(Alu.ADD, R1, DATA + Layout.REGION_HEADER);
        a.movReg(R2, R8).load(Size.DW, R3, FP, ADDR);
        if (how == Layout.CAPTURE_STRING) {
            a.call(h.id("probe_read_user_str")).jump(Jmp.JSLE, R0, 0, fault).movReg(R8, R0);
        } else {
            a.call(h.id("probe_read_user")).jump(Jmp.JNE, R0, 0, fault);
        }
        a.movReg(R1, R6).aluReg(Alu.ADD, R1, R7);
        a.load(Size.DW, R2, FP, ADDR).store(Size.DW, R1, DATA, R2);
        a.store(Size.W, R1, DATA + 8, R8);
        a.storeImm(Size.B, R1, DATA + 12, how);
        a.load(Size.DW, R2, FP, PHASE).store(Size.B, R1, DATA + 13, R2);
        a.storeImm(Size.B, R1, DATA + 14, slot).storeImm(Size.B, R1, DATA + 15, 0);
        a.alu(Alu.ADD, R8, Layout.REGION_HEADER + 7).alu(Alu.AND, R8, -8).aluReg(Alu.ADD, R7, R8);
        a.store(Size.W, R6, REC + Layout.REGIONS_LENGTH, R7);
        a.jump(done);
    }

    /**
     * An array and what its elements point to, each its own region: execve's argv (the pointers
     * up to {@link Layout#MAX_STRINGS} and the NULL, then each string up to the slot's maximum)
     * or an iovec array (as many as the length argument says, up to that many plus one, then each
     * buffer up to the smaller of its iov_len and the slot's maximum).
     */
    private void array(int slot, int base, boolean iov, String fault, String done) {
        String arrayRead = label("array");
        int element = iov ? 16 : 8;
        a.load(Size.W, R1, R6, REC + Layout.REGIONS_LENGTH).store(Size.DW, FP, ARRAY, R1);
        a.load(Size.H, R1, R9, base + Layout.SLOT_MAX).store(Size.DW, FP, COUNT, R1); // each element's maximum
        a.mov(R1, (Layout.MAX_STRINGS + 1) * element);
        if (iov) {
            String capped = label("capped");
            argument(R2, base + Layout.SLOT_LENGTH_ARG, done);
            a.alu(Alu.MUL, R2, element).jumpReg(Jmp.JGE, R2, R1, capped).movReg(R1, R2).label(capped);
        }
        a.store(Size.DW, FP, LENGTH, R1).store(Size.DW, FP, ELEMENTS, R1);
        region(Layout.CAPTURE_BYTES, slot, fault, arrayRead);
        a.label(arrayRead);
        // No region written (REGIONS_LENGTH unchanged): the array was unreadable.
        a.load(Size.W, R1, R6, REC + Layout.REGIONS_LENGTH).load(Size.DW, R2, FP, ARRAY).jumpReg(Jmp.JEQ, R1, R2, fault);
        a.load(Size.DW, R1, FP, COUNT).store(Size.DW, FP, LENGTH, R1);
        for (int i = 0; i < Layout.MAX_STRINGS; i++) {
            String next = label("next");
            if (iov) {
                a.load(Size.DW, R1, FP, ELEMENTS).jump(Jmp.JLE, R1, i * element, done);
            }
            a.load(Size.DW, R2, FP, ARRAY).jump(Jmp.JGT, R2, Layout.MAX_REGIONS_START, done);
            a.aluReg(Alu.ADD, R2, R6).load(Size.DW, R3, R2, DATA + Layout.REGION_HEADER + element * i);
            if (iov) {
                String fits = label("fits");
                a.load(Size.DW, R4, R2, DATA + Layout.REGION_HEADER + element * i + 8).load(Size.DW, R1, FP, COUNT);
                a.jumpReg(Jmp.JGE, R4, R1, fits).movReg(R1, R4).label(fits).store(Size.DW, FP, LENGTH, R1);
            }
            a.jump(Jmp.JEQ, R3, 0, iov ? next : done).store(Size.DW, FP, ADDR, R3);
            region(iov ? Layout.CAPTURE_BYTES : Layout.CAPTURE_STRING, slot, next, next);
            a.label(next);
        }
        a.jump(done);
    }
}

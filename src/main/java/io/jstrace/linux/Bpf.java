package io.jstrace.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A classic BPF program as seccomp runs it: {@code struct sock_filter} instructions of 8 bytes
 * each (u16 code, u8 jt, u8 jf, u32 k, little-endian), appended in order. Only the instructions
 * seccomp filters here need: load a word of {@code struct seccomp_data}, mask it, compare,
 * jump, return. Jumps go forward, by a count of instructions or to a {@link Label} bound later
 * (null: the next instruction); a conditional jump reaches at most 255 instructions, BPF's
 * 8-bit offset, {@link #ja} any distance.
 */
public final class Bpf {
    private static final short LD_W_ABS = 0x20, ALU_AND_K = 0x54, JMP_JA = 0x05, JMP_JEQ_K = 0x15, JMP_JGE_K = 0x35,
            JMP_JGT_K = 0x25, RET_K = 0x06;
    /** The kernel's BPF_MAXINSNS: longer programs are refused with EINVAL. */
    public static final int MAX_INSNS = 4096;
    static final int INSN_SIZE = 8;
    /** Offsets in struct seccomp_data: nr, arch, instruction_pointer, args[6] (u64 each). */
    public static final int DATA_NR = 0, DATA_ARCH = 4, DATA_ARGS = 16;

    /** A place in the program that jumps name before it is bound. */
    public static final class Label {
        private int at = -1;
    }

    private record Fixup(int insn, Label target, int field) {}

    private static final int JT = 2, JF = 3, K = 4;

    private ByteBuffer code = ByteBuffer.allocate(64 * INSN_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private final List<Fixup> fixups = new ArrayList<>();

    /** A = the 32-bit word at {@code offset} in struct seccomp_data. */
    public Bpf load(int offset) {
        return insn(LD_W_ABS, 0, 0, offset);
    }

    /** A = the low (or, with {@code high}, the high) 32 bits of argument {@code arg}, as on little-endian x86_64. */
    public Bpf loadArg(int arg, boolean high) {
        return load(DATA_ARGS + 8 * arg + (high ? 4 : 0));
    }

    /** A &= k. */
    public Bpf and(int k) {
        return insn(ALU_AND_K, 0, 0, k);
    }

    /** If A == k skip {@code jt} instructions, else skip {@code jf}. */
    public Bpf jeq(int k, int jt, int jf) {
        return insn(JMP_JEQ_K, jt, jf, k);
    }

    /** If A >= k (unsigned) skip {@code jt} instructions, else skip {@code jf}. */
    public Bpf jge(int k, int jt, int jf) {
        return insn(JMP_JGE_K, jt, jf, k);
    }

    /** If A > k (unsigned) skip {@code jt} instructions, else skip {@code jf}. */
    public Bpf jgt(int k, int jt, int jf) {
        return insn(JMP_JGT_K, jt, jf, k);
    }

    /** If A == k go to {@code t}, else to {@code f}. */
    public Bpf jeq(int k, Label t, Label f) {
        return jump(JMP_JEQ_K, k, t, f);
    }

    /** If A >= k (unsigned) go to {@code t}, else to {@code f}. */
    public Bpf jge(int k, Label t, Label f) {
        return jump(JMP_JGE_K, k, t, f);
    }

    /** If A > k (unsigned) go to {@code t}, else to {@code f}. */
    public Bpf jgt(int k, Label t, Label f) {
        return jump(JMP_JGT_K, k, t, f);
    }

    /** Go to {@code target}, however far. */
    public Bpf ja(Label target) {
        fixups.add(new Fixup(length(), target, K));
        return insn(JMP_JA, 0, 0, 0);
    }

    /** The next instruction is {@code label}'s. */
    public Bpf bind(Label label) {
        if (label.at >= 0) {
            throw new IllegalStateException("label bound twice");
        }
        label.at = length();
        return this;
    }

    public Bpf ret(int k) {
        return insn(RET_K, 0, 0, k);
    }

    public int length() {
        return code.position() / INSN_SIZE;
    }

    /** The instructions, with every jump to a label resolved. */
    public byte[] bytes() {
        for (Fixup f : fixups) {
            if (f.target == null) {
                continue;
            }
            if (f.target.at < 0) {
                throw new IllegalStateException("jump to a label never bound");
            }
            int offset = f.target.at - f.insn - 1;
            if (offset < 0 || f.field != K && offset > 255) {
                throw new IllegalStateException("jump of " + offset + " instructions");
            }
            int at = f.insn * INSN_SIZE + f.field;
            if (f.field == K) {
                code.putInt(at, offset);
            } else {
                code.put(at, (byte) offset);
            }
        }
        byte[] b = new byte[code.position()];
        code.get(0, b);
        return b;
    }

    private Bpf jump(short op, int k, Label t, Label f) {
        fixups.add(new Fixup(length(), t, JT));
        fixups.add(new Fixup(length(), f, JF));
        return insn(op, 0, 0, k);
    }

    private Bpf insn(short op, int jt, int jf, int k) {
        if (code.remaining() < INSN_SIZE) {
            code = ByteBuffer.allocate(code.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN).put(code.flip());
        }
        code.putShort(op).put((byte) jt).put((byte) jf).putInt(k);
        return this;
    }
}

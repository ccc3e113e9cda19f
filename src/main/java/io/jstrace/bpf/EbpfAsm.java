package io.jstrace.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An eBPF program assembled instruction by instruction (the kernel's {@code struct bpf_insn}: u8
 * opcode, u8 dst:4 src:4, s16 offset, s32 immediate, little-endian). Only what the tracing
 * programs need: 64-bit ALU, loads and stores, conditional jumps to named labels, helper calls,
 * 64-bit immediates and map references. Not to be confused with {@code linux.Bpf}, seccomp's
 * classic BPF.
 */
final class EbpfAsm {
    /** Registers: R0 return value, R1-R5 helper arguments, R6-R9 callee-saved, R10 frame pointer. */
    static final int R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R5 = 5, R6 = 6, R7 = 7, R8 = 8, R9 = 9, FP = 10;

    /** Access sizes, as encoded in the opcode's size bits. */
    enum Size {
        W(0x00, 4), H(0x08, 2), B(0x10, 1), DW(0x18, 8);

        final int bits;
        final int bytes;

        Size(int bits, int bytes) {
            this.bits = bits;
            this.bytes = bytes;
        }
    }

    /** ALU operations (64-bit). */
    enum Alu {
        ADD(0x00), SUB(0x10), MUL(0x20), DIV(0x30), OR(0x40), AND(0x50), LSH(0x60), RSH(0x70), MOD(0x90),
        XOR(0xa0), MOV(0xb0), ARSH(0xc0);

        final int code;

        Alu(int code) {
            this.code = code;
        }
    }

    /** Jump conditions; the unsigned comparisons unless named S*. */
    enum Jmp {
        JEQ(0x10), JGT(0x20), JGE(0x30), JSET(0x40), JNE(0x50), JSGT(0x60), JSGE(0x70), JLT(0xa0), JLE(0xb0),
        JSLT(0xc0), JSLE(0xd0);

        final int code;

        Jmp(int code) {
            this.code = code;
        }
    }

    private static final int LD = 0x00, LDX = 0x01, ST = 0x02, STX = 0x03, JMP = 0x05, ALU64 = 0x07;
    private static final int MEM = 0x60, IMM = 0x00, K = 0x00, X = 0x08;
    private static final int JA = 0x00, CALL = 0x80, EXIT = 0x90;
    /** ld_imm64's source register for "the immediate is a map file descriptor". */
    private static final int PSEUDO_MAP_FD = 1;

    private final List<long[]> insns = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    /** Jumps waiting for their label: instruction index and label. */
    private final List<Map.Entry<Integer, String>> fixups = new ArrayList<>();

    /** {@code dst = imm} (sign-extended to 64 bits). */
    EbpfAsm mov(int dst, int imm) {
        return alu(Alu.MOV, dst, imm);
    }

    /** {@code dst = src}. */
    EbpfAsm movReg(int dst, int src) {
        return aluReg(Alu.MOV, dst, src);
    }

    /** {@code dst op= imm}, 64-bit. */
    EbpfAsm alu(Alu op, int dst, int imm) {
        return emit(ALU64 | op.code | K, dst, 0, 0, imm);
    }

    /** {@code dst op= src}, 64-bit. */
    EbpfAsm aluReg(Alu op, int dst, int src) {
        return emit(ALU64 | op.code | X, dst, src, 0, 0);
    }

    /** {@code dst = *(size *)(src + off)}. */
    EbpfAsm load(Size size, int dst, int src, int off) {
        return emit(LDX | MEM | size.bits, dst, src, off, 0);
    }

    /** {@code *(size *)(dst + off) = src}. */
    EbpfAsm store(Size size, int dst, int off, int src) {
        return emit(STX | MEM | size.bits, dst, src, off, 0);
    }

    /** {@code *(size *)(dst + off) = imm}. */
    EbpfAsm storeImm(Size size, int dst, int off, int imm) {
        return emit(ST | MEM | size.bits, dst, 0, off, imm);
    }

    /** {@code dst = imm64}: two instruction slots. */
    EbpfAsm loadImm64(int dst, long imm) {
        emit(LD | IMM | Size.DW.bits, dst, 0, 0, (int) imm);
        return emit(0, 0, 0, 0, (int) (imm >>> 32));
    }

    /** {@code dst = &map} for the map with file descriptor {@code fd}: two instruction slots. */
    EbpfAsm loadMap(int dst, int fd) {
        emit(LD | IMM | Size.DW.bits, dst, PSEUDO_MAP_FD, 0, fd);
        return emit(0, 0, 0, 0, 0);
    }

    /** {@code if (dst op imm) goto label}. */
    EbpfAsm jump(Jmp op, int dst, int imm, String label) {
        fixups.add(Map.entry(insns.size(), label));
        return emit(JMP | op.code | K, dst, 0, 0, imm);
    }

    /** {@code if (dst op src) goto label}. */
    EbpfAsm jumpReg(Jmp op, int dst, int src, String label) {
        fixups.add(Map.entry(insns.size(), label));
        return emit(JMP | op.code | X, dst, src, 0, 0);
    }

    /** {@code goto label}. */
    EbpfAsm jump(String label) {
        fixups.add(Map.entry(insns.size(), label));
        return emit(JMP | JA, 0, 0, 0, 0);
    }

    /** Calls helper {@code id} (the kernel's {@code BPF_FUNC_*}); arguments in R1-R5, result in R0. */
    EbpfAsm call(int id) {
        return emit(JMP | CALL, 0, 0, 0, id);
    }

    EbpfAsm exit() {
        return emit(JMP | EXIT, 0, 0, 0, 0);
    }

    /** Names the next instruction. */
    EbpfAsm label(String name) {
        if (labels.put(name, insns.size()) != null) {
            throw new IllegalArgumentException("label defined twice: " + name);
        }
        return this;
    }

    /** Instructions so far (ld_imm64 counts two). */
    int length() {
        return insns.size();
    }

    /** The program as the kernel takes it, every jump resolved. */
    byte[] bytes() {
        for (Map.Entry<Integer, String> f : fixups) {
            Integer target = labels.get(f.getValue());
            if (target == null) {
                throw new IllegalStateException("undefined label: " + f.getValue());
            }
            int off = target - f.getKey() - 1;
            if (off != (short) off) {
                throw new IllegalStateException("jump too far: " + f.getValue());
            }
            insns.get(f.getKey())[3] = off;
        }
        ByteBuffer b = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] i : insns) {
            b.put((byte) i[0]).put((byte) (i[1] | i[2] << 4)).putShort((short) i[3]).putInt((int) i[4]);
        }
        return b.array();
    }

    private EbpfAsm emit(int op, int dst, int src, int off, int imm) {
        if (off != (short) off) {
            throw new IllegalArgumentException("offset out of range: " + off);
        }
        insns.add(new long[] {op, dst, src, off, imm});
        return this;
    }
}

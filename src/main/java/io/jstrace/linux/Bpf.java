package io.jstrace.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic BPF program as seccomp runs it: {@code struct sock_filter} instructions of 8 bytes
 * each (u16 code, u8 jt, u8 jf, u32 k, little-endian), appended in order. Only the instructions
 * seccomp filters here need: load a word of {@code struct seccomp_data}, compare, return.
 */
final class Bpf {
    private static final short LD_W_ABS = 0x20, JMP_JEQ_K = 0x15, JMP_JGE_K = 0x35, JMP_JGT_K = 0x25, RET_K = 0x06;
    /** The kernel's BPF_MAXINSNS: longer programs are refused with EINVAL. */
    static final int MAX_INSNS = 4096;
    static final int INSN_SIZE = 8;

    private ByteBuffer code = ByteBuffer.allocate(64 * INSN_SIZE).order(ByteOrder.LITTLE_ENDIAN);

    /** A = the 32-bit word at {@code offset} in struct seccomp_data. */
    Bpf load(int offset) {
        return insn(LD_W_ABS, 0, 0, offset);
    }

    /** If A == k skip {@code jt} instructions, else skip {@code jf}. */
    Bpf jeq(int k, int jt, int jf) {
        return insn(JMP_JEQ_K, jt, jf, k);
    }

    /** If A >= k (unsigned) skip {@code jt} instructions, else skip {@code jf}. */
    Bpf jge(int k, int jt, int jf) {
        return insn(JMP_JGE_K, jt, jf, k);
    }

    /** If A > k (unsigned) skip {@code jt} instructions, else skip {@code jf}. */
    Bpf jgt(int k, int jt, int jf) {
        return insn(JMP_JGT_K, jt, jf, k);
    }

    Bpf ret(int k) {
        return insn(RET_K, 0, 0, k);
    }

    int length() {
        return code.position() / INSN_SIZE;
    }

    byte[] bytes() {
        byte[] b = new byte[code.position()];
        code.get(0, b);
        return b;
    }

    private Bpf insn(short op, int jt, int jf, int k) {
        if (code.remaining() < INSN_SIZE) {
            code = ByteBuffer.allocate(code.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN).put(code.flip());
        }
        code.putShort(op).put((byte) jt).put((byte) jf).putInt(k);
        return this;
    }
}

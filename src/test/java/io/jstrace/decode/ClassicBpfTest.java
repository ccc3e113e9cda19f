package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classic BPF instructions from their bytes (struct sock_filter: code, jt, jf, k). strace 6.1's
 * bpf_op_alu and bpf_op_jmp tables hold the eBPF operations too (BPF_MOV, BPF_JNE, BPF_CALL...),
 * and print_bpf_filter_code uses them for classic filters: /usr/bin/strace prints
 * {@code BPF_ALU|BPF_K|BPF_MOV} in a seccomp or socket filter, and only 0xe0 and 0xf0 as BPF_???.
 */
class ClassicBpfTest {
    private static final ClassicBpf.Operand HEX = (code, k) -> null;

    private static String insn(int code, int jt, int jf, int k) {
        byte[] b = ByteBuffer.allocate(ClassicBpf.INSN_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) code).put((byte) jt).put((byte) jf).putInt(k).array();
        return text(ClassicBpf.insn(new Bytes(b), HEX));
    }

    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    @Test
    void aluOperationsOfEbpfKeepTheirNamesInClassicFilters() {
        assertEquals("BPF_STMT(BPF_ALU|BPF_K|BPF_ADD, 0x1)", insn(0x04, 0, 0, 1));
        assertEquals("BPF_STMT(BPF_ALU|BPF_K|BPF_MOV, 0x1)", insn(0x04 | 0xb0, 0, 0, 1));
        assertEquals("BPF_STMT(BPF_ALU|BPF_X|BPF_ARSH, 0x2)", insn(0x0c | 0xc0, 0, 0, 2));
        assertEquals("BPF_STMT(BPF_ALU|BPF_K|BPF_END, 0x3)", insn(0x04 | 0xd0, 0, 0, 3));
        assertEquals("BPF_STMT(BPF_ALU|BPF_K|0xe0 /* BPF_??? */, 0x3)", insn(0x04 | 0xe0, 0, 0, 3));
    }

    @Test
    void jumpOperationsOfEbpfKeepTheirNamesInClassicFilters() {
        assertEquals("BPF_JUMP(BPF_JMP|BPF_K|BPF_JNE, 0x1, 0, 0x1)", insn(0x05 | 0x50, 0, 1, 1));
        assertEquals("BPF_JUMP(BPF_JMP|BPF_X|BPF_CALL, 0x1, 0x1, 0)", insn(0x0d | 0x80, 1, 0, 1));
        assertEquals("BPF_JUMP(BPF_JMP|BPF_K|BPF_JSLE, 0x1, 0x1, 0)", insn(0x05 | 0xd0, 1, 0, 1));
        assertEquals("BPF_STMT(BPF_JMP|BPF_K|BPF_EXIT, 0)", insn(0x05 | 0x90, 0, 0, 0));
        assertEquals("BPF_JUMP(BPF_JMP|BPF_K|0xf0 /* BPF_??? */, 0x1, 0x1, 0)", insn(0x05 | 0xf0, 1, 0, 1));
    }

    @Test
    void ebpfCodesUseTheSameOperationNames() {
        assertEquals("BPF_ALU64|BPF_K|BPF_MOV", text(ClassicBpf.code(0x07 | 0xb0, true)));
        assertEquals("BPF_JMP|BPF_K|BPF_JNE", text(ClassicBpf.code(0x05 | 0x50, true)));
        assertEquals("BPF_MISC|BPF_TAX", text(ClassicBpf.code(0x07, false)));
    }
}

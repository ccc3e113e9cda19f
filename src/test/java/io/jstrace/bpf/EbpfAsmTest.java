package io.jstrace.bpf;

import static io.jstrace.bpf.EbpfAsm.FP;
import static io.jstrace.bpf.EbpfAsm.R0;
import static io.jstrace.bpf.EbpfAsm.R1;
import static io.jstrace.bpf.EbpfAsm.R2;
import static io.jstrace.bpf.EbpfAsm.R6;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Encodings as llvm-objdump prints them for the same instructions (the kernel's instruction-set document). */
class EbpfAsmTest {
    private static String hex(EbpfAsm a) {
        return HexFormat.ofDelimiter(" ").formatHex(a.bytes());
    }

    @Test
    void aluAndMoves() {
        assertEquals("b7 01 00 00 2a 00 00 00", hex(new EbpfAsm().mov(R1, 42)));
        assertEquals("bf a2 00 00 00 00 00 00", hex(new EbpfAsm().movReg(R2, FP)));
        assertEquals("07 02 00 00 f8 ff ff ff", hex(new EbpfAsm().alu(EbpfAsm.Alu.ADD, R2, -8)));
        assertEquals("57 01 00 00 ff 00 00 00", hex(new EbpfAsm().alu(EbpfAsm.Alu.AND, R1, 255)));
        assertEquals("0f 21 00 00 00 00 00 00", hex(new EbpfAsm().aluReg(EbpfAsm.Alu.ADD, R1, R2)));
        assertEquals("77 01 00 00 20 00 00 00", hex(new EbpfAsm().alu(EbpfAsm.Alu.RSH, R1, 32)));
    }

    @Test
    void loadsAndStores() {
        assertEquals("79 16 08 00 00 00 00 00", hex(new EbpfAsm().load(EbpfAsm.Size.DW, R6, R1, 8)));
        assertEquals("61 12 04 00 00 00 00 00", hex(new EbpfAsm().load(EbpfAsm.Size.W, R2, R1, 4)));
        assertEquals("7b 1a f8 ff 00 00 00 00", hex(new EbpfAsm().store(EbpfAsm.Size.DW, FP, -8, R1)));
        assertEquals("62 0a fc ff 00 00 00 00", hex(new EbpfAsm().storeImm(EbpfAsm.Size.W, FP, -4, 0)));
        assertEquals("73 21 00 00 00 00 00 00", hex(new EbpfAsm().store(EbpfAsm.Size.B, R1, 0, R2)));
    }

    @Test
    void wideImmediatesTakeTwoSlots() {
        assertEquals("18 11 00 00 05 00 00 00 00 00 00 00 00 00 00 00", hex(new EbpfAsm().loadMap(R1, 5)));
        assertEquals("18 01 00 00 ef be ad de 00 00 00 00 78 56 34 12",
                hex(new EbpfAsm().loadImm64(R1, 0x12345678deadbeefL)));
        assertEquals(2, new EbpfAsm().loadMap(R1, 5).length());
    }

    @Test
    void jumpsResolveToLabelsForwardAndBack() {
        EbpfAsm a = new EbpfAsm().label("top").mov(R0, 0)
                .jump(EbpfAsm.Jmp.JEQ, R0, 0, "out")
                .loadMap(R1, 3)
                .jumpReg(EbpfAsm.Jmp.JNE, R2, R1, "top")
                .jump("out")
                .label("out").exit();
        assertEquals("b7 00 00 00 00 00 00 00 "
                + "15 00 04 00 00 00 00 00 "          // to "out": 4 instructions on (ld_imm64 is two)
                + "18 11 00 00 03 00 00 00 00 00 00 00 00 00 00 00 "
                + "5d 12 fb ff 00 00 00 00 "          // back to "top": -5
                + "05 00 00 00 00 00 00 00 "
                + "95 00 00 00 00 00 00 00", hex(a));
    }

    @Test
    void callsAndExit() {
        assertEquals("85 00 00 00 01 00 00 00 95 00 00 00 00 00 00 00", hex(new EbpfAsm().call(1).exit()));
    }

    @Test
    void undefinedLabelIsAnError() {
        assertThrows(IllegalStateException.class, () -> new EbpfAsm().jump("nowhere").bytes());
    }
}

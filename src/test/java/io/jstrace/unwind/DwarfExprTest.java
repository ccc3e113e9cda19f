package io.jstrace.unwind;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DWARF expressions as glibc's CFI uses them, on made-up registers and memory. */
class DwarfExprTest {
    private static final int RSP = 7, RIP = 16;

    private static Registers regs(long rsp, long rip) {
        Registers r = new Registers();
        r.set(RSP, rsp);
        r.set(RIP, rip);
        return r;
    }

    private static final Memory NO_MEMORY = addr -> {
        throw new UnwindException("no memory");
    };

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    /** The .plt CFA: rsp + 8, plus 8 more once past the push in the entry (rip & 15 >= 11). */
    @Test
    void pltEntryCfa() throws Exception {
        // breg7 8; breg16 0; lit15; and; lit11; ge; lit3; shl; plus
        byte[] plt = bytes(0x77, 0x08, 0x80, 0x00, 0x3f, 0x1a, 0x3b, 0x2a, 0x33, 0x24, 0x22);
        assertEquals(0x1008, DwarfExpr.eval(plt, null, regs(0x1000, 0x4025), NO_MEMORY));
        assertEquals(0x1010, DwarfExpr.eval(plt, null, regs(0x1000, 0x402b), NO_MEMORY));
    }

    /** __restore_rt's CFA: the saved rsp inside the ucontext on the stack (breg7 160; deref). */
    @Test
    void signalFrameCfaReadsMemory() throws Exception {
        Map<Long, Long> mem = Map.of(0x2000L + 160, 0x7fff0000L);
        Memory m = addr -> {
            Long v = mem.get(addr);
            if (v == null) {
                throw new UnwindException("unmapped");
            }
            return v;
        };
        byte[] cfa = bytes(0x77, 0xa0, 0x01, 0x06);
        assertEquals(0x7fff0000L, DwarfExpr.eval(cfa, null, regs(0x2000, 0), m));
        assertThrows(UnwindException.class, () -> DwarfExpr.eval(cfa, null, regs(0x3000, 0), m));
    }

    /** DW_CFA_expression rules get the CFA pushed first; constants, branches and arithmetic. */
    @Test
    void initialValueConstantsAndBranches() throws Exception {
        // plus_uconst 16
        assertEquals(0x110, DwarfExpr.eval(bytes(0x23, 0x10), 0x100L, regs(0, 0), NO_MEMORY));
        // const1s -2; consts -3; mul  => 6
        assertEquals(6, DwarfExpr.eval(bytes(0x09, 0xfe, 0x11, 0x7d, 0x1e), null, regs(0, 0), NO_MEMORY));
        // lit1; bra +1; lit5; lit7  => lit5 skipped, 7 on top
        assertEquals(7, DwarfExpr.eval(bytes(0x31, 0x28, 0x01, 0x00, 0x35, 0x37), null, regs(0, 0), NO_MEMORY));
        // lit0; bra +1 (not taken); lit5  => 5
        assertEquals(5, DwarfExpr.eval(bytes(0x30, 0x28, 0x01, 0x00, 0x35), null, regs(0, 0), NO_MEMORY));
    }

    @Test
    void refusesWhatItCannotEvaluate() {
        // DW_OP_call_frame_cfa (0x9c) is not valid in CFI
        assertThrows(UnwindException.class, () -> DwarfExpr.eval(bytes(0x9c), null, regs(0, 0), NO_MEMORY));
        // plus with one value on the stack
        assertThrows(UnwindException.class, () -> DwarfExpr.eval(bytes(0x31, 0x22), null, regs(0, 0), NO_MEMORY));
        // a register that is not known
        assertThrows(UnwindException.class, () -> DwarfExpr.eval(bytes(0x73, 0x00), null, regs(0, 0), NO_MEMORY));
    }
}

package io.jstrace.unwind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A DWARF expression stack machine, as far as CFI uses it (glibc's signal trampoline and PLT
 * entries): constants, register-relative values, memory reads, arithmetic and branches.
 */
final class DwarfExpr {
    private DwarfExpr() {}

    private static final int ADDR = 0x03, DEREF = 0x06, CONST1U = 0x08, CONST1S = 0x09, CONST2U = 0x0a,
            CONST2S = 0x0b, CONST4U = 0x0c, CONST4S = 0x0d, CONST8U = 0x0e, CONST8S = 0x0f, CONSTU = 0x10,
            CONSTS = 0x11, DUP = 0x12, DROP = 0x13, OVER = 0x14, PICK = 0x15, SWAP = 0x16, ROT = 0x17,
            ABS = 0x19, AND = 0x1a, DIV = 0x1b, MINUS = 0x1c, MOD = 0x1d, MUL = 0x1e, NEG = 0x1f, NOT = 0x20,
            OR = 0x21, PLUS = 0x22, PLUS_UCONST = 0x23, SHL = 0x24, SHR = 0x25, SHRA = 0x26, XOR = 0x27,
            BRA = 0x28, EQ = 0x29, GE = 0x2a, GT = 0x2b, LE = 0x2c, LT = 0x2d, NE = 0x2e, SKIP = 0x2f,
            LIT0 = 0x30, LIT31 = 0x4f, BREG0 = 0x70, BREG31 = 0x8f, BREGX = 0x92, DEREF_SIZE = 0x94, NOP = 0x96;
    private static final int MAX_STEPS = 10_000;

    /** Evaluates {@code expr}, with {@code initial} pushed first when not null; returns the top of the stack. */
    static long eval(byte[] expr, Long initial, Registers regs, Memory mem) throws UnwindException {
        long[] stack = new long[64];
        int sp = 0;
        if (initial != null) {
            stack[sp++] = initial;
        }
        Cursor c = new Cursor(ByteBuffer.wrap(expr).order(ByteOrder.LITTLE_ENDIAN), 0, 0);
        for (int steps = 0; c.pos < expr.length; steps++) {
            if (steps > MAX_STEPS || sp >= stack.length - 1) {
                throw new UnwindException("DWARF expression too long");
            }
            int op = c.u8();
            if (op >= LIT0 && op <= LIT31) {
                stack[sp++] = op - LIT0;
                continue;
            }
            if (op >= BREG0 && op <= BREG31) {
                stack[sp++] = regs.get(op - BREG0) + c.sleb();
                continue;
            }
            if (sp < arity(op)) {
                throw new UnwindException("DWARF expression stack underflow");
            }
            switch (op) {
                case ADDR, CONST8U, CONST8S -> stack[sp++] = c.u64();
                case CONST1U -> stack[sp++] = c.u8();
                case CONST1S -> stack[sp++] = (byte) c.u8();
                case CONST2U -> stack[sp++] = c.u16();
                case CONST2S -> stack[sp++] = (short) c.u16();
                case CONST4U -> stack[sp++] = c.u32();
                case CONST4S -> stack[sp++] = c.s32();
                case CONSTU -> stack[sp++] = c.uleb();
                case CONSTS -> stack[sp++] = c.sleb();
                case BREGX -> stack[sp++] = regs.get((int) c.uleb()) + c.sleb();
                case DUP -> {
                    stack[sp] = stack[sp - 1];
                    sp++;
                }
                case DROP -> sp--;
                case OVER -> {
                    stack[sp] = stack[sp - 2];
                    sp++;
                }
                case PICK -> {
                    int i = c.u8();
                    if (i >= sp) {
                        throw new UnwindException("DW_OP_pick out of range");
                    }
                    stack[sp] = stack[sp - 1 - i];
                    sp++;
                }
                case SWAP -> {
                    long t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2];
                    stack[sp - 2] = t;
                }
                case ROT -> {
                    long t = stack[sp - 1];
                    stack[sp - 1] = stack[sp - 2];
                    stack[sp - 2] = stack[sp - 3];
                    stack[sp - 3] = t;
                }
                case DEREF -> stack[sp - 1] = mem.word(stack[sp - 1]);
                case DEREF_SIZE -> {
                    int size = c.u8();
                    if (size < 1 || size > 8) {
                        throw new UnwindException("DW_OP_deref_size " + size);
                    }
                    long v = mem.word(stack[sp - 1]);
                    stack[sp - 1] = size == 8 ? v : v & ((1L << (8 * size)) - 1);
                }
                case ABS -> stack[sp - 1] = Math.abs(stack[sp - 1]);
                case NEG -> stack[sp - 1] = -stack[sp - 1];
                case NOT -> stack[sp - 1] = ~stack[sp - 1];
                case PLUS_UCONST -> stack[sp - 1] += c.uleb();
                case AND, DIV, MINUS, MOD, MUL, OR, PLUS, SHL, SHR, SHRA, XOR, EQ, GE, GT, LE, LT, NE -> {
                    long b = stack[--sp];
                    long a = stack[sp - 1];
                    stack[sp - 1] = binary(op, a, b);
                }
                case SKIP -> c.pos += (short) c.u16();
                case BRA -> {
                    int off = (short) c.u16();
                    if (stack[--sp] != 0) {
                        c.pos += off;
                    }
                }
                case NOP -> { }
                default -> throw new UnwindException("unsupported DWARF operation 0x" + Integer.toHexString(op));
            }
            if (c.pos < 0 || c.pos > expr.length) {
                throw new UnwindException("DWARF branch out of the expression");
            }
        }
        if (sp == 0) {
            throw new UnwindException("empty DWARF expression");
        }
        return stack[sp - 1];
    }

    /** How many stack entries {@code op} consumes. */
    private static int arity(int op) {
        return switch (op) {
            case DUP, DROP, DEREF, DEREF_SIZE, ABS, NEG, NOT, PLUS_UCONST, BRA -> 1;
            case OVER, SWAP, AND, DIV, MINUS, MOD, MUL, OR, PLUS, SHL, SHR, SHRA, XOR, EQ, GE, GT, LE, LT, NE -> 2;
            case ROT -> 3;
            default -> 0;
        };
    }

    private static long binary(int op, long a, long b) throws UnwindException {
        return switch (op) {
            case AND -> a & b;
            case DIV, MOD -> {
                if (b == 0) {
                    throw new UnwindException("DWARF division by zero");
                }
                yield op == DIV ? a / b : Long.remainderUnsigned(a, b);
            }
            case MINUS -> a - b;
            case MUL -> a * b;
            case OR -> a | b;
            case PLUS -> a + b;
            case SHL -> a << b;
            case SHR -> a >>> b;
            case SHRA -> a >> b;
            case XOR -> a ^ b;
            case EQ -> a == b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case GT -> a > b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            default -> a != b ? 1 : 0;
        };
    }
}

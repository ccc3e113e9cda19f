package io.jstrace.unwind;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs an FDE's call frame instructions (after its CIE's) up to a code address and returns the
 * row in force there. Instructions this interpreter does not know end the walk, never guess.
 */
final class Cfi {
    private Cfi() {}

    private static final int ADVANCE_LOC = 0x1, OFFSET = 0x2, RESTORE = 0x3;
    private static final int NOP = 0x00, SET_LOC = 0x01, ADVANCE_LOC1 = 0x02, ADVANCE_LOC2 = 0x03,
            ADVANCE_LOC4 = 0x04, OFFSET_EXTENDED = 0x05, RESTORE_EXTENDED = 0x06, UNDEFINED = 0x07,
            SAME_VALUE = 0x08, REGISTER = 0x09, REMEMBER_STATE = 0x0a, RESTORE_STATE = 0x0b, DEF_CFA = 0x0c,
            DEF_CFA_REGISTER = 0x0d, DEF_CFA_OFFSET = 0x0e, DEF_CFA_EXPRESSION = 0x0f, EXPRESSION = 0x10,
            OFFSET_EXTENDED_SF = 0x11, DEF_CFA_SF = 0x12, DEF_CFA_OFFSET_SF = 0x13, VAL_OFFSET = 0x14,
            VAL_OFFSET_SF = 0x15, VAL_EXPRESSION = 0x16, GNU_ARGS_SIZE = 0x2e,
            GNU_NEGATIVE_OFFSET_EXTENDED = 0x2f;

    /** The row for file address {@code pc} inside {@code fde}, tracking {@code registers} columns. */
    static Row rowAt(ByteBuffer bytes, EhFrame.Fde fde, long pc, int registers) throws UnwindException {
        EhFrame.Cie cie = fde.cie();
        Row row = new Row(registers);
        run(bytes, cie, cie.instructions(), cie.end(), cie.vaddrDelta(), row, null, Long.MIN_VALUE, pc);
        Row initial = row.copy();
        run(bytes, cie, fde.instructions(), fde.instructionsEnd(), fde.vaddrDelta(), row, initial, fde.start(), pc);
        return row;
    }

    private static void run(ByteBuffer bytes, EhFrame.Cie cie, int from, int to, long delta, Row row, Row initial,
                            long loc, long pc) throws UnwindException {
        Cursor c = new Cursor(bytes, from, delta);
        Deque<Row> saved = new ArrayDeque<>();
        while (c.pos < to) {
            int op = c.u8();
            int low = op & 0x3f;
            long advance = -1;
            switch (op >>> 6) {
                case ADVANCE_LOC -> advance = low;
                case OFFSET -> row.set(low, new Rule.Offset(c.uleb() * cie.dataAlign()));
                case RESTORE -> row.set(low, restored(initial, low));
                default -> {
                    switch (op) {
                        case NOP -> { }
                        case GNU_ARGS_SIZE -> c.uleb();
                        case SET_LOC -> {
                            loc = c.pointer(cie.fdeEncoding(), 0);
                            if (loc > pc) {
                                return;
                            }
                        }
                        case ADVANCE_LOC1 -> advance = c.u8();
                        case ADVANCE_LOC2 -> advance = c.u16();
                        case ADVANCE_LOC4 -> advance = c.u32();
                        case OFFSET_EXTENDED -> row.set(c.uleb(), new Rule.Offset(c.uleb() * cie.dataAlign()));
                        case OFFSET_EXTENDED_SF -> row.set(c.uleb(), new Rule.Offset(c.sleb() * cie.dataAlign()));
                        case GNU_NEGATIVE_OFFSET_EXTENDED ->
                                row.set(c.uleb(), new Rule.Offset(-c.uleb() * cie.dataAlign()));
                        case VAL_OFFSET -> row.set(c.uleb(), new Rule.ValOffset(c.uleb() * cie.dataAlign()));
                        case VAL_OFFSET_SF -> row.set(c.uleb(), new Rule.ValOffset(c.sleb() * cie.dataAlign()));
                        case RESTORE_EXTENDED -> {
                            long reg = c.uleb();
                            row.set(reg, restored(initial, reg));
                        }
                        case UNDEFINED -> row.set(c.uleb(), Rule.UNDEFINED);
                        case SAME_VALUE -> row.set(c.uleb(), Rule.SAME);
                        case REGISTER -> row.set(c.uleb(), new Rule.Register((int) c.uleb()));
                        case REMEMBER_STATE -> saved.push(row.copy());
                        case RESTORE_STATE -> {
                            if (saved.isEmpty()) {
                                throw new UnwindException("DW_CFA_restore_state without remember_state");
                            }
                            Row r = saved.pop();
                            row.cfaRegister = r.cfaRegister;
                            row.cfaOffset = r.cfaOffset;
                            row.cfaExpr = r.cfaExpr;
                            System.arraycopy(r.rules, 0, row.rules, 0, row.rules.length);
                        }
                        case DEF_CFA -> {
                            row.cfaRegister = (int) c.uleb();
                            row.cfaOffset = c.uleb();
                            row.cfaExpr = null;
                        }
                        case DEF_CFA_SF -> {
                            row.cfaRegister = (int) c.uleb();
                            row.cfaOffset = c.sleb() * cie.dataAlign();
                            row.cfaExpr = null;
                        }
                        case DEF_CFA_REGISTER -> {
                            row.cfaRegister = (int) c.uleb();
                            row.cfaExpr = null;
                        }
                        case DEF_CFA_OFFSET -> row.cfaOffset = c.uleb();
                        case DEF_CFA_OFFSET_SF -> row.cfaOffset = c.sleb() * cie.dataAlign();
                        case DEF_CFA_EXPRESSION -> row.cfaExpr = c.block((int) c.uleb());
                        case EXPRESSION -> {
                            long reg = c.uleb();
                            row.set(reg, new Rule.Expression(c.block((int) c.uleb())));
                        }
                        case VAL_EXPRESSION -> {
                            long reg = c.uleb();
                            row.set(reg, new Rule.ValExpression(c.block((int) c.uleb())));
                        }
                        default -> throw new UnwindException("unsupported CFA instruction 0x" + Integer.toHexString(op));
                    }
                }
            }
            if (advance >= 0) {
                loc += advance * cie.codeAlign();
                if (loc > pc) {
                    return;
                }
            }
        }
    }

    /** DW_CFA_restore: the rule the CIE's initial instructions gave. */
    private static Rule restored(Row initial, long reg) throws UnwindException {
        if (initial == null) {
            throw new UnwindException("DW_CFA_restore in a CIE");
        }
        return reg >= 0 && reg < initial.rules.length ? initial.rule((int) reg) : Rule.SAME;
    }
}

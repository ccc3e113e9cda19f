package io.jstrace.unwind;

import java.util.Arrays;

/**
 * One row of the CFI table: how to compute the CFA (a register plus an offset, or an expression)
 * and a rule for each of the registers the unwinder tracks.
 */
final class Row {
    int cfaRegister;
    long cfaOffset;
    /** When not null, the CFA is this expression's value and the register/offset are unused. */
    byte[] cfaExpr;
    final Rule[] rules;

    Row(int registers) {
        rules = new Rule[registers];
        Arrays.fill(rules, Rule.SAME);
    }

    private Row(Row o) {
        cfaRegister = o.cfaRegister;
        cfaOffset = o.cfaOffset;
        cfaExpr = o.cfaExpr;
        rules = o.rules.clone();
    }

    Row copy() {
        return new Row(this);
    }

    /** Sets register {@code reg}'s rule; registers the unwinder does not track (vector registers) are ignored. */
    void set(long reg, Rule rule) {
        if (reg >= 0 && reg < rules.length) {
            rules[(int) reg] = rule;
        }
    }

    Rule rule(int reg) {
        return rules[reg];
    }
}

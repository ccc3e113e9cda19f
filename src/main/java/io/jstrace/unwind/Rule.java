package io.jstrace.unwind;

/** How to find a register's value in the caller's frame (DWARF CFI register rules). */
sealed interface Rule {
    /** The caller's value is lost: for the return address, the end of the stack. */
    record Undefined() implements Rule {}

    /** Unchanged from the callee. */
    record Same() implements Rule {}

    /** Saved in memory at CFA + offset. */
    record Offset(long offset) implements Rule {}

    /** The value is CFA + offset. */
    record ValOffset(long offset) implements Rule {}

    /** Held in another register of the callee. */
    record Register(int register) implements Rule {}

    /** Saved in memory at the address the expression computes (the CFA pushed first). */
    record Expression(byte[] expr) implements Rule {}

    /** The value is what the expression computes (the CFA pushed first). */
    record ValExpression(byte[] expr) implements Rule {}

    Rule SAME = new Same();
    Rule UNDEFINED = new Undefined();
}

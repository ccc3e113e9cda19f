package io.jstrace.seccomp;

import io.jstrace.linux.Bpf;

import java.util.List;

/**
 * The BPF block of one call whose action depends on its arguments: its rules in order, each
 * returning its action when all its conditions hold, then the default action. A condition
 * compares the 64-bit argument as libseccomp does with 32-bit loads: the high words first,
 * then, when they are equal, the low words (see db.c's _db_rule_gen_64).
 */
final class RuleCode {
    private RuleCode() {}

    static void write(Bpf p, List<Rule> rules, Action fallback) {
        for (Rule r : rules) {
            Bpf.Label next = new Bpf.Label();
            for (Condition c : r.conditions()) {
                condition(p, c, next);
            }
            p.ret(r.action().ret());
            p.bind(next);
        }
        p.ret(fallback.ret());
    }

    /** Falls through when {@code c} holds, jumps to {@code fail} when not. */
    private static void condition(Bpf p, Condition c, Bpf.Label fail) {
        int arg = c.arg(), hi = (int) (c.value() >>> 32), lo = (int) c.value();
        Bpf.Label pass = new Bpf.Label();
        switch (c.op()) {
            case EQ -> p.loadArg(arg, true).jeq(hi, null, fail).loadArg(arg, false).jeq(lo, null, fail);
            case NE -> p.loadArg(arg, true).jeq(hi, null, pass).loadArg(arg, false).jeq(lo, fail, null);
            case GT -> p.loadArg(arg, true).jgt(hi, pass, null).jeq(hi, null, fail).loadArg(arg, false).jgt(lo, null, fail);
            case GE -> p.loadArg(arg, true).jgt(hi, pass, null).jeq(hi, null, fail).loadArg(arg, false).jge(lo, null, fail);
            case LT -> p.loadArg(arg, true).jgt(hi, fail, null).jeq(hi, null, pass).loadArg(arg, false).jge(lo, fail, null);
            case LE -> p.loadArg(arg, true).jgt(hi, fail, null).jeq(hi, null, pass).loadArg(arg, false).jgt(lo, fail, null);
            case MASKED_EQ -> {
                long datum = c.valueTwo() & c.value();
                // a word whose mask is empty always matches
                if (hi != 0) {
                    p.loadArg(arg, true).and(hi).jeq((int) (datum >>> 32), null, fail);
                }
                if (lo != 0) {
                    p.loadArg(arg, false).and(lo).jeq((int) datum, null, fail);
                }
            }
        }
        p.bind(pass);
    }
}

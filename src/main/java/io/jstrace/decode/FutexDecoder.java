package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** futex: the operation, then the arguments that operation uses, in strace's order. */
final class FutexDecoder {
    private FutexDecoder() {}

    private static final int WAIT = 0, WAKE = 1, FD = 2, REQUEUE = 3, CMP_REQUEUE = 4, WAKE_OP = 5,
            LOCK_PI = 6, UNLOCK_PI = 7, TRYLOCK_PI = 8, WAIT_BITSET = 9, WAKE_BITSET = 10,
            WAIT_REQUEUE_PI = 11, CMP_REQUEUE_PI = 12, LOCK_PI2 = 13;
    private static final int VAL = 2, TIMEOUT = 3, UADDR2 = 4, VAL3 = 5;

    /** futexops holds the composite names strace prints; other values: known bits and the rest. */
    static Value op(int op) {
        long v = op & 0xffffffffL;
        String n = io.jstrace.xlat.Xlat.of("futexops").name(v);
        if (n != null) {
            return new Value.Sym(n, v);
        }
        return new Value.Commented(Value.Num.hex(v), "FUTEX_???");
    }

    /** Argument {@code i} (2..5) of the call, or null when the operation does not use it. */
    static Value arg(Call c, int i) {
        int cmd = c.intArg(1) & 127;
        long a = c.arg(i);
        Value val = Value.Num.udec(c.arg(VAL) & 0xffffffffL);
        Value val2 = Value.Num.udec(c.arg(TIMEOUT) & 0xffffffffL);
        Value timeout = TimeDecoder.timespecAt(c, c.arg(TIMEOUT));
        Value uaddr2 = Decode.ptr(c.arg(UADDR2));
        Value bitset = Decode.sym("futexbitset", c.arg(VAL3) & 0xffffffffL, Value.Radix.HEX, null);
        return switch (cmd) {
            case WAIT -> i == VAL ? val : i == TIMEOUT ? timeout : null;
            case LOCK_PI, LOCK_PI2 -> i == TIMEOUT ? timeout : null;
            case WAIT_BITSET -> i == VAL ? val : i == TIMEOUT ? timeout : i == VAL3 ? bitset : null;
            case WAKE_BITSET -> i == VAL ? val : i == VAL3 ? bitset : null;
            case REQUEUE -> i == VAL ? val : i == TIMEOUT ? val2 : i == UADDR2 ? uaddr2 : null;
            case CMP_REQUEUE, CMP_REQUEUE_PI -> i == VAL ? val : i == TIMEOUT ? val2 : i == UADDR2 ? uaddr2
                    : Value.Num.udec(a & 0xffffffffL);
            case WAKE_OP -> i == VAL ? val : i == TIMEOUT ? val2 : i == UADDR2 ? uaddr2 : wakeOp(a & 0xffffffffL);
            case WAIT_REQUEUE_PI -> i == VAL ? val : i == TIMEOUT ? timeout : i == UADDR2 ? uaddr2 : null;
            case FD, WAKE -> i == VAL ? val : null;
            case UNLOCK_PI, TRYLOCK_PI -> null;
            default -> i == VAL ? val : i == TIMEOUT ? Decode.ptr(a) : i == UADDR2 ? uaddr2 : Value.Num.hex(a & 0xffffffffL);
        };
    }

    /** FUTEX_WAKE_OP's encoded operation: {@code FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1}. */
    private static Value wakeOp(long v) {
        Value out = null;
        if (((v >> 28) & 8) != 0) {
            out = new Value.Shift(new Value.Sym("FUTEX_OP_OPARG_SHIFT", 8), Value.Num.udec(28));
        }
        out = or(out, shifted(Decode.sym("futexwakeops", (v >> 28) & 7, Value.Radix.HEX, null), 28,
                io.jstrace.xlat.Xlat.of("futexwakeops").name((v >> 28) & 7) == null ? "FUTEX_OP_???" : null));
        out = or(out, new Value.Shift(Value.Num.hex((v >> 12) & 0xfff), Value.Num.udec(12)));
        out = or(out, shifted(Decode.sym("futexwakecmps", (v >> 24) & 0xf, Value.Radix.HEX, null), 24,
                io.jstrace.xlat.Xlat.of("futexwakecmps").name((v >> 24) & 0xf) == null ? "FUTEX_OP_CMP_???" : null));
        return or(out, Value.Num.hex(v & 0xfff));
    }

    private static Value shifted(Value v, int shift, String comment) {
        Value s = new Value.Shift(v, Value.Num.udec(shift));
        return comment == null ? s : new Value.Commented(s, comment);
    }

    private static Value or(Value a, Value b) {
        if (a == null) {
            return b;
        }
        List<Value> parts = new ArrayList<>(a instanceof Value.Or o ? o.parts() : List.of(a));
        parts.add(b);
        return new Value.Or(parts);
    }

    private static final Layout WAITV = Layout.of("futex_waitv");
    private static final Layout.Field WAITV_VAL = WAITV.field("val"), WAITV_UADDR = WAITV.field("uaddr"),
            WAITV_FLAGS = WAITV.field("flags"), WAITV_RESERVED = WAITV.field("__reserved");
    /** The kernel's FUTEX_WAITV_MAX: strace shows no more futexes than a call may have. */
    private static final int WAITV_MAX = 128;

    /** futex_waitv's array of {@code count} futexes. */
    static Value waiters(Call c, long addr, long count) {
        Value v = IoArrays.array(c, addr, Math.min(count, WAITV_MAX), WAITV.size(), b -> {
            List<Value.Field> f = new ArrayList<>();
            f.add(Decode.field("val", Value.Num.hex(b.u(WAITV_VAL))));
            f.add(Decode.field("uaddr", Decode.ptr(b.u(WAITV_UADDR))));
            f.add(Decode.field("flags", Decode.flags("futex_waiter_flags", b.u(WAITV_FLAGS), "FUTEX_???")));
            if (b.u(WAITV_RESERVED) != 0) {
                f.add(Decode.field("__reserved", Value.Num.hex(b.u(WAITV_RESERVED))));
            }
            return new Value.Struct(f, false);
        });
        return count > WAITV_MAX && v instanceof Value.Arr a && !a.truncated() ? new Value.Arr(a.items(), true) : v;
    }
}

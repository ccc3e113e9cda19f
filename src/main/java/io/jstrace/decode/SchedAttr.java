package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** {@code struct sched_attr} as strace's print_sched_attr shows it for sched_setattr and sched_getattr. */
final class SchedAttr {
    private SchedAttr() {}

    private static final Layout L = Layout.of("sched_attr");
    private static final Layout.Field SIZE = L.field("size"), POLICY = L.field("sched_policy"),
            FLAGS = L.field("sched_flags"), NICE = L.field("sched_nice"), UTIL_MIN = L.field("sched_util_min"),
            UTIL_MAX = L.field("sched_util_max");
    private static final List<String> PARAMS = List.of("sched_priority", "sched_runtime", "sched_deadline", "sched_period");
    /** The first version's size; the util clamps end the second, {@link Layout#size()}. */
    private static final int SIZE_VER0 = UTIL_MIN.offset();
    private static final long SCHED_FLAG_KEEP_POLICY = 0x08, SCHED_FLAG_KEEP_PARAMS = 0x10;

    /**
     * The struct at {@code addr}: for sched_getattr ({@code usize} its buffer's size) as much as
     * the kernel says it wrote; for sched_setattr ({@code usize} 0) as much as the struct says
     * it has, with {@code ...} for the part beyond what strace knows. The policy and parameters
     * that sched_setattr's flags say to keep are left out.
     */
    static Value at(Call c, long addr, long usize) {
        boolean set = usize == 0;
        long declared;
        int size;
        Bytes b;
        if (!set) {
            b = Decode.outStruct(c, addr, (int) Math.min(usize, L.size()));
            if (b == null) {
                return Decode.ptr(addr);
            }
            b = padded(b);
            declared = b.u(SIZE);
            size = (int) declared;
        } else {
            Bytes head = Decode.struct(c, addr, SIZE.size());
            if (head == null) {
                return Decode.ptr(addr);
            }
            declared = head.u(SIZE) == 0 ? SIZE_VER0 : head.u(SIZE);
            size = (int) Math.min(declared, L.size());
            b = size >= SIZE_VER0 ? Decode.struct(c, addr, size) : head;
            if (b == null) {
                return Decode.ptr(addr);
            }
            b = padded(b);
        }
        long flags = b.u(FLAGS);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("size", Value.Num.udec(b.u(SIZE))));
        if (Integer.compareUnsigned(size, SIZE_VER0) >= 0) {
            if (!set || (int) b.u(POLICY) < 0 || (flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS)) == 0) {
                f.add(Decode.field("sched_policy", Decode.sym("schedulers", b.u(POLICY), Value.Radix.HEX, "SCHED_???")));
            }
            f.add(Decode.field("sched_flags", Decode.flags("sched_flags", flags, "SCHED_FLAG_???")));
            if (!set || (flags & SCHED_FLAG_KEEP_PARAMS) == 0) {
                f.add(Decode.field("sched_nice", Value.Num.dec(b.s(NICE))));
                for (String p : PARAMS) {
                    f.add(Decode.field(p, Value.Num.udec(b.u(L.field(p)))));
                }
            }
            if (Integer.compareUnsigned(size, L.size()) >= 0) {
                f.add(Decode.field("sched_util_min", Value.Num.udec(b.u(UTIL_MIN))));
                f.add(Decode.field("sched_util_max", Value.Num.udec(b.u(UTIL_MAX))));
            }
        }
        return new Value.Struct(f, set && declared > size);
    }

    /** The struct with the bytes not read as zeros (strace reads into a zeroed struct). */
    private static Bytes padded(Bytes b) {
        return b.length() >= L.size() ? b : new Bytes(java.util.Arrays.copyOf(b.b(), L.size()));
    }
}

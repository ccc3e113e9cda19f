package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** Kinds for the misc family: futex, getrandom, uname, sysinfo, times, scheduling, personality. */
final class MiscKinds implements KindFamily {
    private static final int PER_MASK = 0xff;
    private static final int MEMBARRIER_CMD_QUERY = 0, MEMBARRIER_CMD_FLAG_CPU = 1;
    private static final int IOPRIO_CLASS_SHIFT = 13, IOPRIO_CLASS_MASK = 7, IOPRIO_PRIO_MASK = (1 << IOPRIO_CLASS_SHIFT) - 1;

    /** strace's sprint_ioprio: {@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3)}. */
    static Value ioprio(long v) {
        long cls = (v >> IOPRIO_CLASS_SHIFT) & IOPRIO_CLASS_MASK;
        String name = Xlat.of("ioprio_class").name(cls);
        return new Value.Call("IOPRIO_PRIO_VALUE", List.of(
                name != null ? new Value.Sym(name, cls) : Value.Num.hex(cls), Value.Num.dec(v & IOPRIO_PRIO_MASK)));
    }

    @Override
    public void register(Kinds k) {
        k.arg("futex_op", (c, i) -> FutexDecoder.op(c.intArg(1)));
        k.arg("misc_ioprio_who", (c, i) -> Decode.sym("ioprio_who", c.intArg(i) & 0xffffffffL, Value.Radix.HEX,
                "IOPRIO_WHO_???"));
        k.arg("misc_ioprio", (c, i) -> new Value.Decoded(c.arg(i), ioprio(c.arg(i))));
        k.arg("misc_getcpu_out", ArgKind.atExit((c, i) -> c.failed() || c.arg(i) == 0 ? Decode.ptr(c.arg(i))
                : CloneDecoder.intAt(c, c.arg(i), true)));
        k.arg("misc_membarrier_cmd", (c, i) -> Decode.sym("membarrier_cmds", c.intArg(i) & 0xffffffffL,
                Value.Radix.HEX, "MEMBARRIER_CMD_???"));
        // The cpu argument counts only with MEMBARRIER_CMD_FLAG_CPU.
        k.arg("misc_membarrier_cpu", (c, i) -> (c.arg(1) & MEMBARRIER_CMD_FLAG_CPU) != 0 ? Value.Num.dec(c.intArg(i)) : null);
        // MEMBARRIER_CMD_QUERY returns the supported commands: in hex, named.
        k.ret("membarrier", new ReturnKind() {
            @Override
            public Value decode(Call c) {
                return c.intArg(0) == MEMBARRIER_CMD_QUERY ? Value.Num.hex(c.ret()) : Value.Num.dec(c.ret());
            }

            @Override
            public List<Value> details(Call c) {
                return c.intArg(0) == MEMBARRIER_CMD_QUERY ? List.of(Decode.flags("membarrier_cmds", c.ret())) : List.of();
            }
        });
        // ioprio_get's value as strace's auxstr: decoded only, and not at all under -X raw.
        k.ret("ioprio", ReturnKind.decimalWith(c -> c.failed() || c.options.xstyle() == DecodeOptions.Xstyle.RAW
                ? null : ioprio(c.ret())));
        k.arg("futex_arg", FutexDecoder::arg);

        k.arg("misc_getrandom_buf", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : Decode.hexBuffer(c, c.arg(i), c.ret())));

        k.arg("misc_utsname_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 6 * 65);
            return b == null ? Decode.ptr(c.arg(i)) : ProcessStructs.utsname(b, c.options.verbose());
        }));
        k.arg("misc_sysinfo_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), ProcessStructs.SYSINFO_SIZE);
            return b == null ? Decode.ptr(c.arg(i)) : ProcessStructs.sysinfo(b);
        }));
        k.arg("misc_tms_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 32);
            return b == null ? Decode.ptr(c.arg(i)) : ProcessStructs.tms(b);
        }));

        k.arg("sched_cpuset", (c, i) -> cpuSet(c, c.arg(i), c.arg(1)));
        // sched_getaffinity fills as many bytes as it returns.
        k.arg("sched_cpuset_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : cpuSet(c, c.arg(i), c.ret())));
        k.arg("sched_param", (c, i) -> schedParam(c, c.arg(i)));
        k.arg("sched_param_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : schedParam(c, c.arg(i))));
        k.arg("sched_policy", (c, i) -> Decode.sym("schedulers", c.intArg(i), Value.Radix.HEX, "SCHED_???"));
        // sched_setattr reads the size the struct declares; sched_getattr's kernel writes its own.
        k.arg("sched_attr", (c, i) -> schedAttr(c, c.arg(i), 0));
        k.arg("sched_attr_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i))
                : schedAttr(c, c.arg(i), c.arg(i + 1) & 0xffffffffL)));
        k.ret("sched_policy", ReturnKind.decimalWith(c -> {
            String n = Xlat.of("schedulers").name(c.ret());
            return n == null ? null : new Value.Sym(n, c.ret());
        }));
        k.arg("misc_prio_which", (c, i) -> Decode.sym("priorities", c.intArg(i), Value.Radix.HEX, "PRIO_???"));

        k.arg("misc_personality", (c, i) -> (c.arg(i) & 0xffffffffL) == 0xffffffffL
                ? Value.Num.hex(0xffffffffL) : personality(c.arg(i) & 0xffffffffL));
        k.ret("misc_personality", new ReturnKind() {
            @Override
            public Value decode(Call c) {
                return Value.Num.hex(c.ret());
            }

            @Override
            public List<Value> details(Call c) {
                return List.of(personality(c.ret() & 0xffffffffL));
            }
        });
    }

    static Value personality(long v) {
        Value type = Decode.sym("personality_types", v & PER_MASK, Value.Radix.HEX, "PER_???");
        long rest = v & ~PER_MASK;
        return rest == 0 ? type : new Value.Or(type, Decode.flags("personality_flags", rest));
    }

    private static Value cpuSet(Call c, long addr, long len) {
        if (addr == 0 || len <= 0) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, (int) Math.min(len, 1 << 16));
        return b == null ? Decode.ptr(addr) : ProcessStructs.cpuSet(b);
    }

    private static final int SCHED_ATTR_MIN_SIZE = 48, SCHED_ATTR_SIZE_VER1 = 56;

    /**
     * strace's print_sched_attr: the fields the struct's size covers, then {@code ...} when the
     * size declared (sched_setattr) is larger than what is shown. {@code usize} is sched_getattr's
     * buffer size, 0 for sched_setattr.
     */
    private static Value schedAttr(Call c, long addr, long usize) {
        Bytes b;
        long declared;
        int size;
        if (usize != 0) {
            b = Decode.struct(c, addr, (int) Math.min(usize, SCHED_ATTR_SIZE_VER1));
            if (b == null || usize < 4) {
                return Decode.ptr(addr);
            }
            declared = b.u32(0);
            size = (int) Math.min(declared, usize);
        } else {
            Bytes head = Decode.struct(c, addr, 4);
            if (head == null) {
                return Decode.ptr(addr);
            }
            declared = head.u32(0) == 0 ? SCHED_ATTR_MIN_SIZE : head.u32(0);
            size = (int) Math.min(declared, SCHED_ATTR_SIZE_VER1);
            b = size >= SCHED_ATTR_MIN_SIZE ? Decode.struct(c, addr, size) : head;
            if (b == null) {
                return Decode.ptr(addr);
            }
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("size", Value.Num.udec(b.u32(0))));
        if (size >= SCHED_ATTR_MIN_SIZE) {
            f.add(Decode.field("sched_policy", Decode.sym("schedulers", b.u32(4), Value.Radix.HEX, "SCHED_???")));
            f.add(Decode.field("sched_flags", Decode.flags("sched_flags", b.s64(8))));
            f.add(Decode.field("sched_nice", Value.Num.dec(b.s32(16))));
            f.add(Decode.field("sched_priority", Value.Num.udec(b.u32(20))));
            f.add(Decode.field("sched_runtime", Value.Num.udec(b.s64(24))));
            f.add(Decode.field("sched_deadline", Value.Num.udec(b.s64(32))));
            f.add(Decode.field("sched_period", Value.Num.udec(b.s64(40))));
            if (size >= SCHED_ATTR_SIZE_VER1) {
                f.add(Decode.field("sched_util_min", Value.Num.udec(b.u32(48))));
                f.add(Decode.field("sched_util_max", Value.Num.udec(b.u32(52))));
            }
        }
        return new Value.Struct(f, declared > size);
    }

    private static Value schedParam(Call c, long addr) {
        // strace prints only sched_priority, as an int in brackets (printnum_int).
        Bytes b = Decode.struct(c, addr, 4);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.dec(b.s32(0))), false);
    }
}

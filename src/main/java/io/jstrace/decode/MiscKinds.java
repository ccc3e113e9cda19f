package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.List;

/** Kinds for the misc family: futex, getrandom, uname, sysinfo, times, scheduling, personality. */
final class MiscKinds implements KindFamily {
    private static final int PER_MASK = 0xff;
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
        // ioprio_get's value as strace's auxstr: decoded only, and not at all under -X raw.
        k.ret("ioprio", ReturnKind.decimalWith(c -> c.failed() || c.options.xstyle() == DecodeOptions.Xstyle.RAW
                ? null : ioprio(c.ret())));
        k.arg("futex_arg", FutexDecoder::arg);

        k.arg("misc_getrandom_buf", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : MiscHex.buffer(c, c.arg(i), c.ret())));

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
        k.ret("sched_policy", ReturnKind.decimalWith(c -> {
            String n = io.jstrace.xlat.Xlat.of("schedulers").name(c.ret());
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
            public Value detail(Call c) {
                return personality(c.ret() & 0xffffffffL);
            }
        });
    }

    static Value personality(long v) {
        Value type = Decode.sym("personality_types", v & PER_MASK, Value.Radix.HEX, "PER_???");
        long rest = v & ~PER_MASK;
        return rest == 0 ? type : new Value.Op(type, "|", Decode.flags("personality_flags", rest));
    }

    private static Value cpuSet(Call c, long addr, long len) {
        if (addr == 0 || len <= 0) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, (int) Math.min(len, 1 << 16));
        return b == null ? Decode.ptr(addr) : ProcessStructs.cpuSet(b);
    }

    private static Value schedParam(Call c, long addr) {
        // strace prints only sched_priority, as an int in brackets (printnum_int).
        Bytes b = Decode.struct(c, addr, 4);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.dec(b.s32(0))), false);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** Kinds for the misc family: futex, getrandom, uname, sysinfo, times, scheduling, personality. */
final class MiscKinds implements KindFamily {
    private static final int PER_MASK = 0xff;
    private static final int MEMBARRIER_CMD_QUERY = 0, MEMBARRIER_CMD_FLAG_CPU = 1;
    private static final int IOPRIO_CLASS_SHIFT = 13, IOPRIO_PRIO_MASK = (1 << IOPRIO_CLASS_SHIFT) - 1;

    /** strace's sprint_ioprio of the value as an unsigned int: {@code IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 3)}. */
    static Value ioprio(long v) {
        long cls = (v & 0xffffffffL) >>> IOPRIO_CLASS_SHIFT;
        return new Value.Call("IOPRIO_PRIO_VALUE", List.of(
                Decode.sym("ioprio_class", cls, Value.Radix.HEX, "IOPRIO_CLASS_???"), Value.Num.dec(v & IOPRIO_PRIO_MASK)));
    }

    @Override
    public void register(Kinds k) {
        k.arg("futex_op", (c, i) -> FutexDecoder.op(c.intArg(1)));
        k.arg("misc_ioprio_who", (c, i) -> Decode.sym("ioprio_who", c.intArg(i) & 0xffffffffL, Value.Radix.HEX,
                "IOPRIO_WHO_???"));
        // -X raw shows the number as an int.
        k.arg("misc_ioprio", (c, i) -> new Value.Decoded(c.intArg(i), Value.Radix.DEC, ioprio(c.arg(i)), false));
        k.arg("misc_getcpu_out", ArgKind.atExit((c, i) -> Decode.indirect(c, c.arg(i), 4, Value.Num::udec)));
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
        k.arg("futex_waiters", (c, i) -> FutexDecoder.waiters(c, c.arg(i), c.arg(i + 1) & 0xffffffffL));
        k.arg("futex_waitv_clock", (c, i) -> Decode.sym("clockids", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "CLOCK_???"));

        k.arg("misc_getrandom_buf", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : Decode.hexBuffer(c, c.arg(i), c.ret())));

        k.arg("misc_utsname_out", ArgKind.atExit((c, i) -> ProcessStructs.utsnameAt(c, c.arg(i))));
        k.arg("misc_sysinfo_out", ArgKind.atExit((c, i) -> ProcessStructs.sysinfoAt(c, c.arg(i))));
        k.arg("misc_tms_out", ArgKind.atExit((c, i) -> ProcessStructs.tmsAt(c, c.arg(i))));

        k.arg("sched_cpuset", (c, i) -> cpuSet(c, c.arg(i), c.arg(1) & 0xffffffffL));
        // sched_getaffinity fills as many bytes as it returns.
        k.arg("sched_cpuset_out", ArgKind.atExit((c, i) -> cpuSet(c, c.arg(i), c.ret())));
        k.arg("sched_param", (c, i) -> Decode.indirect(c, c.arg(i), 4, v -> Value.Num.dec((int) v)));
        k.arg("sched_param_out", ArgKind.atExit((c, i) -> Decode.indirect(c, c.arg(i), 4, v -> Value.Num.dec((int) v))));
        k.arg("sched_policy", (c, i) -> Decode.sym("schedulers", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "SCHED_???"));
        // sched_setattr's struct, and the size the kernel wants when it says E2BIG.
        k.arg("sched_attr", ArgKind.atEntryAndExit((c, i) -> c.exited() ? schedAttrE2big(c, c.arg(i), (Value) c.saved[i])
                : (Value) (c.saved[i] = SchedAttr.at(c, c.arg(i), 0))));
        k.arg("sched_attr_out", ArgKind.atExit((c, i) -> (c.arg(i + 1) & 0xffffffffL) == 0 ? Decode.ptr(c.arg(i))
                : SchedAttr.at(c, c.arg(i), c.arg(i + 1) & 0xffffffffL)));
        k.ret("sched_policy", ReturnKind.decimalWith(c -> {
            String n = Xlat.of("schedulers").name(c.ret());
            return n == null ? null : new Value.Name(n);
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

    /** The smallest CPU set the kernel takes here (1024 CPUs); strace asks the kernel for it. */
    private static final int CPUSET_BYTES = 128;

    /** strace's print_affinitylist: the CPUs of the first {@code len} bytes, {@code ...} past what it reads. */
    private static Value cpuSet(Call c, long addr, long len) {
        if (addr == 0 || !c.options.structs() || (c.exited() && c.failed())) {
            return Decode.ptr(addr);
        }
        if (len == 0) {
            return new Value.Arr(List.of(), false);
        }
        int read = (int) Math.min(len, CPUSET_BYTES);
        Bytes b = Decode.struct(c, addr, read);
        if (b == null) {
            return Decode.ptr(addr);
        }
        Value.BitSet set = (Value.BitSet) ProcessStructs.cpuSet(b);
        if (((read + 7) & ~7) >= len) {
            return set;
        }
        List<Value> members = new ArrayList<>(set.members());
        members.add(Value.ELLIPSIS);
        return new Value.BitSet(members, false);
    }

    /** After E2BIG, strace shows the size the kernel wrote back: {@code {size=1} => {size=56}}. */
    private static Value schedAttrE2big(Call c, long addr, Value entry) {
        final long E2BIG = -7;
        if (c.ret() != E2BIG || !c.failed() || !c.options.structs()) {
            return entry;
        }
        Bytes b = c.memory.readFully(c.tid, addr, 4) instanceof byte[] raw ? new Bytes(raw) : null;
        return b == null ? entry : new Value.Changed(entry,
                Decode.struct(Decode.field("size", Value.Num.udec(b.u32(0)))));
    }
}

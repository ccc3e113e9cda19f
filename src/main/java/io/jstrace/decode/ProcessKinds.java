package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** Kinds for the process family: exec, clone, wait, ids, prctl, limits, process info. */
final class ProcessKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
        k.arg("exec_argv", (c, i) -> ExecDecoder.argv(c, c.arg(i)));
        k.arg("exec_envp", (c, i) -> ExecDecoder.envp(c, c.arg(i)));

        // x86_64 clone(flags, stack, ptid, ctid, tls): strace prints the stack first.
        k.arg("clone_stack", (c, i) -> CloneDecoder.named("child_stack", Decode.ptr(c.arg(1))));
        // strace prints flags at entry and the parts after them at exit, without a separator at
        // the split. The engine can only split before an exit-phase argument and then always ends
        // the entry part with ", ", so the flags are shown at exit: the whole line is the same, and
        // a clone without parent_tid/tls/child_tidptr does not end in ", )".
        k.arg("clone_flags", ArgKind.atExit((c, i) -> CloneDecoder.named("flags", CloneDecoder.flags(c.arg(0)))));
        k.arg("clone_ptid", ArgKind.atExit((c, i) -> CloneDecoder.parentTid(c)));
        k.arg("clone_ctid", ArgKind.atExit((c, i) -> CloneDecoder.childTid(c)));
        k.arg("clone_tls", ArgKind.atExit((c, i) -> CloneDecoder.tls(c)));
        k.arg("clone_args", ArgKind.atEntryAndExit((c, i) -> CloneDecoder.cloneArgs(c)));

        k.arg("proc_wait_status", ArgKind.atExit((c, i) -> WaitStatusDecoder.at(c, c.arg(i))));
        k.arg("proc_wait_options", (c, i) -> Decode.flags("wait4_options", c.arg(i) & 0xffffffffL));
        k.arg("proc_rusage_out", ArgKind.atExit((c, i) -> ProcessStructs.rusageAt(c, c.arg(i))));
        // wait4 fills the usage only when it reaped a child.
        k.arg("proc_wait_rusage", ArgKind.atExit((c, i) -> c.ret() > 0 ? ProcessStructs.rusageAt(c, c.arg(i)) : Decode.ptr(c.arg(i))));
        k.arg("proc_rusage_who", (c, i) -> Decode.sym("usage_who", c.intArg(i), Value.Radix.DEC, "RUSAGE_???"));
        k.arg("proc_waitid_type", (c, i) -> Decode.sym("waitid_types", c.intArg(i) & 0xffffffffL, Value.Radix.HEX, "P_???"));

        // uid_t/gid_t: -1 ("no change") prints as -1, anything else unsigned.
        k.arg("proc_uid", (c, i) -> Decode.uid(c.arg(i)));
        k.arg("proc_uid_out", ArgKind.atExit((c, i) -> {
            Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), 4);
            return b == null ? Decode.ptr(c.arg(i)) : new Value.Arr(List.of(Decode.uid(b.u32(0))), false);
        }));
        // A group list whose length is argument 0 (setgroups) or the return value (getgroups).
        k.arg("proc_groups", (c, i) -> groups(c, c.arg(i), c.arg(0) & 0xffffffffL));
        // strace shows as many as the call returned, even with size 0 (the list is then untouched).
        k.arg("proc_groups_out", ArgKind.atExit((c, i) -> groups(c, c.arg(i), c.ret() & 0xffffffffL)));

        // Whether prctl and arch_prctl have output arguments, and how many arguments they show,
        // depends on the option; the engine fixes the entry/exit split per syscall, so the whole
        // argument list is decoded at exit (the same line when the call is not interrupted).
        k.arg("proc_cap_header", (c, i) -> {
            Bytes h = Decode.struct(c, c.arg(i), 8);
            return h == null ? Decode.ptr(c.arg(i)) : Decode.struct(
                    Decode.field("version", Decode.sym("cap_version", h.u32(0), Value.Radix.HEX, "_LINUX_CAPABILITY_VERSION_???")),
                    Decode.field("pid", Pids.of(c, h.s32(4), Pids.Type.TGID)));
        });
        // The data's length (one or two u32 triplets) follows the header's version.
        k.arg("proc_cap_data", (c, i) -> capData(c, c.arg(0), c.arg(i)));
        k.arg("proc_cap_data_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : capData(c, c.arg(0), c.arg(i))));
        k.arg("prctl_option", ArgKind.atExit((c, i) -> PrctlDecoder.option(c)));
        k.arg("prctl_arg", ArgKind.atExit(PrctlDecoder::arg));
        k.ret("prctl", hexOrDecimal(PrctlDecoder::hexReturn, PrctlDecoder::detail));
        k.arg("arch_prctl_option", ArgKind.atExit((c, i) -> PrctlDecoder.archOption(c)));
        k.arg("arch_prctl_arg", ArgKind.atExit(PrctlDecoder::archArg));
        k.ret("arch_prctl", hexOrDecimal(PrctlDecoder::archHexReturn, PrctlDecoder::archDetail));

        k.arg("proc_rlimit_resource", (c, i) -> Decode.sym("rlimit_resources", c.intArg(i) & 0xffffffffL,
                Value.Radix.HEX, "RLIMIT_???"));
        k.arg("proc_rlimit", (c, i) -> ProcessStructs.rlimitAt(c, c.arg(i)));
        k.arg("proc_rlimit_out", ArgKind.atExit((c, i) -> ProcessStructs.rlimitAt(c, c.arg(i))));
        k.arg("proc_robust_list_out", ArgKind.atExit((c, i) -> {
            Long v = c.failed() ? null : c.memory.readLong(c.tid, c.arg(i));
            return v == null ? Decode.ptr(c.arg(i)) : new Value.Arr(List.of(i == 1 ? Decode.ptr(v) : Value.Num.udec(v)), false);
        }));
        // The other process's iovecs: only their addresses mean something here.
        k.argWithParam("remote_iov", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> IovDecoder.iov(c, c.arg(i), c.arg(n), IovDecoder.Mode.ADDR, IovDecoder.UNLIMITED);
        });
        k.arg("process_madvise_advice", (c, i) -> Decode.sym("madvise_cmds", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "MADV_???"));
        k.arg("pidfd_open_flags", (c, i) -> Decode.flags("pidfd_open_flags", c.arg(i) & 0xffffffffL, "PIDFD_???"));
        k.arg("pidfd_target_fd", PidFds::targetFd);
        k.arg("kcmp_type", (c, i) -> PidFds.kcmpType(c));
        k.arg("kcmp_index", PidFds::kcmpIndex);
        k.arg("proc_rseq_flags", (c, i) -> Decode.flags("rseq_flags", c.arg(i) & 0xffffffffL));
    }

    /** A return value in hex when {@code hex} says so (strace's RVAL_HEX), with what {@code detail} gives. */
    private static ReturnKind hexOrDecimal(java.util.function.Predicate<Call> hex, java.util.function.Function<Call, Value> detail) {
        return new ReturnKind() {
            @Override
            public Value decode(Call c) {
                return hex.test(c) ? Value.Num.hex(c.ret()) : Value.Num.dec(c.ret());
            }

            @Override
            public List<Value> details(Call c) {
                return ReturnKind.one(detail.apply(c));
            }
        };
    }

    private static final long CAP_VERSION_2 = 0x20071026L, CAP_VERSION_3 = 0x20080522L;

    /** strace's print_cap_data: effective, permitted and inheritable as {@code 1<<CAP_X} sets. */
    private static Value capData(Call c, long header, long addr) {
        Bytes h = Decode.struct(c, header, 4);
        if (addr == 0 || h == null) {
            return Decode.ptr(addr);
        }
        int len = h.u32(0) == CAP_VERSION_2 || h.u32(0) == CAP_VERSION_3 ? 2 : 1;
        Bytes d = Decode.struct(c, addr, 12 * len);
        if (d == null) {
            return Decode.ptr(addr);
        }
        String[] names = {"effective", "permitted", "inheritable"};
        List<Value.Field> f = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            f.add(Decode.field(names[k], capBits(d.u32(4 * k), len > 1 ? d.u32(12 + 4 * k) : 0)));
        }
        return new Value.Struct(f, false);
    }

    /** strace's print_cap_bits: the low word's bits, then the high word's (capabilities 32 and up). */
    private static Value capBits(long lo, long hi) {
        Value low = lo != 0 || hi == 0 ? capMask(lo, 0) : null;
        Value high = hi != 0 ? capMask(hi, 32) : null;
        return low == null ? high : high == null ? low : new Value.Or(low, high);
    }

    private static Value capMask(long bits, int first) {
        List<String> names = new ArrayList<>();
        long rest = 0;
        for (int b = 0; b < 32; b++) {
            if ((bits >>> b & 1) != 0) {
                String n = Xlat.of("capabilities").name(first + b);
                if (n != null) {
                    names.add("1<<" + n);
                } else {
                    rest |= 1L << b;
                }
            }
        }
        return new Value.Flags(names, rest, Value.Radix.HEX, bits);
    }

    /** The kernel's NGROUPS_MAX: strace prints a longer list's address. */
    private static final long NGROUPS_MAX = 65536;

    /** strace's print_groups: the gids of a list of {@code n} as print_array shows them. */
    private static Value groups(Call c, long addr, long n) {
        if (Long.compareUnsigned(n, NGROUPS_MAX) > 0) {
            return Decode.ptr(addr);
        }
        return IoArrays.array(c, addr, n, 4, b -> Decode.uid(b.u32(0)));
    }
}

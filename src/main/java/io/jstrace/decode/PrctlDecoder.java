package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * prctl as strace's prctl.c prints it: the option, then the arguments that option takes, each
 * in its own form, and for some options a return value in hex with what it means. All are
 * decoded at exit (see ProcessKinds), so output arguments can be read.
 */
final class PrctlDecoder {
    private PrctlDecoder() {}

    private static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3, PR_SET_DUMPABLE = 4,
            PR_GET_UNALIGN = 5, PR_SET_UNALIGN = 6, PR_GET_KEEPCAPS = 7, PR_SET_KEEPCAPS = 8, PR_GET_FPEMU = 9,
            PR_SET_FPEMU = 10, PR_GET_FPEXC = 11, PR_SET_FPEXC = 12, PR_GET_TIMING = 13, PR_SET_TIMING = 14,
            PR_SET_NAME = 15, PR_GET_NAME = 16, PR_GET_ENDIAN = 19, PR_SET_ENDIAN = 20, PR_GET_SECCOMP = 21,
            PR_SET_SECCOMP = 22, PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24, PR_GET_TSC = 25, PR_SET_TSC = 26,
            PR_GET_SECUREBITS = 27, PR_SET_SECUREBITS = 28, PR_SET_TIMERSLACK = 29, PR_GET_TIMERSLACK = 30,
            PR_TASK_PERF_EVENTS_DISABLE = 31, PR_TASK_PERF_EVENTS_ENABLE = 32, PR_MCE_KILL = 33,
            PR_MCE_KILL_GET = 34, PR_SET_MM = 35, PR_SET_CHILD_SUBREAPER = 36, PR_GET_CHILD_SUBREAPER = 37,
            PR_SET_NO_NEW_PRIVS = 38, PR_GET_TID_ADDRESS = 40, PR_SET_THP_DISABLE = 41, PR_SET_FP_MODE = 45,
            PR_GET_FP_MODE = 46, PR_CAP_AMBIENT = 47, PR_SVE_SET_VL = 50, PR_SVE_GET_VL = 51,
            PR_GET_SPECULATION_CTRL = 52, PR_SET_SPECULATION_CTRL = 53, PR_PAC_RESET_KEYS = 54,
            PR_SET_TAGGED_ADDR_CTRL = 55, PR_GET_TAGGED_ADDR_CTRL = 56, PR_SET_IO_FLUSHER = 57,
            PR_SET_SYSCALL_USER_DISPATCH = 59, PR_PAC_SET_ENABLED_KEYS = 60, PR_PAC_GET_ENABLED_KEYS = 61,
            PR_SCHED_CORE = 62, PR_SME_SET_VL = 63, PR_SME_GET_VL = 64, PR_SET_VMA = 0x53564d41,
            PR_SET_PTRACER = 0x59616d61;
    private static final int TASK_COMM_LEN = 16;
    private static final long PR_CAP_AMBIENT_IS_SET = 1, PR_CAP_AMBIENT_LOWER = 3, PR_MCE_KILL_SET = 1,
            PR_SET_VMA_ANON_NAME = 0, SECCOMP_MODE_STRICT = 1, SECCOMP_MODE_FILTER = 2,
            PR_SPEC_STORE_BYPASS = 0, PR_SPEC_INDIRECT_BRANCH = 1, PR_SPEC_L1D_FLUSH = 2, PR_SCHED_CORE_GET = 0;
    /** The vector length bits of PR_SVE_SET_VL's and PR_SME_SET_VL's argument; the rest are flags. */
    private static final long VL_LEN_MASK = 0xffff;
    private static final long PR_TAGGED_ADDR_ENABLE = 1, PR_MTE_TCF_MASK = 6, PR_MTE_TAG_SHIFT = 3,
            PR_MTE_TAG_MASK = 0xffffL << PR_MTE_TAG_SHIFT;

    static Value option(Call c) {
        return Decode.sym("prctl_options", c.arg(0) & 0xffffffffL, Value.Radix.HEX, "PR_???");
    }

    /** Argument {@code i} (1..4), or null when strace does not print it for the option. */
    static Value arg(Call c, int i) {
        // The list is made once per call: some options read the tracee's memory.
        @SuppressWarnings("unchecked")
        List<Value> args = c.saved[1] instanceof List<?> l ? (List<Value>) l : args(c);
        c.saved[1] = args;
        return i - 1 < args.size() ? args.get(i - 1) : null;
    }

    private static List<Value> args(Call c) {
        int option = (int) c.arg(0);
        long a2 = c.arg(1), a3 = c.arg(2), a4 = c.arg(3), a5 = c.arg(4);
        List<Value> out = new ArrayList<>();
        switch (option) {
            case PR_GET_KEEPCAPS, PR_GET_SECCOMP, PR_GET_TIMERSLACK, PR_GET_TIMING, PR_GET_DUMPABLE, PR_GET_SECUREBITS,
                 PR_GET_FP_MODE, PR_SVE_GET_VL, PR_SME_GET_VL, PR_TASK_PERF_EVENTS_DISABLE,
                 PR_TASK_PERF_EVENTS_ENABLE -> { }
            case PR_GET_CHILD_SUBREAPER, PR_GET_ENDIAN, PR_GET_FPEMU, PR_GET_FPEXC ->
                    out.add(Decode.indirect(c, a2, 4, Value.Num::udec));
            case PR_GET_NAME -> out.add(c.failed() ? Decode.ptr(a2) : Decode.boundedCString(c, a2, TASK_COMM_LEN));
            case PR_GET_PDEATHSIG -> out.add(Decode.indirect(c, a2, 4, v -> Siginfo.signal((int) v)));
            case PR_GET_TID_ADDRESS -> out.add(Decode.indirect(c, a2, 8, Decode::ptr));
            case PR_GET_TSC -> out.add(Decode.indirect(c, a2, 4, v -> xval("pr_tsc", v, "PR_TSC_???")));
            case PR_GET_UNALIGN -> out.add(Decode.indirect(c, a2, 4, v -> Decode.flags("pr_unalign_flags", v, "PR_UNALIGN_???")));
            case PR_SVE_SET_VL -> out.add(vectorLength(c, "pr_sve_vl_flags", a2));
            case PR_SME_SET_VL -> out.add(vectorLength(c, "pr_sme_vl_flags", a2));
            case PR_GET_SPECULATION_CTRL -> out.add(Decode.sym("pr_spec_cmds", a2, Value.Radix.HEX, "PR_SPEC_???"));
            case PR_SET_TAGGED_ADDR_CTRL -> {
                out.add(new Value.Decoded(a2, Value.Radix.HEX, taggedAddr(a2), true));
                rest(c, 2, out);
            }
            case PR_SET_CHILD_SUBREAPER, PR_SET_ENDIAN, PR_SET_FPEMU, PR_SET_FPEXC, PR_SET_KEEPCAPS, PR_SET_TIMING ->
                    out.add(Value.Num.udec(a2));
            case PR_SET_DUMPABLE -> out.add(Decode.sym("pr_dumpable", a2, Value.Radix.HEX, "SUID_DUMP_???"));
            case PR_CAPBSET_DROP, PR_CAPBSET_READ -> out.add(Decode.sym("capabilities", a2, Value.Radix.HEX, "CAP_???"));
            case PR_CAP_AMBIENT -> {
                out.add(Decode.sym("pr_cap_ambient", a2, Value.Radix.HEX, "PR_CAP_AMBIENT_???"));
                if (a2 >= PR_CAP_AMBIENT_IS_SET && a2 <= PR_CAP_AMBIENT_LOWER) {
                    out.add(Decode.sym("capabilities", a3, Value.Radix.HEX, "CAP_???"));
                    rest(c, 3, out);
                } else {
                    rest(c, 2, out);
                }
            }
            case PR_MCE_KILL -> {
                out.add(Decode.sym("pr_mce_kill", a2, Value.Radix.HEX, "PR_MCE_KILL_???"));
                out.add(a2 == PR_MCE_KILL_SET ? Decode.sym("pr_mce_kill_policy", a3, Value.Radix.HEX, "PR_MCE_KILL_???")
                        : Value.Num.hex(a3));
                rest(c, 3, out);
            }
            case PR_SET_NAME -> out.add(Decode.boundedCString(c, a2, TASK_COMM_LEN - 1));
            case PR_SET_VMA -> {
                out.add(Decode.sym("pr_set_vma", a2, Value.Radix.HEX, "PR_SET_VMA_???"));
                if (a2 == PR_SET_VMA_ANON_NAME) {
                    out.add(Decode.ptr(a3));
                    out.add(Value.Num.udec(a4));
                    out.add(Decode.cstring(c, a5));
                } else {
                    rest(c, 2, out);
                }
            }
            case PR_SET_MM -> {
                out.add(xval("pr_set_mm", a2, "PR_SET_MM_???"));
                rest(c, 2, out);
            }
            case PR_SET_PDEATHSIG -> out.add(Long.compareUnsigned(a2, 128) > 0 ? Value.Num.udec(a2) : Siginfo.signal((int) a2));
            case PR_SET_PTRACER -> out.add((int) a2 == -1 ? new Value.Sym("PR_SET_PTRACER_ANY", -1) : Pids.of(c, (int) a2, Pids.Type.TGID));
            case PR_SET_SECCOMP -> {
                out.add(Decode.sym("seccomp_mode", a2, Value.Radix.HEX, "SECCOMP_MODE_???"));
                if (a2 == SECCOMP_MODE_FILTER) {
                    out.add(ClassicBpf.seccompProgram(c, a3));
                } else if (a2 != SECCOMP_MODE_STRICT) {
                    rest(c, 2, out);
                }
            }
            case PR_SET_SECUREBITS -> out.add(Decode.flags("secbits", a2, "SECBIT_???"));
            case PR_SET_TIMERSLACK -> out.add(Value.Num.dec(a2));
            case PR_SET_TSC -> out.add(xval("pr_tsc", a2, "PR_TSC_???"));
            case PR_SET_UNALIGN -> out.add(Decode.flags("pr_unalign_flags", a2 & 0xffffffffL, "PR_UNALIGN_???"));
            case PR_SET_NO_NEW_PRIVS, PR_SET_THP_DISABLE, PR_SET_IO_FLUSHER -> {
                out.add(Value.Num.udec(a2));
                rest(c, 2, out);
            }
            case PR_MCE_KILL_GET, PR_GET_TAGGED_ADDR_CTRL, PR_PAC_GET_ENABLED_KEYS -> rest(c, 1, out);
            case PR_SET_FP_MODE -> out.add(Decode.flags("pr_fp_mode", a2 & 0xffffffffL, "PR_FP_MODE_???"));
            case PR_SET_SPECULATION_CTRL -> {
                out.add(Decode.sym("pr_spec_cmds", a2, Value.Radix.HEX, "PR_SPEC_???"));
                out.add(a2 == PR_SPEC_STORE_BYPASS || a2 == PR_SPEC_INDIRECT_BRANCH || a2 == PR_SPEC_L1D_FLUSH
                        ? Decode.sym("pr_spec_set_store_bypass_flags", a3, Value.Radix.HEX, "PR_SPEC_???")
                        : Value.Num.hex(a3));
            }
            case PR_PAC_RESET_KEYS -> {
                out.add(pacKeys(a2));
                rest(c, 2, out);
            }
            case PR_PAC_SET_ENABLED_KEYS -> {
                out.add(Decode.flags("pr_pac_enabled_keys", a2, "PR_PAC_???"));
                out.add(Decode.flags("pr_pac_enabled_keys", a3, "PR_PAC_???"));
                rest(c, 3, out);
            }
            case PR_SET_SYSCALL_USER_DISPATCH -> {
                out.add(Decode.sym("pr_sud_cmds", a2, Value.Radix.HEX, "PR_SYS_DISPATCH_???"));
                out.add(Value.Num.hex(a3));
                out.add(Value.Num.hex(a4));
                out.add(Decode.ptr(a5));
            }
            case PR_SCHED_CORE -> {
                out.add(xval("pr_sched_core_cmds", a2, "PR_SCHED_CORE_???"));
                out.add(schedCorePid(c, (int) a3, a4 & 0xffffffffL));
                out.add(pidType(a4 & 0xffffffffL));
                out.add((int) a2 == PR_SCHED_CORE_GET && c.exited() && !c.failed()
                        ? Decode.indirect(c, a5, 8, Value.Num::hex) : Decode.ptr(a5));
            }
            default -> rest(c, 1, out);
        }
        return out;
    }

    /** strace's print_prctl_args: the arguments from {@code first} (0-based) on, in hex. */
    private static void rest(Call c, int first, List<Value> out) {
        for (int i = first; i < 5; i++) {
            out.add(Value.Num.hex(c.arg(i)));
        }
    }

    /** printxval: the value as a 32-bit unsigned int. */
    private static Value xval(String table, long v, String unknown) {
        return Decode.sym(table, v & 0xffffffffL, Value.Radix.HEX, unknown);
    }

    /** PR_SCHED_CORE's pid, of the kind its type (PIDTYPE_PID, _TGID, _PGID, _SID) says. */
    private static Value schedCorePid(Call c, int pid, long type) {
        Pids.Type[] types = {Pids.Type.TID, Pids.Type.TGID, Pids.Type.PGID, Pids.Type.SID};
        return type < types.length ? Pids.of(c, pid, types[(int) type]) : Value.Num.dec(pid);
    }

    /** PR_SCHED_CORE's pid type: strace shows the number with its name, except under -X raw. */
    private static Value pidType(long v) {
        return new Value.Explained(Decode.sym("pr_sched_core_pidtypes", v, Value.Radix.HEX, "PIDTYPE_???"));
    }

    /** PR_PAC_RESET_KEYS: flags from both key tables (printflags_ex over two tables). */
    private static Value pacKeys(long v) {
        Xlat.Flags a = Xlat.of("pr_pac_enabled_keys").flags(v);
        Xlat.Flags b = Xlat.of("pr_pac_keys").flags(a.rest());
        List<String> names = new ArrayList<>(a.names());
        names.addAll(b.names());
        return new Value.Flags(names, b.rest(), Value.Radix.HEX, v, "PR_PAC_???");
    }

    /**
     * strace's sprint_sve_val/sprint_sme_val: the flags by name and the vector length in hex
     * ({@code PR_SVE_VL_INHERIT|0xea57}); a bare length is just the number.
     */
    private static Value vectorLength(Call c, String table, long v) {
        long flags = v & ~VL_LEN_MASK;
        if (flags == 0) {
            return Value.Num.hex(v);
        }
        return new Value.Decoded(v, Value.Radix.HEX, vlParts(table, v), true);
    }

    private static Value vlParts(String table, long v) {
        long flags = v & ~VL_LEN_MASK;
        Xlat.Flags f = Xlat.of(table).flags(flags);
        List<Value> parts = new ArrayList<>();
        f.names().forEach(n -> parts.add(new Value.Name(n)));
        if (f.rest() != 0) {
            parts.add(Value.Num.hex(f.rest()));
        }
        parts.add(Value.Num.hex(v & VL_LEN_MASK));
        return new Value.Or(parts);
    }

    /**
     * strace's sprint_tagged_addr_val: whether tagging is enabled ({@code !PR_TAGGED_ADDR_ENABLE}
     * when not), the MTE fault mode, the tag mask and any other bits.
     */
    private static Value taggedAddr(long v) {
        List<Value> parts = new ArrayList<>();
        String enable = Xlat.of("pr_tagged_addr_enable").name(PR_TAGGED_ADDR_ENABLE);
        parts.add(new Value.Name((v & PR_TAGGED_ADDR_ENABLE) != 0 ? enable : "!" + enable));
        long tcf = v & PR_MTE_TCF_MASK;
        String t = Xlat.of("pr_tagged_addr_mte_tcf").name(tcf);
        parts.add(t != null ? new Value.Name(t) : Value.Num.hex(tcf));
        long tag = v & PR_MTE_TAG_MASK;
        if (tag != 0) {
            parts.add(new Value.Shift(Value.Num.hex(tag >>> PR_MTE_TAG_SHIFT), new Value.Name("PR_MTE_TAG_SHIFT")));
        }
        long rest = v & ~(PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
        if (rest != 0) {
            parts.add(Value.Num.hex(rest));
        }
        return new Value.Or(parts);
    }

    /** Whether the option's return value prints in hex (strace's RVAL_HEX). */
    static boolean hexReturn(Call c) {
        int option = (int) c.arg(0);
        long r = c.ret();
        return switch (option) {
            case PR_GET_SECUREBITS, PR_GET_FP_MODE, PR_SVE_SET_VL, PR_SVE_GET_VL, PR_SME_SET_VL, PR_SME_GET_VL -> r != 0;
            case PR_GET_SPECULATION_CTRL -> specFlags(c.arg(1));
            case PR_GET_TAGGED_ADDR_CTRL, PR_PAC_GET_ENABLED_KEYS -> true;
            default -> false;
        };
    }

    private static boolean specFlags(long cmd) {
        return cmd == PR_SPEC_STORE_BYPASS || cmd == PR_SPEC_INDIRECT_BRANCH || cmd == PR_SPEC_L1D_FLUSH;
    }

    /**
     * What the return value means (strace's auxstr), or null: names only, never numbers or
     * comments whatever -X says, and for flags nothing under -X raw.
     */
    static Value detail(Call c) {
        int option = (int) c.arg(0);
        long r = c.ret();
        boolean raw = c.options.xstyle() == DecodeOptions.Xstyle.RAW;
        return switch (option) {
            case PR_GET_DUMPABLE -> name("pr_dumpable", r);
            case PR_MCE_KILL_GET -> name("pr_mce_kill_policy", r);
            case PR_GET_SECUREBITS -> r == 0 || raw ? null : auxFlags("secbits", r);
            case PR_GET_FP_MODE -> r == 0 || raw ? null : auxFlags("pr_fp_mode", r);
            case PR_PAC_GET_ENABLED_KEYS -> raw ? null : auxFlags("pr_pac_enabled_keys", r);
            case PR_GET_SPECULATION_CTRL -> specFlags(c.arg(1)) && !raw ? auxFlags("pr_spec_get_store_bypass_flags", r) : null;
            case PR_SVE_SET_VL, PR_SVE_GET_VL -> r == 0 || raw || (r & ~VL_LEN_MASK) == 0 ? null : vlParts("pr_sve_vl_flags", r);
            case PR_SME_SET_VL, PR_SME_GET_VL -> r == 0 || raw || (r & ~VL_LEN_MASK) == 0 ? null : vlParts("pr_sme_vl_flags", r);
            case PR_GET_TAGGED_ADDR_CTRL -> raw ? null : taggedAddr(r);
            default -> null;
        };
    }

    private static Value name(String table, long v) {
        String n = Xlat.of(table).name(v);
        return n == null ? null : new Value.Name(n);
    }

    /** sprintflags_ex in auxstr mode: the names and any unnamed bits, or nothing when no bit has a name. */
    private static Value auxFlags(String table, long v) {
        Xlat x = Xlat.of(table);
        if (v == 0) {
            return name(table, 0);
        }
        Xlat.Flags f = x.flags(v);
        if (f.names().isEmpty()) {
            return null;
        }
        List<Value> parts = new ArrayList<>();
        f.names().forEach(n -> parts.add(new Value.Name(n)));
        if (f.rest() != 0) {
            parts.add(Value.Num.hex(f.rest()));
        }
        return parts.size() == 1 ? parts.getFirst() : new Value.Or(parts);
    }

    private static final int ARCH_GET_FS = 0x1003, ARCH_GET_GS = 0x1004, ARCH_GET_CPUID = 0x1011,
            ARCH_GET_XCOMP_SUPP = 0x1021, ARCH_GET_XCOMP_PERM = 0x1022, ARCH_REQ_XCOMP_PERM = 0x1023,
            ARCH_GET_XCOMP_GUEST_PERM = 0x1024, ARCH_REQ_XCOMP_GUEST_PERM = 0x1025;

    static Value archOption(Call c) {
        return Decode.sym("arch_prctl_options", c.arg(0) & 0xffffffffL, Value.Radix.HEX, "ARCH_???");
    }

    /**
     * arch_prctl's second argument: none for ARCH_GET_CPUID, the address filled for the GETs, the
     * state component for the XCOMP requests, hex otherwise. The XSAVE feature names are not in
     * user headers, so strace always shows their numbers, with the names in a comment.
     */
    static Value archArg(Call c, int i) {
        long a = c.arg(i);
        return switch ((int) c.arg(0)) {
            case ARCH_GET_CPUID -> null;
            case ARCH_GET_FS, ARCH_GET_GS -> Decode.indirect(c, a, 8, Decode::ptr);
            case ARCH_GET_XCOMP_SUPP, ARCH_GET_XCOMP_PERM, ARCH_GET_XCOMP_GUEST_PERM -> Decode.indirect(c, a, 8,
                    v -> new Value.Explained(Decode.flags("x86_xfeatures", v, "XFEATURE_MASK_???")));
            case ARCH_REQ_XCOMP_PERM, ARCH_REQ_XCOMP_GUEST_PERM ->
                    new Value.Explained(Decode.sym("x86_xfeature_bits", a, Value.Radix.HEX, "XFEATURE_???"));
            default -> Value.Num.hex(a);
        };
    }

    /** The XCOMP requests return the features now permitted: in hex, with their names. */
    static boolean archHexReturn(Call c) {
        int option = (int) c.arg(0);
        return (option == ARCH_REQ_XCOMP_PERM || option == ARCH_REQ_XCOMP_GUEST_PERM) && c.ret() > 0;
    }

    static Value archDetail(Call c) {
        return archHexReturn(c) && c.options.xstyle() != DecodeOptions.Xstyle.RAW ? auxFlags("x86_xfeatures", c.ret()) : null;
    }
}

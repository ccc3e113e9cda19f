package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.List;
import java.util.Set;

/**
 * ptrace(2) as strace's ptrace.c prints it: which of pid, addr and data a request shows and
 * what they are (signals, options, siginfo, sigsets, the words PEEK* and GETEVENTMSG return).
 */
final class PtraceKinds implements KindFamily {
    private static final long TRACEME = 0, PEEKTEXT = 1, PEEKDATA = 2, PEEKUSER = 3, CONT = 7, KILL = 8,
            SINGLESTEP = 9, GETREGS = 0xc, SETREGS = 0xd, GETFPREGS = 0xe, SETFPREGS = 0xf, ATTACH = 0x10,
            DETACH = 0x11, OLDSETOPTIONS = 0x15, SYSCALL = 0x18, SYSEMU = 0x1f, SYSEMU_SINGLESTEP = 0x20,
            SINGLEBLOCK = 0x21, SETOPTIONS = 0x4200, GETEVENTMSG = 0x4201, GETSIGINFO = 0x4202,
            SETSIGINFO = 0x4203, GETREGSET = 0x4204, SETREGSET = 0x4205, SEIZE = 0x4206, INTERRUPT = 0x4207,
            LISTEN = 0x4208, PEEKSIGINFO = 0x4209, GETSIGMASK = 0x420a, SETSIGMASK = 0x420b,
            SECCOMP_GET_FILTER = 0x420c, SECCOMP_GET_METADATA = 0x420d, GET_SYSCALL_INFO = 0x420e;
    /** Requests whose addr and data the kernel ignores. */
    private static final Set<Long> PID_ONLY = Set.of(ATTACH, INTERRUPT, KILL, LISTEN);
    /** Requests whose data is a signal to deliver on resuming. */
    private static final Set<Long> RESUME = Set.of(CONT, DETACH, SYSCALL, SINGLESTEP, SINGLEBLOCK, SYSEMU, SYSEMU_SINGLESTEP);
    /** Requests whose addr strace prints as a plain number (a size or an index). */
    private static final Set<Long> NUMBER_ADDR = Set.of(GETSIGMASK, SETSIGMASK, SECCOMP_GET_FILTER,
            SECCOMP_GET_METADATA, GET_SYSCALL_INFO);
    /** Requests whose register buffer (data) is shown in addr's place: the GET ones at exit. */
    private static final Set<Long> REGS = Set.of(GETREGS, SETREGS, GETFPREGS, SETFPREGS);
    /** Requests whose data the kernel fills: printed at exit (with -e verbose=, else the address). */
    private static final Set<Long> FILLED = Set.of(PEEKTEXT, PEEKDATA, PEEKUSER, GETEVENTMSG, GETSIGINFO,
            GETSIGMASK, PEEKSIGINFO, SECCOMP_GET_FILTER, GET_SYSCALL_INFO);
    private static final long NT_PRSTATUS = 1, NT_FPREGSET = 2;
    private static final Layout USER_REGS = Layout.of("user_regs_struct"), USER_FPREGS = Layout.of("user_fpregs_struct");
    private static final List<Layout.Field> REGISTERS = fields(USER_REGS, "r15", "r14", "r13", "r12", "rbp", "rbx",
            "r11", "r10", "r9", "r8", "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss",
            "fs_base", "gs_base", "ds", "es", "fs", "gs"),
            FP_REGISTERS = fields(USER_FPREGS, "cwd", "swd", "ftw", "fop", "rip", "rdp", "mxcsr", "mxcr_mask",
                    "st_space", "xmm_space", "padding");
    private static final Layout METADATA = Layout.of("seccomp_metadata");
    private static final Layout.Field FILTER_OFF = METADATA.field("filter_off"), METADATA_FLAGS = METADATA.field("flags");
    private static final Layout PEEKSIGINFO_ARGS = Layout.of("ptrace_peeksiginfo_args"), IOV = Layout.of("iovec");
    private static final Layout.Field OFF = PEEKSIGINFO_ARGS.field("off"), FLAGS = PEEKSIGINFO_ARGS.field("flags"),
            NR = PEEKSIGINFO_ARGS.field("nr"), IOV_BASE = IOV.field("iov_base"), IOV_LEN = IOV.field("iov_len");

    @Override
    public void register(Kinds k) {
        k.arg("ptrace_request", (c, i) -> Decode.sym("ptrace_cmds", c.arg(i), Value.Radix.HEX, "PTRACE_???"));
        k.arg("ptrace_pid", (c, i) -> c.arg(0) == TRACEME ? null : Pids.of(c, c.intArg(i), Pids.Type.TGID));
        k.arg("ptrace_addr", PtraceKinds::addr);
        // What the kernel fills shows at exit; what the tracer passes at entry, kept for the exit.
        k.arg("ptrace_data", ArgKind.onlyFor(c -> !noData(c.arg(0)), ArgKind.atEntryAndExit((c, i) -> {
            long request = c.arg(0);
            if (!c.exited()) {
                Value v = dataAtEntry(c, c.arg(i));
                // A regset's iovec shows whole at exit, its length as it was at entry and as the kernel left it.
                boolean later = (request == GETREGSET || request == SETREGSET || request == SECCOMP_GET_METADATA)
                        && v instanceof Value.Struct || request == GETREGS || request == GETFPREGS
                        || FILLED.contains(request) && c.options.structs();
                c.saved[i] = v;
                return later ? null : v;
            }
            Value atEntry = (Value) c.saved[i];
            return request == GETREGSET || request == SETREGSET ? regsetAtExit(c, atEntry)
                    : request == SECCOMP_GET_METADATA ? metadataAtExit(c, atEntry)
                    : request == GETREGS ? registers(c, c.arg(i), USER_REGS.size(), USER_REGS, REGISTERS)
                    : request == GETFPREGS ? registers(c, c.arg(i), USER_FPREGS.size(), USER_FPREGS, FP_REGISTERS)
                    : FILLED.contains(request) && c.options.structs() ? dataAtExit(c, c.arg(i)) : atEntry;
        })));
    }

    private static Value addr(Call c, int i) {
        long request = c.arg(0);
        long addr = c.arg(i);
        if (request == TRACEME || PID_ONLY.contains(request)) {
            return null;
        }
        if (REGS.contains(request)) {
            return null;
        }
        if (request == GETREGSET || request == SETREGSET) {
            return Decode.sym("nt_descriptor_types", addr & 0xffffffffL, Value.Radix.HEX, "NT_???");
        }
        if (NUMBER_ADDR.contains(request)) {
            return Value.Num.udec(addr);
        }
        if (request == PEEKSIGINFO) {
            Bytes b = Decode.struct(c, addr, PEEKSIGINFO_ARGS.size());
            return b == null ? Decode.ptr(addr) : Decode.struct(Decode.field("off", Value.Num.udec(b.u(OFF))),
                    Decode.field("flags", Decode.flags("ptrace_peeksiginfo_flags", b.u(FLAGS), "PTRACE_PEEKSIGINFO_???")),
                    Decode.field("nr", Value.Num.udec(b.u(NR))));
        }
        return Decode.ptr(addr);
    }

    /** Requests that show no data argument. */
    private static boolean noData(long request) {
        return request == TRACEME || PID_ONLY.contains(request);
    }

    private static Value dataAtEntry(Call c, long data) {
        long request = c.arg(0);
        if (noData(request)) {
            return null;
        }
        if (request == SETREGS) {
            return registers(c, data, USER_REGS.size(), USER_REGS, REGISTERS);
        }
        if (request == SETFPREGS) {
            return registers(c, data, USER_FPREGS.size(), USER_FPREGS, FP_REGISTERS);
        }
        if (RESUME.contains(request)) {
            return Siginfo.signal((int) data);
        }
        if (request == SEIZE || request == SETOPTIONS || request == OLDSETOPTIONS) {
            return Decode.flags("ptrace_setoptions_flags", data, "PTRACE_O_???");
        }
        if (request == SETSIGINFO) {
            return Siginfo.at(c, data);
        }
        if (request == SETSIGMASK) {
            return SigsetDecoder.at(c, data, c.arg(2));
        }
        if (request == GETREGSET || request == SETREGSET) {
            return regset(c, data);
        }
        if (request == SECCOMP_GET_METADATA) {
            Bytes b = Long.compareUnsigned(c.arg(2), FILTER_OFF.size()) < 0 ? null : Decode.struct(c, data, FILTER_OFF.size());
            return b == null ? Decode.ptr(data) : Decode.struct(Decode.field("filter_off", Value.Num.udec(b.u(FILTER_OFF))));
        }
        return Decode.ptr(data);
    }

    /**
     * seccomp_metadata at exit: filter_off as read at entry, then the flags when the call
     * succeeded and returned more than filter_off ({@code ???} when short or unreadable).
     */
    private static Value metadataAtExit(Call c, Value atEntry) {
        if (!(atEntry instanceof Value.Struct s) || c.failed() || c.ret() <= METADATA_FLAGS.offset()) {
            return atEntry;
        }
        Bytes b = c.ret() < METADATA.size() ? null : Decode.struct(c, c.arg(3), METADATA.size());
        Value flags = b == null ? Value.UNAVAILABLE
                : Decode.flags("seccomp_filter_flags", b.u(METADATA_FLAGS), "SECCOMP_FILTER_FLAG_???");
        return new Value.Struct(List.of(s.fields().get(0), Decode.field("flags", flags)), c.ret() > METADATA.size());
    }

    private static Value dataAtExit(Call c, long data) {
        long request = c.arg(0);
        if (request == PEEKTEXT || request == PEEKDATA || request == PEEKUSER) {
            return Decode.indirect(c, data, 8, Decode::ptr);
        }
        if (request == GETEVENTMSG) {
            return Decode.indirect(c, data, 8, Value.Num::udec);
        }
        if (request == GETSIGINFO) {
            return Siginfo.at(c, data);
        }
        if (request == GETSIGMASK) {
            return SigsetDecoder.at(c, data, c.arg(2));
        }
        if (request == GET_SYSCALL_INFO) {
            return PtraceSyscallInfo.at(c, data, c.arg(2));
        }
        if (request == PEEKSIGINFO) {
            return c.failed() ? Decode.ptr(data) : IoArrays.array(c, data, c.ret(), Siginfo.SIZE, Siginfo::decode);
        }
        return Decode.ptr(data);
    }

    /** The iovec of GETREGSET/SETREGSET: the registers, and the length the kernel may shorten. */
    private static Value regset(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, IOV.size());
        return b == null ? Decode.ptr(addr) : Decode.struct(Decode.field("iov_base", regsetBase(c, b.u(IOV_BASE), b.u(IOV_LEN))),
                Decode.field("iov_len", Value.Num.udec(b.u(IOV_LEN))));
    }

    /** What a regset holds: NT_PRSTATUS's and NT_FPREGSET's registers, other types' address (strace's decode_regset). */
    private static Value regsetBase(Call c, long addr, long len) {
        long type = c.arg(2) & 0xffffffffL;
        return type == NT_PRSTATUS ? registers(c, addr, len, USER_REGS, REGISTERS)
                : type == NT_FPREGSET ? registers(c, addr, len, USER_FPREGS, FP_REGISTERS) : Decode.ptr(addr);
    }

    /**
     * The iovec at exit: GETREGSET's registers as the kernel wrote them; {@code iov_len=N => M}
     * when the kernel changed the length.
     */
    private static Value regsetAtExit(Call c, Value atEntry) {
        if (!(atEntry instanceof Value.Struct s)) {
            return atEntry;
        }
        Bytes b = Decode.struct(c, c.arg(3), IOV.size());
        if (b == null) {
            return atEntry;
        }
        Value before = s.fields().get(1).value(), after = Value.Num.udec(b.u(IOV_LEN));
        Value base = c.arg(0) == GETREGSET ? regsetBase(c, b.u(IOV_BASE), b.u(IOV_LEN)) : s.fields().get(0).value();
        return Decode.struct(Decode.field("iov_base", base),
                Decode.field("iov_len", before.equals(after) ? before : new Value.Changed(before, after)));
    }

    /**
     * {@code size} bytes of a user_regs_struct or user_fpregs_struct (strace's x86_64
     * arch_decode_prstatus_regset and arch_decode_fpregset): the registers they hold in hex (the
     * FP arrays as 32-bit words, as far as the size goes), {@code ...} past the struct; a size
     * that is no multiple of 8 is an address.
     */
    private static Value registers(Call c, long addr, long size, Layout layout, List<Layout.Field> registers) {
        if (size == 0 || (size & 7) != 0) {
            return Decode.ptr(addr);
        }
        int fetch = (int) Math.min(size, layout.size());
        Bytes b = Decode.outStruct(c, addr, fetch);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new java.util.ArrayList<>();
        for (Layout.Field r : registers) {
            if (r.offset() >= fetch) {
                break;
            }
            if (r.size() <= 8) {
                f.add(Decode.field(r.name(), Value.Num.hex(b.u(r))));
            } else {
                int words = Math.min(fetch - r.offset(), r.size()) / 4;
                List<Value> w = new java.util.ArrayList<>(words);
                for (int k = 0; k < words; k++) {
                    w.add(Value.Num.hex(b.u32(r.offset() + 4 * k)));
                }
                f.add(Decode.field(r.name(), new Value.Arr(w, false)));
            }
        }
        return new Value.Struct(f, Long.compareUnsigned(size, layout.size()) > 0);
    }

    private static List<Layout.Field> fields(Layout layout, String... names) {
        return java.util.Arrays.stream(names).map(layout::field).toList();
    }
}

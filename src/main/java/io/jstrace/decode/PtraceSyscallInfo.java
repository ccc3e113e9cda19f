package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * PTRACE_GET_SYSCALL_INFO's struct ptrace_syscall_info at exit, as strace's
 * ptrace_syscall_info.c prints it: as much of it as both the caller's buffer and the kernel's
 * answer cover, with the entry, exit or seccomp part its op says it holds.
 */
final class PtraceSyscallInfo {
    private PtraceSyscallInfo() {}

    private static final Layout L = Layout.of("ptrace_syscall_info");
    private static final Layout.Field OP = L.field("op"), ARCH = L.field("arch"), IP = L.field("instruction_pointer"),
            SP = L.field("stack_pointer"), ENTRY_NR = L.field("entry.nr"), ENTRY_ARGS = L.field("entry.args"),
            RVAL = L.field("exit.rval"), IS_ERROR = L.field("exit.is_error"), SECCOMP_NR = L.field("seccomp.nr"),
            SECCOMP_ARGS = L.field("seccomp.args"), RET_DATA = L.field("seccomp.ret_data");
    private static final long OP_ENTRY = 1, OP_EXIT = 2, OP_SECCOMP = 3;
    /** The most strace reads: up to the end of the seccomp part. */
    private static final int SECCOMP_SIZE = end(RET_DATA), EXIT_SIZE = end(IS_ERROR);

    /** The struct at {@code addr}, of which the caller's buffer has {@code userLen} bytes. */
    static Value at(Call c, long addr, long userLen) {
        // A failed call's return value is no length: strace's min() with -1 as unsigned leaves userLen.
        long kernelLen = c.failed() ? -1 : c.ret();
        long retLen = Long.compareUnsigned(userLen, kernelLen) < 0 ? userLen : kernelLen;
        int size = (int) (Long.compareUnsigned(retLen, SECCOMP_SIZE) < 0 ? retLen : SECCOMP_SIZE);
        Bytes read = size == 0 ? null : Decode.struct(c, addr, size);
        if (read == null) {
            return Decode.ptr(addr);
        }
        Bytes b = new Bytes(java.util.Arrays.copyOf(read.b(), L.size()));
        long op = b.u(OP), arch = b.u(ARCH);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("op", Decode.sym("ptrace_syscall_info_op", op, Value.Radix.HEX, "PTRACE_SYSCALL_INFO_???")));
        if (size >= end(ARCH)) {
            f.add(Decode.field("arch", Decode.sym("audit_arch", arch, Value.Radix.HEX, "AUDIT_ARCH_???")));
        }
        if (size >= end(IP)) {
            f.add(Decode.field("instruction_pointer", Decode.ptr(b.u(IP))));
        }
        if (size >= end(SP)) {
            f.add(Decode.field("stack_pointer", Decode.ptr(b.u(SP))));
        }
        if (size >= end(ENTRY_NR)) {
            if (op == OP_ENTRY) {
                f.add(Decode.field("entry", call(b, size, ENTRY_NR, ENTRY_ARGS, arch, false)));
            } else if (op == OP_SECCOMP) {
                f.add(Decode.field("seccomp", call(b, size, SECCOMP_NR, SECCOMP_ARGS, arch, true)));
            } else if (op == OP_EXIT) {
                f.add(Decode.field("exit", exit(b, size)));
            }
        }
        return new Value.Struct(f, false);
    }

    /** The entry or seccomp part: the syscall, the arguments the size covers, and seccomp's ret_data when whole. */
    private static Value call(Bytes b, int size, Layout.Field nr, Layout.Field args, long arch, boolean seccomp) {
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("nr", Decode.syscallNumber(b.u(nr), arch)));
        int n = Math.min((size - args.offset()) / 8, args.size() / 8);
        if (n > 0) {
            List<Value> a = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                a.add(Value.Num.hex(b.s64(args.offset() + 8 * i)));
            }
            f.add(Decode.field("args", new Value.Arr(a, false)));
        }
        if (seccomp && size >= SECCOMP_SIZE) {
            f.add(Decode.field("ret_data", Value.Num.udec(b.u(RET_DATA))));
        }
        return new Value.Struct(f, false);
    }

    /** The exit part: the return value (an error by name when is_error is there and set), and is_error when there. */
    private static Value exit(Bytes b, int size) {
        boolean whole = size >= EXIT_SIZE;
        long rval = b.s(RVAL);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("rval", whole && b.u(IS_ERROR) != 0 ? Decode.negatedErrno(rval) : Value.Num.dec(rval)));
        if (whole) {
            f.add(Decode.field("is_error", Value.Num.udec(b.u(IS_ERROR))));
        }
        return new Value.Struct(f, false);
    }

    private static int end(Layout.Field f) {
        return f.offset() + f.size();
    }
}

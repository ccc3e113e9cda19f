package io.jstrace.decode;

import io.jstrace.model.Value;

/**
 * prctl's arguments after the option, as strace prints them for each option: some options
 * show no further argument, some a string or a signal, and the rest their arguments in hex.
 * All are decoded at exit (see ProcessKinds), so output arguments can be read.
 */
final class PrctlDecoder {
    private PrctlDecoder() {}

    private static final int PR_SET_PDEATHSIG = 1, PR_GET_PDEATHSIG = 2, PR_GET_DUMPABLE = 3,
            PR_SET_DUMPABLE = 4, PR_GET_KEEPCAPS = 7, PR_SET_KEEPCAPS = 8, PR_GET_FPEMU = 9, PR_SET_FPEMU = 10,
            PR_GET_FPEXC = 11, PR_SET_FPEXC = 12, PR_GET_TIMING = 13, PR_SET_TIMING = 14, PR_SET_NAME = 15,
            PR_GET_NAME = 16, PR_GET_ENDIAN = 19, PR_SET_ENDIAN = 20, PR_GET_SECCOMP = 21,
            PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24,
            PR_SET_TIMERSLACK = 29, PR_GET_TIMERSLACK = 30, PR_TASK_PERF_EVENTS_DISABLE = 31,
            PR_TASK_PERF_EVENTS_ENABLE = 32, PR_SET_CHILD_SUBREAPER = 36, PR_GET_CHILD_SUBREAPER = 37,
            PR_GET_TID_ADDRESS = 40, PR_SET_NO_NEW_PRIVS = 38, PR_SET_THP_DISABLE = 41, PR_SET_IO_FLUSHER = 57;
    private static final int TASK_COMM_LEN = 16;

    static Value option(Call c) {
        return Decode.sym("prctl_options", c.intArg(0) & 0xffffffffL, Value.Radix.HEX, "PR_???");
    }

    /** Argument {@code i} (1..4) for the option in argument 0, or null when strace omits it. */
    static Value arg(Call c, int i) {
        int option = c.intArg(0);
        long a = c.arg(i);
        switch (option) {
            case PR_GET_KEEPCAPS, PR_GET_SECCOMP, PR_GET_TIMERSLACK, PR_GET_TIMING, PR_GET_DUMPABLE,
                 PR_TASK_PERF_EVENTS_DISABLE, PR_TASK_PERF_EVENTS_ENABLE -> {
                return null;
            }
            // Output arguments, filled by the call: the address when it failed.
            case PR_GET_CHILD_SUBREAPER, PR_GET_ENDIAN, PR_GET_FPEMU, PR_GET_FPEXC -> {
                return i != 1 ? null : c.failed() ? Decode.ptr(a) : CloneDecoder.intAt(c, a, true);
            }
            case PR_GET_NAME -> {
                return i != 1 ? null : c.failed() ? Decode.ptr(a) : Decode.cstring(c, a, Math.min(TASK_COMM_LEN, c.options.stringLimit()));
            }
            case PR_GET_PDEATHSIG -> {
                if (i != 1) {
                    return null;
                }
                Bytes b = c.failed() ? null : Decode.struct(c, a, 4);
                return b == null ? Decode.ptr(a) : new Value.Arr(java.util.List.of(Siginfo.signal(b.s32(0))), false);
            }
            case PR_GET_TID_ADDRESS -> {
                if (i != 1) {
                    return null;
                }
                Long v = c.failed() ? null : c.memory.readLong(c.tid, a);
                return v == null ? Decode.ptr(a) : new Value.Arr(java.util.List.of(Decode.ptr(v)), false);
            }
            case PR_SET_CHILD_SUBREAPER, PR_SET_ENDIAN, PR_SET_FPEMU, PR_SET_FPEXC, PR_SET_KEEPCAPS, PR_SET_TIMING -> {
                return i == 1 ? Value.Num.udec(a) : null;
            }
            case PR_CAPBSET_READ, PR_CAPBSET_DROP -> {
                return i == 1 ? Decode.sym("capabilities", a, Value.Radix.HEX, "CAP_???") : null;
            }
            case PR_SET_DUMPABLE -> {
                return i == 1 ? Decode.sym("pr_dumpable", a, Value.Radix.HEX, "SUID_DUMP_???") : null;
            }
            case PR_SET_NAME -> {
                return i == 1 ? Decode.cstring(c, a, Math.min(TASK_COMM_LEN - 1, c.options.stringLimit())) : null;
            }
            case PR_SET_PDEATHSIG -> {
                return i != 1 ? null : Long.compareUnsigned(a, 128) > 0 ? Value.Num.udec(a) : Siginfo.signal((int) a);
            }
            case PR_SET_TIMERSLACK -> {
                return i == 1 ? Value.Num.dec(a) : null;
            }
            case PR_SET_NO_NEW_PRIVS, PR_SET_THP_DISABLE, PR_SET_IO_FLUSHER -> {
                return i == 1 ? Value.Num.udec(a) : Value.Num.hex(a);
            }
            default -> {
                return Value.Num.hex(a);
            }
        }
    }

    /** The return value, with PR_GET_DUMPABLE's meaning: {@code = 1 (SUID_DUMP_USER)}. */
    static Value detail(Call c) {
        if (c.intArg(0) == PR_GET_DUMPABLE) {
            String n = io.jstrace.xlat.Xlat.of("pr_dumpable").name(c.ret());
            return n == null ? null : new Value.Sym(n, c.ret());
        }
        return null;
    }
}

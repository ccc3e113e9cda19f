package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Signals;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code siginfo_t} (128 bytes) as strace prints it in {@code --- SIG... {...} ---} and waitid. */
public final class Siginfo {
    private Siginfo() {}

    private static final int SI_USER = 0, SI_QUEUE = -1, SI_TIMER = -2, SI_MESGQ = -3, SI_TKILL = -6;
    private static final int CLD_EXITED = 1;
    /** The signals with si_code values of their own, and the tables of those. */
    private static final Map<Integer, String> CODE_TABLES = Map.of(Signals.SIGCHLD, "sigchld_codes",
            Signals.SIGSEGV, "sigsegv_codes", Signals.SIGBUS, "sigbus_codes", Signals.SIGILL, "sigill_codes",
            Signals.SIGFPE, "sigfpe_codes", Signals.SIGTRAP, "sigtrap_codes", Signals.SIGPOLL, "sigpoll_codes",
            Signals.SIGSYS, "sigsys_codes");

    public static Value decode(Bytes b) {
        int signo = b.s32(0);
        int errno = b.s32(4);
        int code = b.s32(8);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("si_signo", signal(signo)));
        if (errno != 0) {
            f.add(Decode.field("si_errno", Decode.sym("errno", errno, Value.Radix.DEC, null)));
        }
        f.add(Decode.field("si_code", code(signo, code)));
        if (code <= 0) {
            switch (code) {
                case SI_USER, SI_TKILL -> pidUid(b, f);
                case SI_QUEUE, SI_MESGQ -> {
                    pidUid(b, f);
                    f.add(Decode.field("si_int", Value.Num.dec(b.s32(24))));
                    f.add(Decode.field("si_ptr", Decode.ptr(b.s64(24))));
                }
                case SI_TIMER -> {
                    f.add(Decode.field("si_timerid", Value.Num.hex(b.u32(16))));
                    f.add(Decode.field("si_overrun", Value.Num.dec(b.s32(20))));
                    f.add(Decode.field("si_int", Value.Num.dec(b.s32(24))));
                    f.add(Decode.field("si_ptr", Decode.ptr(b.s64(24))));
                }
                default -> { }
            }
        } else {
            if (signo == Signals.SIGCHLD) {
                pidUid(b, f);
                int st = b.s32(24);
                f.add(Decode.field("si_status", code == CLD_EXITED ? Value.Num.dec(st) : signal(st)));
                f.add(Decode.field("si_utime", clockTicks(b.s64(32))));
                f.add(Decode.field("si_stime", clockTicks(b.s64(40))));
            } else if (faults(signo)) {
                f.add(Decode.field("si_addr", Decode.ptr(b.s64(16))));
            } else if (signo == Signals.SIGPOLL) {
                f.add(Decode.field("si_band", Value.Num.dec(b.s64(16))));
                f.add(Decode.field("si_fd", Value.Num.dec(b.s32(24))));
            } else if (signo == Signals.SIGSYS) {
                f.add(Decode.field("si_call_addr", Decode.ptr(b.s64(16))));
                int nr = b.s32(24);
                var sc = io.jstrace.syscalls.SyscallTable.x86_64().byNumber(nr);
                f.add(Decode.field("si_syscall", sc != null ? new Value.Sym("__NR_" + sc.name(), nr) : Value.Num.dec(nr)));
                f.add(Decode.field("si_arch", b.u32(28) == 0xc000003eL
                        ? new Value.Sym("AUDIT_ARCH_X86_64", b.u32(28)) : Value.Num.hex(b.u32(28))));
            } else if (b.s32(16) != 0 || b.s32(20) != 0) {
                pidUid(b, f);
            }
        }
        return new Value.Struct(f, false);
    }

    /** The signals whose siginfo carries the faulting address. */
    private static boolean faults(int signo) {
        return signo == Signals.SIGILL || signo == Signals.SIGFPE || signo == Signals.SIGSEGV
                || signo == Signals.SIGBUS || signo == Signals.SIGTRAP;
    }

    /** CPU time in clock ticks (USER_HZ, 100 on Linux), with seconds in a comment when not zero. */
    private static Value clockTicks(long ticks) {
        Value n = Value.Num.udec(ticks);
        return ticks == 0 ? n : new Value.Commented(n, String.format("%d.%02d s", ticks / 100, ticks % 100));
    }

    private static void pidUid(Bytes b, List<Value.Field> f) {
        f.add(Decode.field("si_pid", Value.Num.dec(b.s32(16))));
        f.add(Decode.field("si_uid", Value.Num.udec(b.u32(20))));
    }

    /** A signal number by name ({@code SIGCHLD}, {@code SIGRT_3}), or the number. */
    public static Value signal(int sig) {
        String name = signalName(sig);
        return name != null ? new Value.Sym(name, sig) : Value.Num.dec(sig);
    }

    /** strace's names: SIGHUP..SIGSYS, SIGRTMIN for 32, SIGRT_n above it. */
    public static String signalName(int sig) {
        String n = Xlat.of("signals").name(sig);
        if (n != null) {
            return n;
        }
        if (sig == 32) {
            return "SIGRTMIN";
        }
        if (sig > 32 && sig <= 64) {
            return "SIGRT_" + (sig - 32);
        }
        return null;
    }

    private static Value code(int signo, int code) {
        String table = code <= 0 || code == 0x80 ? "si_codes" : CODE_TABLES.getOrDefault(signo, "si_codes");
        return Decode.sym(table, code, Value.Radix.DEC, null);
    }
}

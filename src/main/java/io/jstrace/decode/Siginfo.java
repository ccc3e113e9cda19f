package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code siginfo_t} as strace's printsiginfo shows it in {@code --- SIG... {...} ---}, waitid and
 * the calls that queue signals: the signal, its code, then the members that code and signal use.
 */
public final class Siginfo {
    private Siginfo() {}

    private static final Layout L = Layout.of("siginfo");
    private static final long AUDIT_ARCH_X86_64 = Xlat.of("audit_arch").value("AUDIT_ARCH_X86_64").orElseThrow();
    public static final int SIZE = L.size();
    private static final Layout.Field SIGNO = L.field("si_signo"), ERRNO = L.field("si_errno"),
            CODE = L.field("si_code"), PID = L.field("si_pid"), UID = L.field("si_uid"),
            STATUS = L.field("si_status"), UTIME = L.field("si_utime"), STIME = L.field("si_stime"),
            INT = L.field("si_int"), PTR = L.field("si_ptr"), ADDR = L.field("si_addr"), BAND = L.field("si_band"),
            FD = L.field("si_fd"), TIMERID = L.field("si_timerid"), OVERRUN = L.field("si_overrun"),
            CALL_ADDR = L.field("si_call_addr"), SYSCALL = L.field("si_syscall"), ARCH = L.field("si_arch"),
            LOWER = L.field("si_lower"), UPPER = L.field("si_upper"), PKEY = L.field("si_pkey"),
            ADDR_LSB = L.field("si_addr_lsb");

    private static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGCHLD = 17,
            SIGPOLL = 29, SIGSYS = 31;
    private static final int SI_USER = 0, SI_TIMER = -2, SI_SIGIO = -5, SI_TKILL = -6;
    private static final int CLD_EXITED = 1, SEGV_BNDERR = 3, SEGV_PKUERR = 4, BUS_MCEERR_AR = 4, BUS_MCEERR_AO = 5,
            POLL_IN = 1, POLL_HUP = 6;

    /** The struct; {@code {}} when it holds no signal (waitid with WNOHANG and no child). */
    public static Value decode(Bytes b) {
        return decode(b, false, Value.Num::dec, Siginfo::bareFd);
    }

    /** {@link #decode(Bytes)} with si_pid as {@code pid} shows a process id (-Y, --pidns-translation). */
    public static Value decode(Bytes b, IntFunction<Value> pid) {
        return decode(b, false, pid, Siginfo::bareFd);
    }

    /** {@link #decode(Bytes)}; {@code raw}: as -X raw shows it (CPU times without seconds). */
    /** An fd without -y's path: the struct was not read for a call. */
    private static Value bareFd(int fd) {
        return new Value.Fd(fd, null, null);
    }

    /** {@link #decode(Bytes)} with si_pid and si_fd as the caller shows them. */
    static Value decode(Bytes b, boolean raw, IntFunction<Value> pid, IntFunction<Value> fd) {
        int signo = (int) b.s(SIGNO);
        List<Value.Field> f = new ArrayList<>();
        if (signo == 0) {
            return new Value.Struct(f, false);
        }
        int code = (int) b.s(CODE);
        f.add(Decode.field("si_signo", signal(signo)));
        f.add(Decode.field("si_code", code(signo, code)));
        long errno = b.u(ERRNO);
        if (errno != 0) {
            String n = Xlat.of("errno").name(errno);
            f.add(Decode.field("si_errno", n != null ? new Value.Decoded(errno, Value.Radix.UDEC, new Value.Sym(n, errno), true) : Value.Num.udec(errno)));
        }
        if (code <= 0) {
            fromUser(b, code, f, pid, fd);
        } else {
            fromKernel(b, signo, code, raw, f, pid, fd);
        }
        return new Value.Struct(f, false);
    }

    /** strace's printsiginfo_at: NULL, the address when unreadable, or the struct. */
    static Value at(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, SIZE);
        return b == null ? Decode.ptr(addr)
                : decode(b, c.options.xstyle() == DecodeOptions.Xstyle.RAW, pid -> Pids.of(c, pid, Pids.Type.TGID), fd -> Decode.fd(c, fd));
    }

    private static void fromUser(Bytes b, int code, List<Value.Field> f, IntFunction<Value> pid, IntFunction<Value> fd) {
        switch (code) {
            case SI_USER, SI_TKILL -> source(b, f, pid);
            case SI_TIMER -> {
                f.add(Decode.field("si_timerid", Value.Num.hex(b.u(TIMERID))));
                f.add(Decode.field("si_overrun", Value.Num.dec(b.s(OVERRUN))));
                value(b, f);
            }
            case SI_SIGIO -> {
                f.add(Decode.field("si_band", Value.Num.dec(b.s(BAND))));
                f.add(Decode.field("si_fd", fd.apply((int) b.s(FD))));
            }
            default -> {
                source(b, f, pid);
                if (b.u(PTR) != 0) {
                    value(b, f);
                }
            }
        }
    }

    private static void fromKernel(Bytes b, int signo, int code, boolean raw, List<Value.Field> f,
                                   IntFunction<Value> pid, IntFunction<Value> fd) {
        switch (signo) {
            case SIGCHLD -> {
                source(b, f, pid);
                int st = (int) b.s(STATUS);
                f.add(Decode.field("si_status", code == CLD_EXITED ? Value.Num.dec(st) : signal(st)));
                f.add(Decode.field("si_utime", ProcessStructs.clockTicks(b.u(UTIME), raw)));
                f.add(Decode.field("si_stime", ProcessStructs.clockTicks(b.u(STIME), raw)));
            }
            case SIGILL, SIGFPE, SIGTRAP -> f.add(Decode.field("si_addr", Decode.ptr(b.u(ADDR))));
            case SIGBUS -> {
                f.add(Decode.field("si_addr", Decode.ptr(b.u(ADDR))));
                if (code == BUS_MCEERR_AR || code == BUS_MCEERR_AO) {
                    f.add(Decode.field("si_addr_lsb", Value.Num.hex(b.u(ADDR_LSB))));
                }
            }
            case SIGSEGV -> {
                f.add(Decode.field("si_addr", Decode.ptr(b.u(ADDR))));
                if (code == SEGV_BNDERR) {
                    f.add(Decode.field("si_lower", Decode.ptr(b.u(LOWER))));
                    f.add(Decode.field("si_upper", Decode.ptr(b.u(UPPER))));
                } else if (code == SEGV_PKUERR) {
                    f.add(Decode.field("si_pkey", Value.Num.udec(b.u(PKEY))));
                }
            }
            case SIGPOLL -> {
                if (code >= POLL_IN && code <= POLL_HUP) {
                    f.add(Decode.field("si_band", Value.Num.dec(b.s(BAND))));
                    f.add(Decode.field("si_fd", fd.apply((int) b.s(FD))));
                }
            }
            case SIGSYS -> {
                f.add(Decode.field("si_call_addr", Decode.ptr(b.u(CALL_ADDR))));
                int nr = (int) b.s(SYSCALL);
                // The number is named only for the architecture whose table this is (strace's syscall_name_arch).
                Syscall sc = b.u(ARCH) == AUDIT_ARCH_X86_64 ? SyscallTable.x86_64().byNumber(nr) : null;
                f.add(Decode.field("si_syscall", sc != null ? new Value.Sym("__NR_" + sc.name(), nr) : Value.Num.udec(nr & 0xffffffffL)));
                f.add(Decode.field("si_arch", Decode.sym("audit_arch", b.u(ARCH), Value.Radix.HEX, "AUDIT_ARCH_???")));
            }
            default -> {
                if (b.s(PID) != 0 || b.u(UID) != 0) {
                    source(b, f, pid);
                }
                if (b.u(PTR) != 0) {
                    value(b, f);
                }
            }
        }
    }

    /** Who sent it: si_pid and si_uid. */
    private static void source(Bytes b, List<Value.Field> f, IntFunction<Value> pid) {
        f.add(Decode.field("si_pid", pid.apply((int) b.s(PID))));
        f.add(Decode.field("si_uid", Decode.uid(b.u(UID))));
    }

    /** The value sent with it: si_int and si_ptr (a union). */
    private static void value(Bytes b, List<Value.Field> f) {
        f.add(Decode.field("si_int", Value.Num.dec(b.s(INT))));
        f.add(Decode.field("si_ptr", Decode.ptr(b.u(PTR))));
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

    /** The generic codes first, then the signal's own (strace's print_si_code); unnamed in hex. */
    private static Value code(int signo, int code) {
        long v = code & 0xffffffffL;
        String n = Xlat.of("si_codes").name(code);
        if (n == null) {
            String table = switch (signo) {
                case SIGCHLD -> "sigchld_codes";
                case SIGSEGV -> "sigsegv_codes";
                case SIGBUS -> "sigbus_codes";
                case SIGILL -> "sigill_codes";
                case SIGFPE -> "sigfpe_codes";
                case SIGTRAP -> "sigtrap_codes";
                case SIGPOLL -> "sigpoll_codes";
                case SIGSYS -> "sigsys_codes";
                default -> null;
            };
            n = table == null ? null : Xlat.of(table).name(code);
        }
        return n != null ? new Value.Sym(n, v) : Value.Num.hex(v);
    }
}

package io.jstrace.decode;

import io.jstrace.linux.Errno;
import io.jstrace.linux.Ptrace;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** Kinds for the signal family: signal numbers, sets, sigaction, siginfo, stack_t. */
final class SignalKinds implements KindFamily {
    private static final int SIGINFO_SIZE = 128;

    @Override
    public void register(Kinds k) {
        k.arg("sig_num", (c, i) -> Siginfo.signal(c.intArg(i)));
        // A sigset whose size is argument N, read at entry or (for output sets) at exit.
        k.argWithParam("sig_set", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> SigsetDecoder.at(c, c.arg(i), c.arg(n));
        });
        k.argWithParam("sig_set_out", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.atExit((c, i) -> SigsetDecoder.atExit(c, c.arg(i), c.arg(n)));
        });
        k.arg("sig_how", (c, i) -> Decode.sym("sigprocmask_cmds", c.intArg(i) & 0xffffffffL,
                Value.Radix.HEX, "SIG_???"));
        k.arg("sig_action", (c, i) -> SigactionDecoder.at(c, c.arg(i)));
        k.arg("sig_action_out", ArgKind.atExit((c, i) -> SigactionDecoder.at(c, c.arg(i))));
        k.arg("sig_info", (c, i) -> siginfo(c, c.arg(i)));
        k.arg("sig_info_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : siginfo(c, c.arg(i))));
        k.arg("sig_return_mask", (c, i) -> sigreturnMask(c));
        k.arg("sig_stack", (c, i) -> stack(c, c.arg(i)));
        k.arg("sig_stack_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i)) : stack(c, c.arg(i))));
        k.arg("sig_timespec", (c, i) -> SignalKinds.timespec(c, c.arg(i)));
        // A return value that is a signal number: {@code = 17 (SIGCHLD)}.
        k.ret("sig_num", ReturnKind.decimalWith(c -> {
            String n = c.ret() == 0 ? null : Siginfo.signalName((int) c.ret());
            return n == null ? null : new Value.Sym(n, c.ret());
        }));
    }

    static Value siginfo(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Bytes b = Decode.struct(c, addr, SIGINFO_SIZE);
        if (b == null) {
            return Decode.ptr(addr);
        }
        // strace prints an all-zero siginfo (waitid with WNOHANG and no child) as {}.
        return b.s32(0) == 0 ? new Value.Struct(List.of(), false) : Siginfo.decode(b);
    }

    /** {@code struct timespec} as {@code {tv_sec=1, tv_nsec=0}}. */
    static Value timespec(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Bytes b = Decode.struct(c, addr, 16);
        if (b == null) {
            return Decode.ptr(addr);
        }
        return Decode.struct(Decode.field("tv_sec", Value.Num.dec(b.s64(0))),
                Decode.field("tv_nsec", Value.Num.dec(b.s64(8))));
    }

    /** {@code stack_t}: ss_sp, ss_flags (int), ss_size. */
    private static Value stack(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Bytes b = Decode.struct(c, addr, 24);
        if (b == null) {
            return Decode.ptr(addr);
        }
        return Decode.struct(Decode.field("ss_sp", Decode.ptr(b.s64(0))),
                Decode.field("ss_flags", Decode.flags("sigaltstack_flags", b.u32(8))),
                Decode.field("ss_size", Value.Num.udec(b.s64(16))));
    }

    /*
     * rt_sigreturn takes no arguments: the mask being restored is in the signal frame on the
     * stack. The handler's return popped the frame's pretcode, so the frame starts 8 bytes below
     * the stack pointer, and uc_sigmask is 304 bytes into the frame (pretcode 8, uc_flags 8,
     * uc_link 8, uc_stack 24, uc_mcontext 256).
     */
    private static final int PTRACE_PEEKUSER = 3;
    private static final long USER_REGS_RSP = 19 * 8;
    private static final long FRAME_MASK_OFFSET = 304;

    private static Value sigreturnMask(Call c) {
        long sp;
        try {
            sp = Ptrace.request(PTRACE_PEEKUSER, c.tid, USER_REGS_RSP, 0);
        } catch (Errno e) {
            return null;
        }
        Bytes b = Decode.struct(c, sp - 8 + FRAME_MASK_OFFSET, 8);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("mask", b == null ? Decode.ptr(sp - 8 + FRAME_MASK_OFFSET) : SigsetDecoder.decode(b, 8)));
        return new Value.Struct(f, false);
    }
}

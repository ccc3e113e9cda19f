package io.jstrace.decode;

import io.jstrace.linux.Ptrace;
import io.jstrace.linux.Regs;
import io.jstrace.model.Value;

import java.util.List;

/** Kinds for the signal family: signal numbers, sets, sigaction, siginfo, stack_t. */
final class SignalKinds implements KindFamily {
    private static final Layout STACK = Layout.of("stack_t");
    private static final Layout.Field SS_SP = STACK.field("ss_sp"), SS_FLAGS = STACK.field("ss_flags"),
            SS_SIZE = STACK.field("ss_size");
    /** rt_sigreturn's frame: the handler's return address, then the ucontext with the mask to restore. */
    private static final int FRAME_MASK = 8 + Layout.of("ucontext").field("uc_sigmask").offset();

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
            return ArgKind.atExit((c, i) -> SigsetDecoder.at(c, c.arg(i), c.arg(n)));
        });
        // rt_sigpending takes sets of any size up to the kernel's (the old sigpending shares it).
        k.arg("sig_pending_set", ArgKind.atExit((c, i) -> SigsetDecoder.at(c, c.arg(i), c.arg(i + 1), 1)));
        k.arg("sig_how", (c, i) -> Decode.sym("sigprocmask_cmds", c.intArg(i) & 0xffffffffL,
                Value.Radix.HEX, "SIG_???"));
        k.arg("sig_action", (c, i) -> SigactionDecoder.at(c, c.arg(i)));
        k.arg("sig_action_out", ArgKind.atExit((c, i) -> SigactionDecoder.at(c, c.arg(i))));
        k.arg("sig_info", (c, i) -> Siginfo.at(c, c.arg(i)));
        k.arg("sig_info_out", ArgKind.atExit((c, i) -> Siginfo.at(c, c.arg(i))));
        k.arg("sig_return_mask", (c, i) -> sigreturnMask(c));
        // restart_syscall continues the call a signal interrupted, as strace names it.
        k.arg("resumed_call", (c, i) -> new Value.Name("<... resuming interrupted "
                + (c.previous == null ? "system call" : c.previous) + " ...>"));
        k.arg("sig_stack", (c, i) -> stack(c, c.arg(i)));
        k.arg("sig_stack_out", ArgKind.atExit((c, i) -> stack(c, c.arg(i))));
        k.arg("sig_timespec", (c, i) -> TimeDecoder.timespecAt(c, c.arg(i)));
        // A return value that is a signal number: {@code = 17 (SIGCHLD)}.
        k.ret("sig_num", ReturnKind.decimalWith(c -> {
            String n = c.ret() == 0 ? null : Siginfo.signalName((int) c.ret());
            return n == null ? null : new Value.Sym(n, c.ret());
        }));
    }

    /** {@code stack_t}: ss_sp, ss_flags, ss_size. */
    private static Value stack(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, STACK.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        return Decode.struct(Decode.field("ss_sp", Decode.ptr(b.u(SS_SP))),
                Decode.field("ss_flags", Decode.flags("sigaltstack_flags", b.u(SS_FLAGS), "SS_???")),
                Decode.field("ss_size", Value.Num.udec(b.u(SS_SIZE))));
    }

    /*
     * rt_sigreturn takes no arguments: the mask being restored is in the signal frame on the
     * stack. The handler's return popped the frame's return address, so the frame starts 8
     * bytes below the stack pointer.
     */
    private static Value sigreturnMask(Call c) {
        Regs regs = Ptrace.regs(c.tid);
        if (regs == null) {
            return null;
        }
        long mask = regs.rsp() - 8 + FRAME_MASK;
        Bytes b = Decode.struct(c, mask, SigsetDecoder.NSIG_BYTES);
        return new Value.Struct(List.of(Decode.field("mask",
                b == null ? Decode.ptr(mask) : SigsetDecoder.decode(b, SigsetDecoder.NSIG_BYTES))), false);
    }
}

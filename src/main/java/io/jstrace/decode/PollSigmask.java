package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** A signal mask given with its size (ppoll, pselect6, epoll_pwait), printed as strace's sprintsigmask_n. */
final class PollSigmask {
    private PollSigmask() {}

    private static final Layout SIGSET_ARG = Layout.of("kernel_sigset_arg");
    private static final Layout.Field SIGMASK = SIGSET_ARG.field("sigmask"), SIGSETSIZE = SIGSET_ARG.field("sigsetsize");

    /** strace's print_kernel_sigset: {@code {sigmask=[...], sigsetsize=8}} (pselect6's sixth argument, io_pgetevents' sig). */
    static Value kernelSigset(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Bytes b = Decode.struct(c, addr, SIGSET_ARG.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        return Decode.struct(Decode.field("sigmask", at(c, b.u(SIGMASK), b.u(SIGSETSIZE))),
                Decode.field("sigsetsize", Value.Num.udec(b.u(SIGSETSIZE))));
    }

    static Value at(Call c, long addr, long size) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        // The kernel rejects other sizes; strace then prints the address.
        if (size <= 0 || size > 128 || size % 4 != 0) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, (int) size);
        return b == null ? Decode.ptr(addr) : of(b, (int) size * 8);
    }

    /** Set bits as names; when more than half are set, the complement prefixed by {@code ~}. */
    static Value of(Bytes b, int bits) {
        int set = 0;
        for (int i = 0; i < bits; i++) {
            if (bit(b, i)) {
                set++;
            }
        }
        boolean invert = set * 2 > bits;
        List<Value> members = new ArrayList<>();
        for (int i = 0; i < bits; i++) {
            if (bit(b, i) != invert) {
                members.add(SigsetDecoder.member(i + 1));
            }
        }
        return new Value.BitSet(members, invert);
    }

    private static boolean bit(Bytes b, int i) {
        return (b.u8(i / 8) >> (i % 8) & 1) != 0;
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Signal sets as strace's sprintsigmask_n prints them: names without the SIG prefix
 * ({@code [INT QUIT]}), RTMIN and RT_n for real-time signals, and the complement
 * ({@code ~[KILL STOP]}) when at least two thirds of the bits are set.
 */
final class SigsetDecoder {
    private SigsetDecoder() {}

    /** The kernel's sigset is 64 bits (NSIG 65) on x86_64. */
    static final int NSIG_BYTES = 8;

    /** A set of {@code bytes} bytes (at most 8) held in {@code b}. */
    static Value decode(Bytes b, int bytes) {
        int words = bytes >= NSIG_BYTES ? NSIG_BYTES / 4 : (bytes + 3) / 4;
        long[] w = new long[words];
        int set = 0;
        for (int i = 0; i < words; i++) {
            w[i] = i * 4 + 4 <= b.length() ? b.u32(i * 4) : partial(b, i * 4);
            set += Long.bitCount(w[i]);
        }
        boolean inverted = set >= words * (32 * 2 / 3);
        List<Value> members = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            long bits = inverted ? ~w[i] & 0xffffffffL : w[i];
            for (int bit = 0; bit < 32; bit++) {
                if ((bits & (1L << bit)) != 0) {
                    members.add(member(i * 32 + bit + 1));
                }
            }
        }
        return new Value.BitSet(members, inverted);
    }

    private static long partial(Bytes b, int off) {
        long v = 0;
        for (int i = off; i < b.length() && i < off + 4; i++) {
            v |= (long) b.u8(i) << (8 * (i - off));
        }
        return v;
    }

    /** A set member: the signal's name without SIG ({@code KILL}, {@code RT_1}), its number for -X raw. */
    static Value member(int sig) {
        String n = Siginfo.signalName(sig);
        return n != null ? new Value.Sym(n.substring(3), sig) : Value.Num.dec(sig);
    }

    /**
     * A set at {@code addr} whose size is {@code len} (print_sigset_addr_len): a size that is
     * not between a word and the kernel's sigset prints the address instead, as does a failed
     * call's output set.
     */
    static Value at(Call c, long addr, long len) {
        return at(c, addr, len, 8);
    }

    /** {@link #at(Call, long, long)} with sizes from {@code minLen} bytes on (rt_sigpending takes any). */
    static Value at(Call c, long addr, long len, int minLen) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (len < minLen || len > NSIG_BYTES) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.outStruct(c, addr, (int) len);
        return b == null ? Decode.ptr(addr) : decode(b, (int) len);
    }
}

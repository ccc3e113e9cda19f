package io.jstrace.trace;

import java.util.BitSet;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * strace's qualify_tokens, behind -e signal=, status=, quiet=, read=, write=, decode-fds= and
 * decode-pids=: {@code [!]...all}, {@code [!]...none} or {@code [!]...TOKEN[,TOKEN]...}, each
 * leading '!' inverting the set; empty tokens vanish, and a token that is not one of the set's is
 * {@code invalid WHAT 'TOKEN'} ({@code invalid WHAT 'SPEC'} when there is no token at all).
 */
public final class TokenSet {
    private TokenSet() {}

    /** The set {@code spec} names; {@code number} maps a token to a member, or a negative for none. */
    public static IntPredicate parse(String spec, String what, ToIntFunction<String> number) {
        String s = spec;
        boolean inverted = false;
        while (s.startsWith("!")) {
            inverted = !inverted;
            s = s.substring(1);
        }
        if (s.equals("none") || s.equals("all")) {
            boolean all = s.equals("all") != inverted;
            return n -> all;
        }
        BitSet set = new BitSet();
        int n = -1;
        for (String token : s.split(",")) {
            if (token.isEmpty()) {
                continue;
            }
            n = number.applyAsInt(token);
            if (n < 0) {
                throw new IllegalArgumentException("invalid " + what + " '" + token + "'");
            }
            set.set(n);
        }
        if (n < 0) {
            throw new IllegalArgumentException("invalid " + what + " '" + spec + "'");
        }
        boolean not = inverted;
        return m -> (m >= 0 && set.get(m)) != not;
    }
}

package io.jstrace.cli;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

import io.jstrace.cli.Options.Quiet;

/**
 * The -e qualifiers that are plain sets of tokens, as strace's qualify_tokens reads them:
 * {@code [!]...all}, {@code [!]...none} or {@code [!]...TOKEN[,TOKEN]...}, each leading '!'
 * inverting the set. -e quiet= takes message names, -e read= and -e write= take fds.
 */
final class QualifyExpr {
    private QualifyExpr() {}

    /** -q, -qq, -qqq. */
    static final Set<Quiet> Q = Set.copyOf(EnumSet.of(Quiet.ATTACH, Quiet.PERSONALITY));
    static final Set<Quiet> QQ = Set.copyOf(EnumSet.of(Quiet.ATTACH, Quiet.PERSONALITY, Quiet.EXIT));
    static final Set<Quiet> QQQ = Set.copyOf(EnumSet.allOf(Quiet.class));

    static Set<Quiet> quiet(String spec) throws UsageError {
        IntPredicate in = tokens(spec, "quiet", QualifyExpr::quietItem);
        EnumSet<Quiet> set = EnumSet.noneOf(Quiet.class);
        for (Quiet q : Quiet.values()) {
            if (in.test(q.ordinal())) {
                set.add(q);
            }
        }
        return Set.copyOf(set);
    }

    private static int quietItem(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "attach" -> Quiet.ATTACH.ordinal();
            case "exit", "exits" -> Quiet.EXIT.ordinal();
            case "path-resolution" -> Quiet.PATH_RESOLUTION.ordinal();
            case "personality" -> Quiet.PERSONALITY.ordinal();
            case "thread-execve", "superseded" -> Quiet.THREAD_EXECVE.ordinal();
            default -> -1;
        };
    }

    /** -e read=, -e write=: descriptors 0 to INT_MAX. */
    static IntPredicate fds(String spec) throws UsageError {
        return tokens(spec, "descriptor", QualifyExpr::fd);
    }

    private static int fd(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The set {@code spec} names; {@code number} maps a token to a member, or -1 for "invalid WHAT 'TOKEN'". */
    private static IntPredicate tokens(String spec, String what, ToIntFunction<String> number) throws UsageError {
        boolean invert = false;
        String body = spec;
        while (body.startsWith("!")) {
            invert = !invert;
            body = body.substring(1);
        }
        boolean everything = invert;
        if (body.equals("all") || body.equals("none")) {
            boolean all = body.equals("all") != invert;
            return n -> all;
        }
        Set<Integer> set = new HashSet<>();
        for (String token : body.split(",")) {
            if (token.isEmpty()) {
                continue;
            }
            int n = number.applyAsInt(token);
            if (n < 0) {
                throw new UsageError("invalid " + what + " '" + token + "'");
            }
            set.add(n);
        }
        if (set.isEmpty()) {
            throw new UsageError("invalid " + what + " '" + spec + "'");
        }
        return n -> set.contains(n) != everything;
    }
}

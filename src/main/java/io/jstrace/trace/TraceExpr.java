package io.jstrace.trace;

import io.jstrace.decode.Siginfo;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * strace's -e trace= and -e signal= sets, read as strace 6.1's qualify_syscall_tokens and
 * qualify_tokens read them: {@code [!]...all}, {@code [!]...none} or comma-separated items, each
 * leading '!' inverting the set. A syscall item is a name, a number, a %class, a /regex (POSIX,
 * as glibc reads it), optionally {@code ?}-prefixed (no match is no error) and
 * {@code @64|@32|@x32}-suffixed (one personality). Like strace, an item is valid if it names a
 * syscall of any personality of x86_64 (i386's {@code mmap2}, x32's numbers); only the 64-bit
 * ones are traced. Shared by the command line and the Java API; a bad set is an
 * {@link IllegalArgumentException} worded as strace words it.
 */
public final class TraceExpr {
    private TraceExpr() {}

    /** A bad personality designator: strace adds its "Try -h" line to this one. */
    public static final class BadDesignator extends IllegalArgumentException {
        BadDesignator(String message) {
            super(message);
        }
    }

    /** A set of x86_64 syscall numbers, or everything but them. */
    public record SyscallSet(BitSet numbers, boolean inverted) implements Predicate<Syscall> {
        @Override
        public boolean test(Syscall s) {
            return numbers.get(s.number()) != inverted;
        }
    }

    private static final String[] DESIGNATORS = {"64", "32", "x32"};
    private static final int X32_SYSCALL_BIT = 0x40000000;

    public static SyscallSet syscalls(String spec, SyscallTable table) {
        String s = spec;
        boolean inverted = false;
        while (s.startsWith("!")) {
            inverted = !inverted;
            s = s.substring(1);
        }
        BitSet chosen = new BitSet();
        if (s.equals("none") || s.equals("all")) {
            return new SyscallSet(chosen, inverted == s.equals("none"));
        }
        boolean done = false;
        for (String token : tokens(s)) {
            done = item(token, table, chosen);
            if (!done) {
                throw new IllegalArgumentException("invalid system call '" + token + "'");
            }
        }
        if (!done) {
            throw new IllegalArgumentException("invalid system call '" + spec + "'");
        }
        return new SyscallSet(chosen, inverted);
    }

    /** strtok(",") as strace splits: empty items vanish. */
    private static List<String> tokens(String s) {
        return java.util.Arrays.stream(s.split(",")).filter(t -> !t.isEmpty()).toList();
    }

    /** One item: whether it named something (or was optional); the 64-bit syscalls it names go to {@code chosen}. */
    private static boolean item(String token, SyscallTable table, BitSet chosen) {
        boolean optional = false;
        while (token.startsWith("?")) {
            token = token.substring(1);
            optional = true;
        }
        int at = token.lastIndexOf('@');
        if (at >= 0) {
            String designator = token.substring(at + 1);
            int p = List.of(DESIGNATORS).indexOf(designator);
            if (p < 0) {
                throw new BadDesignator("incorrect personality designator '" + designator
                        + "' in qualification '" + token + "'");
            }
            String name = token.substring(0, at);
            return personality(name, p, p == 0 ? table : other(p), p == 0 ? chosen : new BitSet()) | optional;
        }
        // strace tries every personality; only the 64-bit one adds to the set jstrace traces.
        boolean found = personality(token, 0, table, chosen);
        for (int p = 1; p < DESIGNATORS.length && !found; p++) {
            found = personality(token, p, other(p), new BitSet());
        }
        return found | optional;
    }

    private static SyscallTable other(int personality) {
        return personality == 1 ? SyscallTable.i386() : SyscallTable.x32();
    }

    private static boolean personality(String token, int p, SyscallTable table, BitSet chosen) {
        if (!token.isEmpty() && token.charAt(0) >= '0' && token.charAt(0) <= '9') {
            return number(token, p, table, chosen);
        }
        if (token.startsWith("/")) {
            return regex(token.substring(1), table, chosen);
        }
        String cls = className(token);
        if (cls != null) {
            table.all().stream().filter(s -> cls.isEmpty() || s.inClass(cls)).forEach(s -> chosen.set(s.number()));
            return true;
        }
        boolean found = false;
        for (Syscall s : table.all()) {
            if (s.name().equals(token)) {
                chosen.set(s.number());
                found = true;
            }
        }
        return found;
    }

    /** string_to_uint, then the table's entry; x32 takes its numbers with or without the x32 bit. */
    private static boolean number(String token, int p, SyscallTable table, BitSet chosen) {
        long nr = UintArg.parse(token, Integer.MAX_VALUE);
        if (nr < 0) {
            return false;
        }
        int n = (int) nr;
        if (p == 2 && valid(table, n ^ X32_SYSCALL_BIT)) {
            n ^= X32_SYSCALL_BIT;
        } else if (!valid(table, n)) {
            return false;
        }
        chosen.set(n);
        return true;
    }

    private static boolean valid(SyscallTable table, int n) {
        Syscall s = n >= 0 ? table.byNumber(n) : null;
        return s != null && !s.inClass("indirect_subcall");
    }

    private static boolean regex(String re, SyscallTable table, BitSet chosen) {
        Pattern p;
        try {
            p = PosixRegex.compile(re);
        } catch (PosixRegex.Invalid e) {
            throw new IllegalArgumentException("regcomp: " + re + ": " + e.getMessage());
        }
        boolean found = false;
        for (Syscall s : table.all()) {
            if (p.matcher(s.name()).find()) {
                chosen.set(s.number());
                found = true;
            }
        }
        return found;
    }

    /** strace's class names (case matters): the class word of the table, "" for all, null if none. */
    private static String className(String name) {
        return switch (name) {
            case "%desc", "desc" -> "desc";
            case "%file", "file" -> "file";
            case "%memory", "memory" -> "memory";
            case "%process", "process" -> "process";
            case "%signal", "signal" -> "signal";
            case "%ipc", "ipc" -> "ipc";
            case "%net", "%network", "network" -> "network";
            case "%creds" -> "creds";
            case "%stat" -> "stat";
            case "%lstat" -> "lstat";
            case "%fstat" -> "fstat";
            case "%%stat" -> "stat_like";
            case "%statfs" -> "statfs";
            case "%fstatfs" -> "fstatfs";
            case "%%statfs" -> "statfs_like";
            case "%pure" -> "pure";
            case "%clock" -> "clock";
            case "all" -> "";
            default -> null;
        };
    }

    /** -e signal=: numbers 0 to 255 and strace's signal names (see {@link #signal}). */
    public static IntPredicate signals(String spec) {
        return TokenSet.parse(spec, "signal", TraceExpr::signal);
    }

    /**
     * strace's sigstr_to_uint: a number up to 255, or a name with or without SIG in any case,
     * as strace names signals (HUP, sigusr1, RTMIN, RT_3); -1 if it is neither.
     */
    public static int signal(String v) {
        if (!v.isEmpty() && v.charAt(0) >= '0' && v.charAt(0) <= '9') {
            return (int) UintArg.parse(v, 255);
        }
        String bare = v.regionMatches(true, 0, "SIG", 0, 3) ? v.substring(3) : v;
        for (int sig = 1; sig <= 64; sig++) {
            String name = Siginfo.signalName(sig);
            if (name != null && name.substring(3).equalsIgnoreCase(bare)) {
                return sig;
            }
        }
        return -1;
    }
}

package io.jstrace.cli;

import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Injection;
import io.jstrace.trace.Tampering;
import io.jstrace.trace.TraceExpr;
import io.jstrace.trace.UintArg;
import io.jstrace.xlat.Xlat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * strace's {@code -e inject=SET:TOKEN:...} and {@code -e fault=SET:TOKEN:...}: tokens error=,
 * retval=, signal=, syscall=, delay_enter=, delay_exit=, when=. Numbers are read as strace reads
 * them (strtoll/strtoull/strtod rules, the same ranges), so the same expressions are accepted.
 */
final class InjectExpr {
    private InjectExpr() {}

    private static final int MAX_ERRNO = 4095, MAX_SIGNAL = 64;

    /**
     * Parses {@code spec} and adds its injection for every syscall of its set to {@code plan}. An
     * error comes after the warnings made so far: strace prints them as it parses.
     */
    static void add(String spec, boolean fault, SyscallTable table, Tampering.Builder plan) throws UsageError {
        try {
            parse(spec, fault, table, plan);
        } catch (UsageError e) {
            throw e.after(plan.warnings());
        }
    }

    private static void parse(String spec, boolean fault, SyscallTable table, Tampering.Builder plan) throws UsageError {
        String what = fault ? "fault" : "inject";
        UsageError invalid = new UsageError("invalid " + what + " argument '" + spec + "'");
        // strtok(":") as strace splits: empty tokens vanish, and a leading ':' leaves no set at all.
        String[] tokens = spec.startsWith(":") ? new String[0] : spec.split(":+");
        String set = tokens.length == 0 ? "" : tokens[0];
        Tokens t = new Tokens(fault, table, plan);
        for (int i = 1; i < tokens.length; i++) {
            if (!t.parse(tokens[i])) {
                throw invalid;
            }
        }
        if (set.isEmpty()) {
            throw new UsageError("invalid system call ''");
        }
        Predicate<Syscall> chosen;
        try {
            chosen = TraceExpr.syscalls(set, table);
        } catch (IllegalArgumentException e) {
            throw QualifyExpr.usage(e);
        }
        if (t.outcome == null && t.signal == 0 && t.delayEnter < 0 && t.delayExit < 0 && t.pokes.isEmpty()) {
            if (!fault) {
                throw invalid;
            }
            t.outcome = new Injection.Outcome.Error((int) Xlat.of("errno").value("ENOSYS").orElseThrow());
        }
        Injection inj = new Injection(t.when, t.outcome, t.substitute, t.signal,
                Math.max(0, t.delayEnter), Math.max(0, t.delayExit), List.copyOf(t.pokes));
        for (Syscall s : table.all()) {
            if (chosen.test(s)) {
                plan.put(s.number(), inj);
            }
        }
    }

    /** The tokens of one expression, checked as strace's parse_inject_token checks them. */
    private static final class Tokens {
        final boolean fault;
        final SyscallTable table;
        final Tampering.Builder plan;
        Injection.When when = Injection.When.ALWAYS;
        Injection.Outcome outcome;
        int substitute = -1;
        int signal;
        /** Nanoseconds, -1 while not given (a delay of 0 is valid). */
        long delayEnter = -1, delayExit = -1;
        /** poke_enter=, poke_exit=: what they write; each given at most once. */
        final List<Injection.Poke> pokes = new ArrayList<>();
        boolean pokeEnter, pokeExit;

        Tokens(boolean fault, SyscallTable table, Tampering.Builder plan) {
            this.fault = fault;
            this.table = table;
            this.plan = plan;
        }

        boolean parse(String token) throws UsageError {
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : token.substring(0, eq + 1);
            String v = eq < 0 ? "" : token.substring(eq + 1);
            return switch (key) {
                case "when=" -> when(v);
                case "syscall=" -> substitute(v);
                case "error=" -> error(v);
                case "retval=" -> !fault && retval(v);
                case "signal=" -> !fault && signal(v);
                case "delay_enter=" -> !fault && delayEnter < 0 && (delayEnter = delay(v)) >= 0;
                case "delay_exit=" -> !fault && delayExit < 0 && (delayExit = delay(v)) >= 0;
                case "poke_enter=" -> !fault && !pokeEnter && (pokeEnter = pokes(v, true));
                case "poke_exit=" -> !fault && !pokeExit && (pokeExit = pokes(v, false));
                default -> false;
            };
        }

        /**
         * {@code @argN=HEX[,@argN=HEX]...}: N from 1 to 7, each once, HEX an even number (at most
         * 2048) of hex digits; adds them to {@link #pokes} and says whether the value is one.
         */
        private boolean pokes(String v, boolean atEntry) {
            java.util.Set<Integer> args = new java.util.HashSet<>();
            for (String p : v.split(",")) {
                if (p.isEmpty()) {
                    continue;
                }
                if (!p.startsWith("@arg") || p.length() < 6 || p.charAt(4) < '1' || p.charAt(4) > '7'
                        || p.charAt(5) != '=' || !args.add(p.charAt(4) - '0')) {
                    return false;
                }
                String data = p.substring(6);
                if (data.isEmpty() || data.length() % 2 != 0 || data.length() > 2048
                        || !data.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return false;
                }
                pokes.add(new Injection.Poke(atEntry, p.charAt(4) - '0', java.util.HexFormat.of().parseHex(data)));
            }
            return !v.isEmpty();
        }

        /** FIRST[..LAST][+[STEP]]: FIRST and STEP in 1..65535, LAST in FIRST..65534. */
        private boolean when(String v) {
            UintArg first = UintArg.parse(v, 0, Injection.When.INFINITE, "+.");
            if (first == null || first.value() < 1) {
                return false;
            }
            int last = Injection.When.INFINITE;
            int end = first.end();
            if (end < v.length() && v.charAt(end) == '.') {
                if (end + 1 >= v.length() || v.charAt(end + 1) != '.') {
                    return false;
                }
                UintArg l = UintArg.parse(v, end + 2, Injection.When.INFINITE, "+");
                if (l == null || l.value() < first.value() || l.value() == Injection.When.INFINITE) {
                    return false;
                }
                last = (int) l.value();
                end = l.end();
            }
            int step;
            if (end < v.length()) {
                String s = v.substring(end + 1);
                if (s.isEmpty()) {
                    step = 1;
                } else {
                    long n = UintArg.parse(s, Injection.When.INFINITE);
                    if (n < 1) {
                        return false;
                    }
                    step = (int) n;
                }
            } else {
                step = last == Injection.When.INFINITE ? 0 : 1;
            }
            when = new Injection.When((int) first.value(), last, step);
            return true;
        }

        /** Only a pure syscall (no side effects) may run in place of the injected one. */
        private boolean substitute(String v) {
            Syscall s = table.byName(v);
            if (substitute >= 0 || s == null || !s.inClass("pure")) {
                return false;
            }
            substitute = s.number();
            return true;
        }

        private boolean error(String v) {
            if (outcome != null) {
                return false;
            }
            long n = UintArg.parse(v, MAX_ERRNO);
            long errno = n >= 0 ? n : errnoByName(v);
            if (errno < 1) {
                return false;
            }
            outcome = new Injection.Outcome.Error((int) errno);
            return true;
        }

        private boolean retval(String v) {
            if (outcome != null) {
                return false;
            }
            Long value = strtoull(v);
            if (value == null) {
                return false;
            }
            warnIfDoubtful(value);
            outcome = new Injection.Outcome.Retval(value);
            return true;
        }

        /**
         * strace's warnings for a value the caller would take for an error, here or in a 32-bit
         * (compat) process, or that a 32-bit process would see cut.
         */
        private void warnIfDoubtful(long value) {
            String v = Long.toUnsignedString(value);
            if (value < 0 && value >= -MAX_ERRNO) {
                plan.warn("Inadvertent injection of error " + -value + " is possible for retval=" + v);
            } else if ((int) value < 0 && (int) value >= -MAX_ERRNO) {
                plan.warn("Inadvertent injection of error " + -(int) value
                        + " is possible in compat personality for retval=" + v);
            } else if ((value & 0xffffffffL) != value) {
                plan.warn("Injected return value " + v + " will be clipped to "
                        + Integer.toUnsignedString((int) value) + " in compat personality");
            }
        }

        private boolean signal(String v) {
            if (signal != 0) {
                return false;
            }
            int sig = TraceExpr.signal(v);
            if (sig < 1 || sig > MAX_SIGNAL) {
                return false;
            }
            signal = sig;
            return true;
        }
    }

    /** errno names as strace's errnoent has them: the first name of each number, any case. */
    private static long errnoByName(String name) {
        Xlat x = Xlat.of("errno");
        for (Xlat.Entry e : x.entries()) {
            if (e.name().equalsIgnoreCase(name) && e.name().equals(x.name(e.value()))) {
                return e.value();
            }
        }
        return -1;
    }


    /**
     * strtoull(v, &end, 0) over the whole string: decimal, 0x hex or 0 octal, an optional sign
     * (negative values wrap, as in C); null if anything is left over or it does not fit 64 bits.
     */
    private static Long strtoull(String v) {
        int i = skipSpace(v, 0);
        boolean negative = false;
        if (i < v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            negative = v.charAt(i++) == '-';
        }
        boolean hex = (v.startsWith("0x", i) || v.startsWith("0X", i))
                && i + 2 < v.length() && Character.digit(v.charAt(i + 2), 16) >= 0;
        int radix = hex ? 16 : v.startsWith("0", i) ? 8 : 10;
        String digits = v.substring(hex ? i + 2 : i);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            return null;
        }
        BigInteger b = new BigInteger(digits, radix);
        if (b.bitLength() > 64) {
            return null;
        }
        return negative ? -b.longValue() : b.longValue();
    }

    private static final String FLOAT_CHARS = "eE.-+0123456789", INT_CHARS = "+0123456789";
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * strace's time specification: a decimal or floating point number, then s, ms, us or ns
     * (microseconds without a suffix). Returns nanoseconds, or -1 if it is not one.
     */
    private static long delay(String v) {
        int floatLen = span(v, FLOAT_CHARS), intLen = span(v, INT_CHARS);
        double seconds;
        long count;
        int end;
        if (floatLen > intLen) {
            Matcher m = FLOAT.matcher(v.substring(0, floatLen));
            if (!m.lookingAt()) {
                return -1;
            }
            double d = Double.parseDouble(m.group());
            if (d < 0 || Double.isInfinite(d)) {
                return -1;
            }
            seconds = d;
            count = -1;
            end = m.end();
        } else {
            UintArg n = UintArg.parse(v, 0, Long.MAX_VALUE, "smun");
            if (n == null) {
                return -1;
            }
            seconds = -1;
            count = n.value();
            end = n.end();
        }
        long scale = switch (v.substring(end)) {
            case "" -> 1_000;
            case "s" -> 1_000_000_000;
            case "ms" -> 1_000_000;
            case "us" -> 1_000;
            case "ns" -> 1;
            default -> -1;
        };
        if (scale < 0) {
            return -1;
        }
        if (count >= 0) {
            return Math.multiplyHigh(count, scale) != 0 ? Long.MAX_VALUE : count * scale;
        }
        return (long) Math.min(seconds * scale, (double) Long.MAX_VALUE);
    }

    private static int span(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}

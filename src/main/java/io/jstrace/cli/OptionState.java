package io.jstrace.cli;

import io.jstrace.session.Session;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.Palette;
import io.jstrace.output.TextOptions;
import io.jstrace.seccomp.SeccompOptions;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Tampering;
import io.jstrace.trace.TokenSet;
import io.jstrace.trace.TraceExpr;
import io.jstrace.trace.UintArg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The command line as strace's init() holds it while reading options: each option is applied as
 * it is read, in order, and fails at once with strace's words; the checks between options come
 * after the last one ({@link OptionChecks}). Fields are strace's variables.
 */
final class OptionState {
    final SyscallTable table = SyscallTable.x86_64();
    int column = 40;
    boolean append;
    boolean detachOnExecve;
    boolean killOnExit;
    boolean debug;
    int daemonizeShort;
    int daemonizeLong;
    final List<String> env = new ArrayList<>();
    int followShort;
    boolean followLong;
    boolean outputSeparately;
    boolean optF;
    boolean instructionPointer;
    Options.Interruptible interruptible;
    boolean stackTrace;
    boolean numbers;
    String output;
    final List<Integer> pids = new ArrayList<>();
    final List<String> paths = new ArrayList<>();
    int quietShort;
    int relativeDigits = -1;
    int stringLimit = 32;
    int stampShort;
    TextOptions.Stamp longStamp;
    int durationDigits = -1;
    String user;
    int versionVerbosity;
    int hexShort;
    int hexLong = -1;
    DecodeOptions.Xstyle xstyle = DecodeOptions.Xstyle.ABBREV;
    int fdShort;
    int zflags;
    boolean seccompBpf;
    Options.Tips tips;
    final SummaryArgs summary = new SummaryArgs();
    // -e qualifiers
    TraceExpr.SyscallSet trace;
    Predicate<Syscall> abbrev = s -> true;
    Predicate<Syscall> dereference = s -> true;
    Predicate<Syscall> raw = s -> false;
    IntPredicate signals = s -> true;
    IntPredicate statuses;
    IntPredicate readFds = fd -> false;
    IntPredicate writeFds = fd -> false;
    IntPredicate quietSet;
    IntPredicate decodeFds;
    IntPredicate decodePids = p -> false;
    boolean kvm;
    final Tampering.Builder tampering = new Tampering.Builder();
    // jstrace's own options
    boolean json;
    String timeline;
    SeccompOptions seccomp = SeccompOptions.DEFAULT;
    long syscallLimit;
    Palette.When color = Palette.When.NEVER;
    Session.Backend backend = Session.Backend.PTRACE;

    /** Applies one option; false for -h, which strace answers at once, before reading further. */
    boolean apply(Getopt.Opt o) throws UsageError {
        String v = o.value();
        switch (o.key()) {
            case "a" -> column = (int) number(o, Integer.MAX_VALUE);
            case "A" -> append = true;
            case "b" -> {
                if (!v.equals("execve")) {
                    throw new UsageError("Syscall '" + v + "' for -b isn't supported");
                }
                detachOnExecve = true;
            }
            case "c", "C", "w", "S", "U", "O" -> summary.apply(o);
            case "d" -> debug = true;
            case "D" -> daemonizeShort++;
            case "daemonize" -> daemonizeLong = v == null ? 1 : word(o, "grandchild", "pgroup|pgrp", "session");
            case "e" -> QualifyExpr.qualify(v, this);
            case "E" -> env.add(v);
            case "f" -> followShort++;
            case "follow-forks" -> followLong = true;
            case "output-separately" -> outputSeparately = true;
            case "F" -> optF = true;
            case "h" -> {
                return false;
            }
            case "i" -> instructionPointer = true;
            case "I" -> interruptible = interruptible(o);
            case "k" -> stackTrace = true;
            case "n" -> numbers = true;
            case "o" -> output = v;
            case "p" -> pids(v);
            case "P" -> paths.add(v);
            case "q" -> quietShort++;
            case "r" -> relativeDigits = timescale(o);
            case "s" -> stringLimit = (int) number(o, 0xffffffffL / 4);
            case "t" -> stampShort++;
            case "ts" -> longStamp = Timestamps.parse(o, longStamp);
            case "T" -> durationDigits = timescale(o);
            case "u" -> user = v;
            case "kill-on-exit" -> killOnExit = true;
            case "v" -> abbrev = s -> false;
            case "V" -> versionVerbosity++;
            case "x" -> hexShort = Math.min(hexShort + 1, 2);
            // strace's numbering: none 0, non-ascii 1 (-x), all 2 (-xx), non-ascii-chars 3.
            case "strings-in-hex" -> hexLong = v == null ? 2 : word(o, "none", "non-ascii", "all", "non-ascii-chars") - 1;
            case "X" -> xstyle = switch (v) {
                case "raw" -> DecodeOptions.Xstyle.RAW;
                case "abbrev" -> DecodeOptions.Xstyle.ABBREV;
                case "verbose" -> DecodeOptions.Xstyle.VERBOSE;
                default -> throw invalid(o);
            };
            case "y" -> fdShort++;
            case "Y" -> decodePids = QualifyExpr.decodePids("comm");
            case "pidns-translation" -> decodePids = QualifyExpr.decodePids("pidns");
            case "z", "Z" -> {
                statuses = TokenSet.parse(o.key().equals("z") ? "successful" : "failed", "status", QualifyExpr::status);
                zflags++;
            }
            case "seccomp-bpf" -> {
                seccompBpf = true;
                seccomp = seccomp.withBpf(SeccompOptions.Bpf.AUTO);
            }
            case "tips" -> tips = Options.Tips.parse(v == null ? "" : v, tips).orElseThrow(() -> invalid(o));
            case "json" -> json = true;
            case "timeline" -> timeline = v;
            case "no-seccomp-bpf" -> {
                seccompBpf = false;
                seccomp = seccomp.withBpf(SeccompOptions.Bpf.OFF);
            }
            case "seccomp-profile" -> seccomp = seccomp.withProfile(v);
            case "seccomp-policy" -> seccomp = seccomp.withPolicy(v);
            case "seccomp-profile-base" -> seccomp = seccomp.withProfileBase(v);
            case "seccomp-profile-args" -> seccomp = seccomp.withLearnArgs();
            case "syscall-limit" -> syscallLimit = number(o, Long.MAX_VALUE);
            case "color" -> color = color(o);
            case "backend" -> backend = switch (v) {
                case "ptrace" -> Session.Backend.PTRACE;
                case "bpf" -> Session.Backend.BPF;
                default -> throw new UsageError("invalid --backend: '" + v + "' (ptrace or bpf)");
            };
            default -> QualifyExpr.qualify(o.key(), v, this);
        }
        return true;
    }

    /** strace's error_opt_arg: {@code invalid -X argument: 'V'} or {@code invalid --name argument: 'V'}. */
    static UsageError invalid(Getopt.Opt o) {
        return new UsageError("invalid " + o.spelled() + " argument: '" + o.value() + "'", true);
    }

    private static long number(Getopt.Opt o, long max) throws UsageError {
        long n = UintArg.parse(o.value(), max);
        if (n < 0 || o.key().equals("syscall-limit") && n == 0) {
            throw invalid(o);
        }
        return n;
    }

    /** The 1-based position of the word (case-insensitive; alternatives split by |) among {@code words}. */
    private static int word(Getopt.Opt o, String... words) throws UsageError {
        for (int i = 0; i < words.length; i++) {
            for (String w : words[i].split("\\|")) {
                if (w.equalsIgnoreCase(o.value())) {
                    return i + 1;
                }
            }
        }
        throw invalid(o);
    }

    /** -I: a name (anywhere, always, waiting, never, never_tstp) or its number, 1 to 4. */
    private static Options.Interruptible interruptible(Getopt.Opt o) throws UsageError {
        Options.Interruptible[] all = Options.Interruptible.values();
        for (Options.Interruptible i : all) {
            for (String name : i.names()) {
                if (name.equalsIgnoreCase(o.value())) {
                    return i;
                }
            }
        }
        long n = UintArg.parse(o.value(), all.length);
        if (n <= 0) {
            throw invalid(o);
        }
        return all[(int) n - 1];
    }

    /** -r, -T and their long forms: s, ms, us or ns (default us), as digits of the fraction. */
    private static int timescale(Getopt.Opt o) throws UsageError {
        if (o.value() == null) {
            return 6;
        }
        return switch (o.value().toLowerCase(Locale.ROOT)) {
            case "s" -> 0;
            case "ms" -> 3;
            case "us" -> 6;
            case "ns" -> 9;
            default -> throw invalid(o);
        };
    }

    /**
     * -p: pids separated by commas, spaces, tabs or newlines (as pidof and pgrep print them),
     * each from 1 to INT_MAX and not jstrace itself.
     */
    private void pids(String list) throws UsageError {
        int from = 0;
        while (from < list.length()) {
            int end = from;
            while (end < list.length() && "\n\t ,".indexOf(list.charAt(end)) < 0) {
                end++;
            }
            String p = list.substring(from, end);
            long pid = UintArg.parse(p, Integer.MAX_VALUE);
            if (pid <= 0) {
                throw new UsageError("Invalid process id: '" + p + "'");
            }
            if (pid == ProcessHandle.current().pid()) {
                throw new UsageError("I'm sorry, I can't let you do that, Dave.");
            }
            pids.add((int) pid);
            from = end + 1;
        }
    }

    /** --color[=WHEN] with the words ls accepts; no WHEN means always, as for ls. */
    private static Palette.When color(Getopt.Opt o) throws UsageError {
        return switch (o.value() == null ? "always" : o.value()) {
            case "always", "yes", "force" -> Palette.When.ALWAYS;
            case "never", "no", "none" -> Palette.When.NEVER;
            case "auto", "tty", "if-tty" -> Palette.When.AUTO;
            default -> throw invalid(o);
        };
    }
}

package io.jstrace.cli;

import io.jstrace.model.CallStatus;

import io.jstrace.session.Session;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.Palette;
import io.jstrace.output.SummaryColumn;
import io.jstrace.output.SummaryOptions;
import io.jstrace.output.SummaryOrder;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.seccomp.SeccompOptions;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Qualifiers;
import io.jstrace.trace.Selection;
import io.jstrace.trace.TraceExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** strace's command line, parsed into {@link Options}. */
public final class CommandLine {
    private CommandLine() {}

    private static final String FLAGS = "AcCdDfFhiknqrtTvVwxyzZ";
    private static final java.util.EnumSet<CallStatus> SUCCESSFUL = java.util.EnumSet.of(CallStatus.SUCCESSFUL);
    private static final java.util.EnumSet<CallStatus> FAILED = java.util.EnumSet.of(CallStatus.FAILED);
    private static final String WITH_VALUE = "abeEIoOpPsSuUX";
    private static final Map<String, Integer> LONGS = Map.ofEntries(
            Map.entry("help", 0), Map.entry("version", 0), Map.entry("output", 1),
            Map.entry("output-append-mode", 0), Map.entry("follow-forks", 0),
            Map.entry("output-separately", 0), Map.entry("string-limit", 1), Map.entry("columns", 1),
            Map.entry("attach", 1), Map.entry("trace", 1), Map.entry("signal", 1), Map.entry("quiet", 2),
            Map.entry("no-abbrev", 0), Map.entry("verbose", 1), Map.entry("raw", 1), Map.entry("abbrev", 1),
            Map.entry("const-print-style", 1), Map.entry("decode-fds", 2), Map.entry("syscall-number", 0),
            Map.entry("syscall-times", 2), Map.entry("relative-timestamps", 2),
            Map.entry("absolute-timestamps", 2), Map.entry("timestamps", 2),
            Map.entry("successful-only", 0), Map.entry("failed-only", 0),
            Map.entry("color", 2), Map.entry("colour", 2),
            Map.entry("summary-only", 0), Map.entry("summary", 0), Map.entry("summary-wall-clock", 0),
            Map.entry("summary-sort-by", 1), Map.entry("summary-columns", 1),
            Map.entry("summary-syscall-overhead", 1),
            Map.entry("inject", 1), Map.entry("fault", 1),
            Map.entry("json", 0), Map.entry("timeline", 1),
            Map.entry("trace-path", 1), Map.entry("instruction-pointer", 0), Map.entry("read", 1),
            Map.entry("write", 1), Map.entry("silent", 2), Map.entry("silence", 2), Map.entry("syscall-limit", 1),
            Map.entry("stack-traces", 0),

            Map.entry("seccomp-bpf", 0), Map.entry("no-seccomp-bpf", 0), Map.entry("seccomp-profile", 1),
            Map.entry("seccomp-policy", 1), Map.entry("seccomp-profile-base", 1), Map.entry("seccomp-profile-args", 0),
            Map.entry("backend", 1));

    /**
     * Every option the parser takes, spelled as on a command line ({@code -f}, {@code --follow-forks}):
     * what -h and the man page must document (OptionsDocumentedTest) and the completion offer.
     */
    static List<String> spellings() {
        List<String> out = new ArrayList<>();
        (FLAGS + WITH_VALUE).chars().forEach(c -> out.add("-" + (char) c));
        LONGS.keySet().stream().sorted().forEach(n -> out.add("--" + n));
        return out;
    }

    public static Options parse(List<String> args) throws UsageError {
        List<String> command = new ArrayList<>();
        List<Getopt.Opt> opts = new Getopt(FLAGS, WITH_VALUE, LONGS).parse(args, command);
        Builder b = new Builder();
        for (Getopt.Opt o : opts) {
            b.apply(o);
        }
        return b.build(command);
    }

    /** Accumulates options in command-line order, as strace applies them. */
    private static final class Builder {
        int follow;
        String output;
        boolean append;
        int stringLimit = 32;
        int hex;
        int fds;
        DecodeOptions.Xstyle xstyle = DecodeOptions.Xstyle.ABBREV;
        int column = 40;
        int stamps;
        boolean relative;
        boolean durations;
        boolean numbers;
        int quiet;
        Predicate<io.jstrace.syscalls.Syscall> trace;
        IntPredicate signals;
        final List<Integer> pids = new ArrayList<>();
        java.util.Set<CallStatus> statuses;
        Options.Action action = Options.Action.TRACE;
        Palette.When color = Palette.When.NEVER;
        final Summary summary = new Summary();
        boolean json;
        String timeline;
        Session.Backend backend = Session.Backend.PTRACE;
        boolean stackTrace;
        SeccompOptions seccomp = SeccompOptions.DEFAULT;
        final SyscallTable table = SyscallTable.x86_64();
        final io.jstrace.trace.Tampering.Builder tampering = new io.jstrace.trace.Tampering.Builder();
        final List<String> tracePaths = new ArrayList<>();
        boolean instructionPointer;
        java.util.Set<Options.Quiet> quietSet;
        Predicate<io.jstrace.syscalls.Syscall> abbrev = s -> true;
        Predicate<io.jstrace.syscalls.Syscall> dereference = s -> true;
        Predicate<io.jstrace.syscalls.Syscall> raw = s -> false;
        IntPredicate readFds = fd -> false;
        IntPredicate writeFds = fd -> false;
        long syscallLimit;
        TextOptions.Stamp longStamp;

        void apply(Getopt.Opt o) throws UsageError {
            String v = o.value();
            switch (o.name()) {
                case "f", "follow-forks" -> follow++;
                case "output-separately" -> follow = 2;
                case "o", "output" -> output = v;
                case "A", "output-append-mode" -> append = true;
                case "s", "string-limit" -> stringLimit = number("-s", v);
                case "a", "columns" -> column = number("-a", v);
                case "v", "no-abbrev" -> abbrev = s -> false;
                case "x" -> hex++;
                case "y" -> fds++;
                case "decode-fds" -> fds = v == null || v.equals("path") ? Math.max(fds, 1) : 2;
                case "X", "const-print-style" -> xstyle = switch (v) {
                    case "raw" -> DecodeOptions.Xstyle.RAW;
                    case "abbrev" -> DecodeOptions.Xstyle.ABBREV;
                    case "verbose" -> DecodeOptions.Xstyle.VERBOSE;
                    default -> throw new UsageError("invalid -X argument: '" + v + "'", true);
                };
                case "t" -> stamps++;
                case "absolute-timestamps", "timestamps" -> longStamp = Timestamps.parse("--" + o.name(), v);
                case "r", "relative-timestamps" -> relative = true;
                case "T", "syscall-times" -> durations = true;
                case "n", "syscall-number" -> numbers = true;
                case "k", "stack-traces" -> stackTrace = true;
                case "z", "successful-only" -> statuses = SUCCESSFUL;
                case "Z", "failed-only" -> statuses = FAILED;
                case "q" -> quiet++;
                case "quiet", "silent", "silence" -> quietSet = v == null ? QualifyExpr.Q : QualifyExpr.quiet(v);
                case "P", "trace-path" -> tracePaths.add(v);
                case "i", "instruction-pointer" -> instructionPointer = true;
                case "abbrev" -> abbrev = syscalls(v);
                case "verbose" -> dereference = syscalls(v);
                case "raw" -> raw = syscalls(v);
                case "read" -> readFds = QualifyExpr.fds(v);
                case "write" -> writeFds = QualifyExpr.fds(v);
                case "syscall-limit" -> syscallLimit = limit(v);
                case "p", "attach" -> pids(v);
                case "e" -> expression(v);
                case "trace" -> trace = syscalls(v);
                case "signal" -> signals = signals(v);
                case "color", "colour" -> color = color(o.name(), v);
                case "c", "summary-only", "C", "summary", "w", "summary-wall-clock", "S", "summary-sort-by",
                     "U", "summary-columns", "O", "summary-syscall-overhead" -> summary.apply(o);
                case "inject" -> InjectExpr.add(v, false, table, tampering);
                case "fault" -> InjectExpr.add(v, true, table, tampering);
                case "json" -> json = true;
                case "timeline" -> timeline = v;
                case "backend" -> backend = switch (v) {
                    case "ptrace" -> Session.Backend.PTRACE;
                    case "bpf" -> Session.Backend.BPF;
                    default -> throw new UsageError("invalid --backend: '" + v + "' (ptrace or bpf)");
                };
                case "seccomp-bpf" -> seccomp = seccomp.withBpf(SeccompOptions.Bpf.ON);
                case "no-seccomp-bpf" -> seccomp = seccomp.withBpf(SeccompOptions.Bpf.OFF);
                case "seccomp-profile" -> seccomp = seccomp.withProfile(v);
                case "seccomp-policy" -> seccomp = seccomp.withPolicy(v);
                case "seccomp-profile-base" -> seccomp = seccomp.withProfileBase(v);
                case "seccomp-profile-args" -> seccomp = seccomp.withLearnArgs();
                case "h", "help" -> action = Options.Action.HELP;
                case "V", "version" -> action = Options.Action.VERSION;
                default -> throw new UsageError("option -" + o.name() + " is not supported yet");
            }
        }

        private void expression(String v) throws UsageError {
            int eq = v.indexOf('=');
            String key = eq < 0 ? "trace" : v.substring(0, eq);
            String val = eq < 0 ? v : v.substring(eq + 1);
            switch (key) {
                case "trace", "t" -> trace = syscalls(val);
                case "signal", "signals", "s" -> signals = signals(val);
                case "decode-fds" -> fds = val.contains("socket") || val.contains("dev") || val.equals("all") ? 2 : 1;
                case "status" -> statuses = statuses(val);
                case "inject" -> InjectExpr.add(val, false, table, tampering);
                case "fault" -> InjectExpr.add(val, true, table, tampering);
                case "abbrev", "a" -> abbrev = syscalls(val);
                case "verbose", "v" -> dereference = syscalls(val);
                case "raw", "x" -> raw = syscalls(val);
                case "read", "r" -> readFds = QualifyExpr.fds(val);
                case "write", "w" -> writeFds = QualifyExpr.fds(val);
                case "quiet", "q", "silent", "silence" -> quietSet = QualifyExpr.quiet(val);
                case "kvm" -> throw new UsageError("-e " + key + "= is not supported yet");
                default -> throw new UsageError("invalid system call '" + v + "'");
            }
        }

        private Predicate<io.jstrace.syscalls.Syscall> syscalls(String v) throws UsageError {
            try {
                return TraceExpr.syscalls(v, table);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }

        private static IntPredicate signals(String v) throws UsageError {
            try {
                return TraceExpr.signals(v);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }

        /** -e status=[!]LIST of successful, failed, unfinished, unavailable, detached, all, none. */
        private static java.util.Set<CallStatus> statuses(String v) throws UsageError {
            boolean negate = v.startsWith("!");
            java.util.EnumSet<CallStatus> set = java.util.EnumSet.noneOf(CallStatus.class);
            for (String item : (negate ? v.substring(1) : v).split(",", -1)) {
                switch (item) {
                    case "all" -> set.addAll(java.util.EnumSet.allOf(CallStatus.class));
                    case "none", "" -> { }
                    default -> {
                        try {
                            set.add(CallStatus.valueOf(item.toUpperCase(java.util.Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            throw new UsageError("invalid status '" + item + "'");
                        }
                    }
                }
            }
            return negate ? java.util.EnumSet.complementOf(set) : set;
        }

        private void pids(String v) throws UsageError {
            for (String p : v.split("[, ]+")) {
                if (p.isEmpty()) {
                    continue;
                }
                int pid;
                try {
                    pid = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    pid = -1;
                }
                if (pid <= 0) {
                    throw new UsageError("Invalid process id: '" + p + "'");
                }
                pids.add(pid);
            }
        }

        /** --color[=WHEN] with the words ls accepts; no WHEN means always, as for ls. */
        private static Palette.When color(String name, String v) throws UsageError {
            return switch (v == null ? "always" : v) {
                case "always", "yes", "force" -> Palette.When.ALWAYS;
                case "never", "no", "none" -> Palette.When.NEVER;
                case "auto", "tty", "if-tty" -> Palette.When.AUTO;
                default -> throw new UsageError("invalid --" + name + " argument: '" + v + "'", true);
            };
        }

        /** --syscall-limit=N: a positive count. */
        private static long limit(String v) throws UsageError {
            try {
                long n = Long.parseLong(v);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new UsageError("invalid --syscall-limit argument: '" + v + "'", true);
        }

        private static int number(String opt, String v) throws UsageError {
            try {
                int n = Integer.parseInt(v);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new UsageError("invalid " + opt + " argument: '" + v + "'", true);
        }

        Options build(List<String> command) throws UsageError {
            if (action == Options.Action.TRACE && command.isEmpty() && pids.isEmpty()) {
                throw new UsageError("must have PROG [ARGS] or -p PID", true);
            }
            if (seccomp.policy() != null && command.isEmpty()) {
                throw new UsageError("--seccomp-policy applies to a command jstrace starts, not to -p");
            }
            if (seccomp.policy() != null && seccomp.bpf() == SeccompOptions.Bpf.ON) {
                throw new UsageError("--seccomp-bpf cannot be combined with --seccomp-policy");
            }
            List<String> warnings = new ArrayList<>();
            if (syscallLimit > 0 && seccomp.bpf() != SeccompOptions.Bpf.OFF) {
                // Detached at the limit, the command would keep the filter, and its filtered calls would fail with ENOSYS.
                if (seccomp.bpf() == SeccompOptions.Bpf.ON) {
                    warnings.add("--seccomp-bpf is not used with --syscall-limit, disabling");
                }
                seccomp = seccomp.withBpf(SeccompOptions.Bpf.OFF);
            }
            SummaryOptions summaryOptions = summary.build(follow == 2, warnings);
            if (summaryOptions != null && summaryOptions.only()) {
                Summary.ignored(warnings, stackTrace, "-k/--stack-traces");
                stackTrace = false;
                Summary.ignored(warnings, numbers, "-n/--syscall-number");
                Summary.ignored(warnings, relative, "-r/--relative-timestamps");
                Summary.ignored(warnings, stamps > 0, "-t/--absolute-timestamps");
                Summary.ignored(warnings, durations, "-T/--syscall-times");
                Summary.ignored(warnings, fds > 0, "-y/--decode-fds");
            }
            if (follow == 2 && output == null) {
                follow = 1;
            }
            if (stamps > 0 && longStamp != null) {
                throw new UsageError("-t and --absolute-timestamps cannot be provided simultaneously");
            }
            TextOptions.Stamp stamp = longStamp != null ? longStamp : switch (Math.min(stamps, 3)) {
                case 0 -> TextOptions.Stamp.NONE;
                case 1 -> TextOptions.Stamp.SECONDS;
                case 2 -> TextOptions.Stamp.MICROS;
                default -> TextOptions.Stamp.EPOCH;
            };
            if (quiet > 0 && quietSet != null) {
                throw new UsageError("-q and -e quiet/--quiet cannot be provided simultaneously");
            }
            if (quietSet == null) {
                // strace is quiet about attaching when its output goes to a file and it starts the command.
                int q = quiet == 0 && output != null && !command.isEmpty() ? 1 : quiet;
                quietSet = q == 0 ? java.util.EnumSet.noneOf(Options.Quiet.class)
                        : q == 1 ? QualifyExpr.Q : q == 2 ? QualifyExpr.QQ : QualifyExpr.QQQ;
            }
            java.util.Set<CallStatus> shown = statuses;
            Qualifiers qualifiers = new Qualifiers(abbrev, dereference, raw, readFds, writeFds, syscallLimit,
                    r -> shown == null || shown.contains(CallStatus.of(r)));
            // The options a call gets unless -e abbrev=/verbose= single it out (Qualifiers.decode).
            boolean verbose = table.all().stream().noneMatch(abbrev);
            ValueText.Hex h = hex == 0 ? ValueText.Hex.NONE : hex == 1 ? ValueText.Hex.NON_PRINTABLE : ValueText.Hex.ALL;
            Selection sel = new Selection(trace != null ? trace : s -> true, trace == null,
                    signals != null ? signals : s -> true);
            return new Options(follow, output, append, new DecodeOptions(stringLimit, verbose, fds, xstyle,
                    table.all().stream().allMatch(dereference)), h,
                    column, stamp, relative, durations, numbers, quietSet, sel, statuses, List.copyOf(pids),
                    List.copyOf(command), action, color, summaryOptions, List.copyOf(warnings), tampering.build(), json,
                    timeline, List.copyOf(tracePaths), instructionPointer, qualifiers, stackTrace,
                    seccomp, backend);
        }
    }

    /** -c, -C, -w, -S, -U and -O, checked together as strace checks them. */
    private static final class Summary {
        boolean only;
        boolean both;
        boolean wallClock;
        SummaryOrder order = SummaryOrder.TIME;
        boolean orderSet;
        List<SummaryColumn> columns = SummaryColumn.DEFAULT;
        boolean columnsSet;
        long overhead;

        void apply(Getopt.Opt o) throws UsageError {
            String v = o.value();
            try {
                switch (o.name()) {
                    case "c", "summary-only" -> only = exclusive(both);
                    case "C", "summary" -> both = exclusive(only);
                    case "w", "summary-wall-clock" -> wallClock = true;
                    case "S", "summary-sort-by" -> {
                        order = SummaryOrder.parse(v);
                        orderSet = true;
                    }
                    case "U", "summary-columns" -> {
                        columns = SummaryColumn.parseList(v);
                        columnsSet = true;
                    }
                    default -> overhead = overhead(o);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage(), true);
            }
        }

        private static boolean exclusive(boolean other) throws UsageError {
            if (other) {
                throw new UsageError("-c/--summary-only and -C/--summary are mutually exclusive", true);
            }
            return true;
        }

        private static long overhead(Getopt.Opt o) throws UsageError {
            try {
                return SummaryOptions.parseOverhead(o.value());
            } catch (IllegalArgumentException e) {
                String opt = o.name().length() == 1 ? "-" + o.name() : "--" + o.name();
                throw new UsageError("invalid " + opt + " argument: '" + o.value() + "'", true);
            }
        }

        /** The summary asked for, or null; errors and warnings in strace's order and words. */
        SummaryOptions build(boolean separately, List<String> warnings) throws UsageError {
            boolean on = only || both;
            if (separately && on) {
                throw new UsageError("(-c/--summary-only or -C/--summary) and -ff/--output-separately"
                        + " are mutually exclusive", true);
            }
            if (wallClock && !on) {
                throw new UsageError("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
                        true);
            }
            if (columnsSet && !on) {
                throw new UsageError("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)",
                        true);
            }
            if (orderSet && !on) {
                warnings.add("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
            }
            return on ? new SummaryOptions(only, wallClock, order, columns, overhead) : null;
        }

        /** -c prints no trace lines, so options that shape them are reported as having no effect. */
        static void ignored(List<String> warnings, boolean given, String option) {
            if (given) {
                warnings.add(option + " has no effect with -c/--summary-only");
            }
        }
    }
}

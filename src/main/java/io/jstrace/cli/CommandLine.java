package io.jstrace.cli;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Qualifiers;
import io.jstrace.trace.Selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** strace's command line, parsed into {@link Options}. */
public final class CommandLine {
    private CommandLine() {}

    private static final String FLAGS = "AcCdDfFhiknqrtTvVwxyzZ";
    private static final java.util.EnumSet<TextOptions.Status> SUCCESSFUL = java.util.EnumSet.of(TextOptions.Status.SUCCESSFUL);
    private static final java.util.EnumSet<TextOptions.Status> FAILED = java.util.EnumSet.of(TextOptions.Status.FAILED);
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
            Map.entry("trace-path", 1), Map.entry("instruction-pointer", 0), Map.entry("read", 1),
            Map.entry("write", 1), Map.entry("silent", 2), Map.entry("silence", 2), Map.entry("syscall-limit", 1));

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
        java.util.Set<TextOptions.Status> statuses;
        Options.Action action = Options.Action.TRACE;
        final SyscallTable table = SyscallTable.x86_64();
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
                case "z", "successful-only" -> statuses = SUCCESSFUL;
                case "Z", "failed-only" -> statuses = FAILED;
                case "q" -> quiet++;
                case "quiet", "silent", "silence" -> quietSet = v == null ? QualifyExpr.Q : QualifyExpr.quiet(v);
                case "P", "trace-path" -> tracePaths.add(v);
                case "i", "instruction-pointer" -> instructionPointer = true;
                case "abbrev" -> abbrev = TraceExpr.syscalls(v, table);
                case "verbose" -> dereference = TraceExpr.syscalls(v, table);
                case "raw" -> raw = TraceExpr.syscalls(v, table);
                case "read" -> readFds = QualifyExpr.fds(v);
                case "write" -> writeFds = QualifyExpr.fds(v);
                case "syscall-limit" -> syscallLimit = limit(v);
                case "p", "attach" -> pids(v);
                case "e" -> expression(v);
                case "trace" -> trace = TraceExpr.syscalls(v, table);
                case "signal" -> signals = TraceExpr.signals(v);
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
                case "trace", "t" -> trace = TraceExpr.syscalls(val, table);
                case "signal", "signals", "s" -> signals = TraceExpr.signals(val);
                case "decode-fds" -> fds = val.contains("socket") || val.contains("dev") || val.equals("all") ? 2 : 1;
                case "status" -> statuses = statuses(val);
                case "abbrev", "a" -> abbrev = TraceExpr.syscalls(val, table);
                case "verbose", "v" -> dereference = TraceExpr.syscalls(val, table);
                case "raw", "x" -> raw = TraceExpr.syscalls(val, table);
                case "read", "r" -> readFds = QualifyExpr.fds(val);
                case "write", "w" -> writeFds = QualifyExpr.fds(val);
                case "quiet", "q", "silent", "silence" -> quietSet = QualifyExpr.quiet(val);
                case "fault", "inject", "kvm" -> throw new UsageError("-e " + key + "= is not supported yet");
                default -> throw new UsageError("invalid system call '" + v + "'");
            }
        }

        /** -e status=[!]LIST of successful, failed, unfinished, unavailable, detached, all, none. */
        private static java.util.Set<TextOptions.Status> statuses(String v) throws UsageError {
            boolean negate = v.startsWith("!");
            java.util.EnumSet<TextOptions.Status> set = java.util.EnumSet.noneOf(TextOptions.Status.class);
            for (String item : (negate ? v.substring(1) : v).split(",", -1)) {
                switch (item) {
                    case "all" -> set.addAll(java.util.EnumSet.allOf(TextOptions.Status.class));
                    case "none", "" -> { }
                    default -> {
                        try {
                            set.add(TextOptions.Status.valueOf(item.toUpperCase(java.util.Locale.ROOT)));
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
            java.util.Set<TextOptions.Status> shown = statuses;
            Qualifiers qualifiers = new Qualifiers(abbrev, dereference, raw, readFds, writeFds, syscallLimit,
                    r -> shown == null || shown.contains(TextOptions.Status.of(r)));
            // The options a call gets unless -e abbrev=/verbose= single it out (Qualifiers.decode).
            boolean verbose = table.all().stream().noneMatch(abbrev);
            ValueText.Hex h = hex == 0 ? ValueText.Hex.NONE : hex == 1 ? ValueText.Hex.NON_PRINTABLE : ValueText.Hex.ALL;
            Selection sel = new Selection(trace != null ? trace : s -> true, trace == null,
                    signals != null ? signals : s -> true);
            return new Options(follow, output, append, new DecodeOptions(stringLimit, verbose, fds, xstyle,
                    table.all().stream().allMatch(dereference)), h,
                    column, stamp, relative, durations, numbers, quietSet, sel, statuses, List.copyOf(pids),
                    List.copyOf(command), action, List.copyOf(tracePaths), instructionPointer, qualifiers);
        }
    }
}

package io.jstrace.cli;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.seccomp.SeccompOptions;
import io.jstrace.syscalls.SyscallTable;
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
            Map.entry("no-abbrev", 0), Map.entry("verbose", 2), Map.entry("raw", 1), Map.entry("abbrev", 1),
            Map.entry("const-print-style", 1), Map.entry("decode-fds", 2), Map.entry("syscall-number", 0),
            Map.entry("syscall-times", 2), Map.entry("relative-timestamps", 2),
            Map.entry("absolute-timestamps", 2), Map.entry("timestamps", 2),
            Map.entry("successful-only", 0), Map.entry("failed-only", 0),
            Map.entry("seccomp-bpf", 0), Map.entry("no-seccomp-bpf", 0), Map.entry("seccomp-profile", 1),
            Map.entry("seccomp-policy", 1));

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
        boolean verbose;
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
        SeccompOptions seccomp = SeccompOptions.DEFAULT;
        final SyscallTable table = SyscallTable.x86_64();

        void apply(Getopt.Opt o) throws UsageError {
            String v = o.value();
            switch (o.name()) {
                case "f", "follow-forks" -> follow++;
                case "output-separately" -> follow = 2;
                case "o", "output" -> output = v;
                case "A", "output-append-mode" -> append = true;
                case "s", "string-limit" -> stringLimit = number("-s", v);
                case "a", "columns" -> column = number("-a", v);
                case "v" -> verbose = true;
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
                case "absolute-timestamps", "timestamps" -> stamps = Math.max(stamps, 1);
                case "r", "relative-timestamps" -> relative = true;
                case "T", "syscall-times" -> durations = true;
                case "n", "syscall-number" -> numbers = true;
                case "z", "successful-only" -> statuses = SUCCESSFUL;
                case "Z", "failed-only" -> statuses = FAILED;
                case "q" -> quiet++;
                case "quiet" -> quiet = Math.max(quiet, 1);
                case "p", "attach" -> pids(v);
                case "e" -> expression(v);
                case "trace" -> trace = TraceExpr.syscalls(v, table);
                case "signal" -> signals = TraceExpr.signals(v);
                case "seccomp-bpf" -> seccomp = seccomp.withBpf(SeccompOptions.Bpf.ON);
                case "no-seccomp-bpf" -> seccomp = seccomp.withBpf(SeccompOptions.Bpf.OFF);
                case "seccomp-profile" -> seccomp = seccomp.withProfile(v);
                case "seccomp-policy" -> seccomp = seccomp.withPolicy(v);
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
                case "abbrev", "a", "verbose", "v", "raw", "x", "read", "r", "write", "w", "fault", "inject",
                     "quiet", "q", "silent", "silence", "kvm" ->
                        throw new UsageError("-e " + key + "= is not supported yet");
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
            if (follow == 2 && output == null) {
                follow = 1;
            }
            TextOptions.Stamp stamp = switch (Math.min(stamps, 3)) {
                case 0 -> TextOptions.Stamp.NONE;
                case 1 -> TextOptions.Stamp.SECONDS;
                case 2 -> TextOptions.Stamp.MICROS;
                default -> TextOptions.Stamp.EPOCH;
            };
            ValueText.Hex h = hex == 0 ? ValueText.Hex.NONE : hex == 1 ? ValueText.Hex.NON_PRINTABLE : ValueText.Hex.ALL;
            Selection sel = new Selection(trace != null ? trace : s -> true, trace == null,
                    signals != null ? signals : s -> true);
            return new Options(follow, output, append, new DecodeOptions(stringLimit, verbose, fds, xstyle), h,
                    column, stamp, relative, durations, numbers, quiet, sel, statuses, List.copyOf(pids),
                    List.copyOf(command), action, seccomp);
        }
    }
}

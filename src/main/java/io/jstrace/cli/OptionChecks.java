package io.jstrace.cli;

import io.jstrace.model.CallStatus;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.linux.User;
import io.jstrace.output.SummaryOptions;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.seccomp.SeccompOptions;
import io.jstrace.trace.Qualifiers;
import io.jstrace.trace.Selection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What strace checks once every option is read, in its order: the first failure ends jstrace,
 * after the warnings made before it. Then the {@link Options}.
 */
final class OptionChecks {
    private final OptionState s;
    private final List<String> command;
    private final List<String> warnings = new ArrayList<>();

    private OptionChecks(OptionState s, List<String> command) {
        this.s = s;
        this.command = command;
    }

    static Invocation finish(OptionState s, List<String> command) throws UsageError {
        if (s.versionVerbosity > 0) {
            return new Invocation.Version(s.versionVerbosity);
        }
        OptionChecks c = new OptionChecks(s, command);
        try {
            return c.check();
        } catch (UsageError e) {
            throw e.after(c.warnings);
        }
    }

    private Options check() throws UsageError {
        if (command.isEmpty() && s.pids.isEmpty()) {
            throw new UsageError("must have PROG [ARGS] or -p PID", true);
        }
        if (s.daemonizeLong > 0 && s.daemonizeShort > 0) {
            throw new UsageError("-D and --daemonize cannot be provided simultaneously");
        }
        int daemonize = s.daemonizeLong > 0 ? s.daemonizeLong : s.daemonizeShort;
        if (command.isEmpty() && daemonize > 0) {
            throw new UsageError("PROG [ARGS] must be specified with -D/--daemonize", true);
        }
        if (daemonize > 3) {
            throw new UsageError("Too many -D's (" + daemonize + "), maximum supported -D count is 3", true);
        }
        TextOptions.Stamp stamp = s.longStamp != null ? s.longStamp : TextOptions.Stamp.NONE;
        if (s.stampShort > 0) {
            if (s.longStamp != null) {
                throw new UsageError("-t and --absolute-timestamps cannot be provided simultaneously");
            }
            stamp = s.stampShort == 1 ? TextOptions.Stamp.SECONDS : s.stampShort == 2 ? TextOptions.Stamp.MICROS
                    : TextOptions.Stamp.EPOCH;
        }
        if (s.hexLong >= 0 && s.hexShort > 0) {
            throw new UsageError("-x and --strings-in-hex cannot be provided simultaneously");
        }
        int hex = s.hexLong >= 0 ? s.hexLong : s.hexShort;
        if (s.fdShort > 0 && s.decodeFds != null) {
            throw new UsageError("-y and --decode-fds cannot be provided simultaneously");
        }
        IntPredicate decodeFds = s.fdShort == 1 ? fd -> fd == 0 : s.fdShort > 1 ? fd -> true
                : s.decodeFds != null ? s.decodeFds : fd -> false;
        boolean seccompBpf = s.seccompBpf;
        if (seccompBpf && s.detachOnExecve) {
            warnings.add("--seccomp-bpf is not enabled because it is not compatible with -b");
            seccompBpf = false;
        }
        boolean follow = s.followLong;
        boolean separately = s.outputSeparately;
        if (s.followShort > 0) {
            if (s.followLong) {
                throw new UsageError("-f and --follow-forks cannot be provided simultaneously");
            }
            if (s.followShort >= 2 && separately) {
                throw new UsageError("-ff and --output-separately cannot be provided simultaneously");
            }
            follow = true;
            separately = s.followShort >= 2;
        }
        if (seccompBpf) {
            if (!s.pids.isEmpty() && (command.isEmpty() || s.debug)) {
                warnings.add("--seccomp-bpf is not enabled for processes attached with -p");
            }
            if (!follow) {
                warnings.add("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
                seccompBpf = false;
            }
        }
        if (s.optF) {
            warnings.add(follow ? "deprecated option -F ignored"
                    : "option -F is deprecated, please use -f/--follow-forks instead");
            follow = true;
        }
        if (separately && s.summary.on()) {
            throw new UsageError("(-c/--summary-only or -C/--summary) and -ff/--output-separately"
                    + " are mutually exclusive", true);
        }
        s.summary.check(warnings);
        if (s.summary.only) {
            noEffect(s.instructionPointer, "-i/--instruction-pointer");
            noEffect(s.stackTrace, "-k/--stack-traces");
            noEffect(s.numbers, "-n/--syscall-number");
            noEffect(s.relativeDigits >= 0, "-r/--relative-timestamps");
            noEffect(stamp.format() != TextOptions.Stamp.Format.NONE, "-t/--absolute-timestamps");
            noEffect(s.durationDigits >= 0, "-T/--syscall-times");
            noEffect(fdDetail(decodeFds) > 0, "-y/--decode-fds");
        }
        if (s.output == null) {
            if (separately && !follow) {
                warnings.add("--output-separately has no effect without -o/--output");
            }
            if (s.append) {
                warnings.add("-A/--output-append-mode has no effect without -o/--output");
            }
        }
        if (s.zflags > 1) {
            warnings.add("Only the last of -z/--successful-only/-Z/--failed-only options will take effect."
                    + " See status qualifier for more complex filters.");
        }
        if (s.column == Integer.MAX_VALUE) {
            // strace allocates COLUMN + 1 spaces, an int that overflows here.
            throw new UsageError("Out of memory");
        }
        if (s.user != null) {
            user(s.user);
        }
        boolean pipe = s.output != null && (s.output.startsWith("|") || s.output.startsWith("!"));
        if (pipe && separately) {
            throw new UsageError("piping the output and -ff/--output-separately are mutually exclusive", true);
        }
        if (s.output == null) {
            separately = false; // -ff without -o is -f
        }
        notYet(daemonize > 0, "-D/--daemonize");
        if (s.killOnExit && !s.pids.isEmpty()) {
            throw new UsageError("--kill-on-exit and -p/--attach are mutually exclusive options");
        }
        return build(follow ? separately ? 2 : 1 : 0, stamp, hex, decodeFds, seccompBpf);
    }

    private Options build(int follow, TextOptions.Stamp stamp, int hex, IntPredicate decodeFds, boolean seccompBpf)
            throws UsageError {
        SeccompOptions seccomp = seccompBpf ? s.seccomp.withBpf(SeccompOptions.Bpf.ON) : s.seccomp;
        if (seccomp.policy() != null && command.isEmpty()) {
            throw new UsageError("--seccomp-policy applies to a command jstrace starts, not to -p");
        }
        if (seccomp.policy() != null && seccomp.bpf() == SeccompOptions.Bpf.ON) {
            throw new UsageError("--seccomp-bpf cannot be combined with --seccomp-policy");
        }
        if (s.syscallLimit > 0 && seccomp.bpf() != SeccompOptions.Bpf.OFF) {
            // Detached at the limit, the command would keep the filter, and its filtered calls would fail with ENOSYS.
            if (seccomp.bpf() == SeccompOptions.Bpf.ON) {
                warnings.add("--seccomp-bpf is not used with --syscall-limit, disabling");
            }
            seccomp = seccomp.withBpf(SeccompOptions.Bpf.OFF);
        }
        boolean implicitQuiet = s.output != null && !command.isEmpty();
        int q = s.quietShort == 0 && s.quietSet == null && implicitQuiet ? 1 : s.quietShort;
        UsageError quietConflict = q > 0 && s.quietSet != null
                ? new UsageError("-q and -e quiet/--quiet cannot be provided simultaneously") : null;
        IntPredicate quiet = q == 0 ? (s.quietSet != null ? s.quietSet : n -> false)
                : QualifyExpr.quietSet(q == 1 ? QualifyExpr.Q : q == 2 ? QualifyExpr.QQ : QualifyExpr.QQQ);
        Options.Interruptible intr = s.interruptible != null ? s.interruptible
                : implicitQuiet ? Options.Interruptible.NEVER : Options.Interruptible.WAITING;
        Set<CallStatus> statuses = s.statuses == null ? null : members(CallStatus.class, s.statuses);
        Qualifiers qualifiers = new Qualifiers(s.abbrev, s.dereference, s.raw, s.readFds, s.writeFds,
                s.syscallLimit, r -> statuses == null || statuses.contains(CallStatus.of(r)));
        // The options a call gets unless -e abbrev=/verbose= single it out (Qualifiers.decode).
        boolean verbose = s.table.all().stream().noneMatch(s.abbrev);
        DecodeOptions decode = new DecodeOptions(s.stringLimit, verbose, fdDetail(decodeFds), s.xstyle,
                s.table.all().stream().allMatch(s.dereference), s.decodePids.test(1), s.decodePids.test(0), s.kvm);
        // A number the table does not know is always shown, whatever -e trace= says, as by strace.
        Selection sel = new Selection(s.trace == null ? sc -> true : s.trace, true, s.signals);
        return new Options(follow, s.output, s.append, decode, ValueText.Hex.values()[hex], s.column, stamp,
                s.relativeDigits, s.durationDigits, s.numbers, members(Options.Quiet.class, quiet), sel, statuses,
                List.copyOf(s.pids), List.copyOf(command), s.color, s.summary.build(), List.copyOf(warnings),
                s.tampering.build(), s.json, s.timeline, List.copyOf(s.paths), s.instructionPointer, qualifiers,
                s.stackTrace && !s.summary.only, seccomp, s.debug, intr, List.copyOf(s.env), s.tips, quietConflict,
                s.backend, s.user, s.detachOnExecve, s.killOnExit);
    }

    /** -y is decode-fds=path, -yy all: the set's tokens (path, socket, dev, pidfd) as DecodeOptions' FD_* bits. */
    private static int fdDetail(IntPredicate set) {
        int bits = 0;
        for (int token = 0; token < 4; token++) {
            bits |= set.test(token) ? 1 << token : 0;
        }
        return bits;
    }

    private void noEffect(boolean given, String option) {
        if (given) {
            warnings.add(option + " has no effect with -c/--summary-only");
        }
    }

    private static void notYet(boolean given, String option) throws UsageError {
        if (given) {
            throw new UsageError(option + " is not supported yet");
        }
    }

    /** -u USER: strace's checks (real and effective user root, a user the password and group databases know). */
    private static void user(String name) throws UsageError {
        if (!statusLine("Uid:").matches("Uid:\\s+0\\s+0\\s.*")) {
            throw new UsageError("You must be root to use the -u/--username option");
        }
        if (User.named(name) == null) {
            throw new UsageError("Cannot find user '" + name + "'");
        }
    }

    private static String statusLine(String key) {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(key)).findFirst().orElse("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static <E extends Enum<E>> Set<E> members(Class<E> type, IntPredicate in) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (in.test(e.ordinal())) {
                set.add(e);
            }
        }
        return Set.copyOf(set);
    }
}

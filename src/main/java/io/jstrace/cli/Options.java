package io.jstrace.cli;

import io.jstrace.model.CallStatus;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.Palette;
import io.jstrace.output.SummaryOptions;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.seccomp.SeccompOptions;
import io.jstrace.trace.Qualifiers;
import io.jstrace.trace.Selection;
import io.jstrace.trace.Tampering;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the command line asked for, parsed once. {@code summary} is null without -c/-C;
 * {@code warnings} are strace's non-fatal complaints about the options, printed before tracing.
 * {@code relativeDigits} and {@code durationDigits}: digits of -r's and -T's fraction, -1 without
 * them. {@code envChanges}: -E's VAR=VAL and VAR, in order. {@code quietConflict}: strace's
 * complaint about -q with -e quiet=, which it makes only once the output is open.
 * {@code json}: --json lines instead of strace's text; {@code timeline}: the --timeline file, or null;
 * {@code backend}: --backend, ptrace or bpf. {@code user}: -u's user or null; {@code detachOnExecve}: -b execve; {@code killOnExit}:
 * --kill-on-exit (strace 6.6).
 */
public record Options(
        int follow,
        String output,
        boolean appendOutput,
        DecodeOptions decode,
        ValueText.Hex hex,
        int column,
        TextOptions.Stamp stamp,
        int relativeDigits,
        int durationDigits,
        boolean numbers,
        Set<Quiet> quiet,
        Selection selection,
        Set<CallStatus> statuses,
        List<Integer> pids,
        List<String> command,
        Palette.When color,
        SummaryOptions summary,
        List<String> warnings,
        Tampering tampering,
        boolean json,
        String timeline,
        List<String> tracePaths,
        boolean instructionPointer,
        Qualifiers qualifiers,
        boolean stackTrace,
        SeccompOptions seccomp,
        boolean debug,
        Interruptible interruptible,
        List<String> envChanges,
        Tips tips,
        UsageError quietConflict,
        io.jstrace.session.Session.Backend backend,
        String user,
        boolean detachOnExecve,
        boolean killOnExit) implements Invocation {

    /** The informational messages -q and -e quiet= can suppress. */
    public enum Quiet { ATTACH, EXIT, PATH_RESOLUTION, PERSONALITY, THREAD_EXECVE }

    /**
     * -I: when the terminal's signals (HUP, INT, QUIT, PIPE, TERM) may interrupt jstrace:
     * anywhere, while waiting (the default), never (the default with -o and a command), or never
     * and SIGTSTP blocked too.
     */
    public enum Interruptible {
        ANYWHERE("anywhere", "always"), WAITING("waiting"), NEVER("never"), NEVER_TSTP("never_tstp");

        private final List<String> names;

        Interruptible(String... names) {
            this.names = List.of(names);
        }

        List<String> names() {
            return names;
        }
    }

    /** --tips: which tip (-1: a random one) in which drawing, printed when tracing ends. */
    public record Tips(int id, Format format) {
        public enum Format { NONE, COMPACT, FULL }

        /**
         * --tips=[[id:]ID][,[format:]FORMAT]: ID a number or random, FORMAT none, compact or
         * full, any case; what a token leaves unsaid stays as {@code previous} set it. Empty if invalid.
         */
        static Optional<Tips> parse(String value, Tips previous) {
            int id = previous == null ? -1 : previous.id;
            Format format = previous == null || previous.format == Format.NONE ? Format.COMPACT : previous.format;
            for (String token : value.split(",")) {
                if (token.isEmpty()) {
                    continue;
                }
                String t = token.toLowerCase(java.util.Locale.ROOT);
                boolean idOnly = t.startsWith("id:"), formatOnly = t.startsWith("format:");
                String w = idOnly ? t.substring(3) : formatOnly ? t.substring(7) : t;
                long n = io.jstrace.trace.UintArg.parse(w, Integer.MAX_VALUE);
                if (!formatOnly && (w.equals("random") || n >= 0)) {
                    id = n >= 0 ? (int) n : -1;
                } else if (!idOnly && (w.equals("none") || w.equals("compact") || w.equals("full"))) {
                    format = Format.valueOf(w.toUpperCase(java.util.Locale.ROOT));
                } else {
                    return Optional.empty();
                }
            }
            return Optional.of(new Tips(id, format));
        }
    }

    public boolean followForks() {
        return follow > 0;
    }
}

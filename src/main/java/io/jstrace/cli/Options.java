package io.jstrace.cli;

import io.jstrace.model.CallStatus;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.Palette;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.trace.Qualifiers;
import io.jstrace.trace.Selection;

import java.util.List;

/**
 * Everything the command line asked for, parsed once. {@code summary} is null without -c/-C;
 * {@code warnings} are strace's non-fatal complaints about the options, printed before tracing.
 * {@code json}: --json lines instead of strace's text; {@code timeline}: the --timeline file, or null.
 */
public record Options(
        int follow,
        String output,
        boolean appendOutput,
        DecodeOptions decode,
        ValueText.Hex hex,
        int column,
        TextOptions.Stamp stamp,
        boolean relative,
        boolean durations,
        boolean numbers,
        java.util.Set<Quiet> quiet,
        Selection selection,
        java.util.Set<CallStatus> statuses,
        List<Integer> pids,
        List<String> command,
        Action action,
        Palette.When color,
        io.jstrace.output.SummaryOptions summary,
        List<String> warnings,
        io.jstrace.trace.Tampering tampering,
        boolean json,
        String timeline,
        List<String> tracePaths,
        boolean instructionPointer,
        Qualifiers qualifiers,
        boolean stackTrace,
        io.jstrace.seccomp.SeccompOptions seccomp,
        io.jstrace.session.Session.Backend backend) {

    /** The informational messages -q and -e quiet= can suppress. */
    public enum Quiet { ATTACH, EXIT, PATH_RESOLUTION, PERSONALITY, THREAD_EXECVE }

    /** What to do instead of tracing. */
    public enum Action { TRACE, HELP, VERSION }

    public boolean followForks() {
        return follow > 0;
    }
}

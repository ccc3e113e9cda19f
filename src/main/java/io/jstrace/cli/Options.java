package io.jstrace.cli;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.output.TextOptions;
import io.jstrace.output.ValueText;
import io.jstrace.trace.Selection;

import java.util.List;

/** Everything the command line asked for, parsed once. */
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
        int quiet,
        Selection selection,
        java.util.Set<io.jstrace.output.TextOptions.Status> statuses,
        List<Integer> pids,
        List<String> command,
        Action action,
        io.jstrace.seccomp.SeccompOptions seccomp) {

    /** What to do instead of tracing. */
    public enum Action { TRACE, HELP, VERSION }

    public boolean followForks() {
        return follow > 0;
    }
}

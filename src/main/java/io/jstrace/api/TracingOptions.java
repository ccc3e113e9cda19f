package io.jstrace.api;

import io.jstrace.cli.CommandLine;
import io.jstrace.cli.Invocation;
import io.jstrace.cli.Options;
import io.jstrace.cli.UsageError;
import io.jstrace.session.Session;
import io.jstrace.trace.PathFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * strace's tracing options, parsed as the jstrace command parses them and applied to a session.
 * Options that only shape the text output are refused rather than ignored: a caller who writes
 * {@code -T} expects durations, and the events carry them anyway.
 */
final class TracingOptions {
    private TracingOptions() {}

    /** A command for the parser to accept the options with; never run. */
    private static final List<String> PLACEHOLDER = List.of("--", "true");

    static void apply(List<String> options, Session session) {
        if (!(parse(options) instanceof Options o)) {
            throw new IllegalArgumentException("-h/-V: not a tracing option (the events carry what it would print)");
        }
        Options defaults = (Options) parse(List.of());
        String refused = refused(o, defaults);
        if (refused != null) {
            throw new IllegalArgumentException(refused + ": not a tracing option (the events carry what it would print)");
        }
        if (!o.pids().isEmpty() || !o.command().equals(defaults.command())) {
            throw new IllegalArgumentException("processes are given by JsTrace.command or JsTrace.attach, not by options");
        }
        session.follow(o.followForks()).decode(o.decode()).selection(o.selection()).tampering(o.tampering())
                .qualifiers(o.qualifiers()).stackTraces(o.stackTrace()).backend(o.backend());
        if (!o.tracePaths().isEmpty()) {
            session.tracePaths(PathFilter.of(o.tracePaths()));
        }
    }

    private static Invocation parse(List<String> options) {
        List<String> args = new ArrayList<>(options);
        args.addAll(PLACEHOLDER);
        try {
            return CommandLine.parse(args);
        } catch (UsageError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private record Check(String option, boolean set) {}

    /** The first output option {@code o} sets, by what strace calls it; null if none. */
    private static String refused(Options o, Options d) {
        List<Check> checks = List.of(
                new Check("-o", !Objects.equals(o.output(), d.output())),
                new Check("-A", o.appendOutput() != d.appendOutput()),
                new Check("-x/-xx", o.hex() != d.hex()),
                new Check("-a", o.column() != d.column()),
                new Check("-t/-tt/-ttt", !Objects.equals(o.stamp(), d.stamp())),
                new Check("-r", o.relativeDigits() != d.relativeDigits()),
                new Check("-T", o.durationDigits() != d.durationDigits()),
                new Check("-n", o.numbers() != d.numbers()),
                new Check("-q", !Objects.equals(o.quiet(), d.quiet())),
                new Check("-e status=/-z/-Z", !Objects.equals(o.statuses(), d.statuses())),
                new Check("--color", o.color() != d.color()),
                new Check("-c/-C", !Objects.equals(o.summary(), d.summary())),
                new Check("--json", o.json() != d.json()),
                new Check("--timeline", !Objects.equals(o.timeline(), d.timeline())),
                new Check("-i", o.instructionPointer() != d.instructionPointer()),
                new Check("--seccomp-*", !Objects.equals(o.seccomp(), d.seccomp())),
                new Check("-E", !o.envChanges().equals(d.envChanges())),
                new Check("-I", o.interruptible() != d.interruptible()),
                new Check("--tips", !Objects.equals(o.tips(), d.tips())));
        return checks.stream().filter(Check::set).map(Check::option).findFirst().orElse(null);
    }
}

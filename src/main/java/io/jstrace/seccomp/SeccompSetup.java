package io.jstrace.seccomp;

import io.jstrace.linux.Seccomp;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.SeccompLaunch;
import io.jstrace.trace.Selection;
import io.jstrace.trace.SelectedOnly;
import io.jstrace.trace.Sink;
import io.jstrace.trace.Tee;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the seccomp options make of one run: which calls the tracer reports (all of them when a
 * profile is recorded or a policy reported), the sink that takes them, and the filter the
 * started command gets.
 */
public record SeccompSetup(Selection selection, Sink sink, SeccompLaunch launch) {

    /**
     * Reads the policy and opens the profile file (so that neither fails after the command ran).
     *
     * @param shown         what -e trace= and -e signal= chose to show
     * @param startsCommand false for -p: a filter can only be installed in a command jstrace starts
     * @param text          the sink that prints the trace
     * @param warn          jstrace's one-line warnings (strace's wording where strace has one)
     * @param notes         what a profile's reading skipped (-v shows them)
     */
    public static SeccompSetup of(SeccompOptions o, Selection shown, boolean followForks, boolean startsCommand,
                                  Sink text, PrintStream err, String program, Consumer<String> warn,
                                  Consumer<String> notes) throws ProfileError {
        SyscallTable table = SyscallTable.x86_64();
        Host host = Host.current();
        Profile policy = o.policy() == null ? null : ProfileReader.read("seccomp policy", o.policy(), table, host, notes);
        if (policy != null && policy.defaultAction().equals(Action.ALLOW) && policy.rules().isEmpty()) {
            warn.accept("seccomp policy '" + o.policy() + "': allows every call (no defaultAction or rules to confine the command)");
        }
        if (o.profile() == null && (o.profileBase() != null || o.learnArgs())) {
            throw new ProfileError("--seccomp-profile-base and --seccomp-profile-args need --seccomp-profile");
        }
        List<Sink> everyCall = new ArrayList<>();
        if (o.profile() != null) {
            Profile base = o.profileBase() == null ? null
                    : ProfileReader.read("seccomp profile base", o.profileBase(), table, host, notes);
            everyCall.add(new ProfileRecorder(create(o.profile()), table, warn, o.learnArgs(), base));
        }
        if (policy != null) {
            if (!Seccomp.available()) {
                throw new ProfileError("seccomp policy '" + o.policy() + "': this kernel has no seccomp filters");
            }
            everyCall.add(new ViolationReport(policy, err, program));
        }
        Selection selection = shown;
        Sink sink = text;
        if (!everyCall.isEmpty()) {
            selection = new Selection(s -> true, true, shown.signals());
            everyCall.addFirst(new SelectedOnly(shown, table, text));
            sink = Tee.of(everyCall);
        }
        SeccompLaunch launch = policy != null
                ? new SeccompLaunch(FilterPlan.policy(policy, table), false, null)
                : tracing(o.bpf(), selection, followForks, startsCommand, table, warn);
        return new SeccompSetup(selection, sink, launch);
    }

    /** --seccomp-bpf: on by default where it is correct, with strace's warnings when asked for in vain. */
    private static SeccompLaunch tracing(SeccompOptions.Bpf bpf, Selection selection, boolean followForks,
                                         boolean startsCommand, SyscallTable table, Consumer<String> warn) {
        if (bpf == SeccompOptions.Bpf.OFF) {
            return SeccompLaunch.NONE;
        }
        Consumer<String> refuse = bpf == SeccompOptions.Bpf.ON ? warn : m -> { };
        if (!startsCommand) {
            refuse.accept("--seccomp-bpf is not enabled for processes attached with -p");
        } else if (!followForks) {
            // Untraced children would inherit the filter, and each RET_TRACE call of theirs would fail with ENOSYS.
            refuse.accept("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
        } else if (!FilterPlan.excludesAny(selection, table)) {
            refuse.accept("Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.");
        } else if (!Seccomp.available()) {
            refuse.accept("seccomp filter is requested but unavailable");
        } else {
            return new SeccompLaunch(FilterPlan.tracing(selection, table), true,
                    () -> refuse.accept("seccomp filter is requested but unavailable"));
        }
        return SeccompLaunch.NONE;
    }

    private static OutputStream create(String file) throws ProfileError {
        try {
            return Files.newOutputStream(Path.of(file));
        } catch (IOException e) {
            throw ProfileError.of("seccomp profile", file, e);
        }
    }
}

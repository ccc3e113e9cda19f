package io.jstrace.seccomp;

import io.jstrace.model.Event;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * --seccomp-profile: the calls a run made, by every traced thread, written when tracing ends as
 * an OCI/Docker seccomp profile that allows exactly them and fails everything else with EPERM:
 * <pre>
 * {"defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1, "architectures": ["SCMP_ARCH_X86_64"],
 *  "syscalls": [{"names": [sorted names], "action": "SCMP_ACT_ALLOW"}, ...]}
 * </pre>
 * With --seccomp-profile-args, the calls in {@link #LEARNED} are allowed only with the values
 * their first argument had (socket families, personality values: numbers that select what the
 * call does, never pointers or sizes that change from run to run). With a base profile (an OCI
 * runtime's own needs, say), its rules are added to the learned ones, and an unconditional rule
 * of either wins over conditional ones. Only x86_64 calls are named; a number the syscall table
 * does not know cannot be (a warning says so).
 */
public final class ProfileRecorder implements Sink {
    /** The calls whose first argument --seccomp-profile-args learns. */
    static final List<String> LEARNED = List.of("socket", "socketpair", "personality");

    private final OutputStream out;
    private final SyscallTable table;
    private final Consumer<String> warn;
    private final boolean learnArgs;
    private final Profile base;
    private final TreeSet<String> names = new TreeSet<>();
    private final Map<String, TreeSet<Long>> values = new TreeMap<>();
    private final TreeSet<Integer> unnamed = new TreeSet<>();
    private boolean closed;

    /**
     * Writes to {@code out} (opened before the command starts, so a bad path fails first).
     *
     * @param base rules to add to the learned ones, or null
     */
    public ProfileRecorder(OutputStream out, SyscallTable table, Consumer<String> warn, boolean learnArgs, Profile base) {
        this.out = out;
        this.table = table;
        this.warn = warn;
        this.learnArgs = learnArgs;
        this.base = base;
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.SyscallEntry e) {
            var sc = table.byNumber(e.number());
            if (sc == null) {
                unnamed.add(e.number());
            } else if (learnArgs && LEARNED.contains(sc.name()) && e.args().length > 0) {
                values.computeIfAbsent(sc.name(), n -> new TreeSet<>()).add(e.args()[0]);
            } else {
                names.add(sc.name());
            }
        }
    }

    /** The profile learned so far, with the base's rules. */
    Profile profile() {
        Action allow = Action.ALLOW;
        Rules rules = new Rules(Action.of(Action.Kind.ERRNO, 1));
        for (String n : names) {
            rules.add(n, Rule.always(allow));
        }
        values.forEach((n, vs) -> vs.forEach(v -> rules.add(n, new Rule(allow, List.of(new Condition(0, Condition.Op.EQ, v, 0))))));
        if (base != null) {
            base.rules().forEach((n, rs) -> rs.forEach(r -> rules.add(n, r)));
        }
        return rules.profile(List.of("SCMP_ARCH_X86_64"));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int nr : unnamed) {
            warn.accept("seccomp profile: syscall " + nr + " has no name here and is left out");
        }
        try {
            ProfileWriter.write(profile(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

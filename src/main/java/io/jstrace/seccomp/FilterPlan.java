package io.jstrace.seccomp;

import io.jstrace.linux.Bpf;
import io.jstrace.linux.Seccomp;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Selection;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Which seccomp action each syscall number gets, for --seccomp-bpf and for --seccomp-policy. */
public final class FilterPlan {
    private FilterPlan() {}

    /**
     * Traced whatever -e trace= says: execve and execveat (the tracer shows the command from its
     * execve on, and learns of every exec at its entry), clone and clone3 (their CLONE_UNTRACED
     * is cleared at entry, see {@link io.jstrace.linux.CloneUntraced}). fork, vfork and clone's
     * children are followed by ptrace options, not by stopping at the call.
     */
    static final List<String> ALWAYS_TRACED = List.of("execve", "execveat", "clone", "clone3");

    /** Whether {@code selection} leaves out any call, so that a filter would spare stops. */
    public static boolean excludesAny(Selection selection, SyscallTable table) {
        return !selection.unknownSyscalls() || table.all().stream().anyMatch(s -> !selection.shows(s));
    }

    /**
     * --seccomp-bpf: RET_TRACE for the calls {@code selection} shows and {@link #ALWAYS_TRACED},
     * RET_ALLOW for the rest; calls of other ABIs (i386, x32) always stop, since their numbers
     * mean other calls.
     */
    public static byte[] tracing(Selection selection, SyscallTable table) {
        int[] actions = actions(table, Seccomp.RET_ALLOW);
        for (Syscall s : table.all()) {
            if (selection.shows(s) || ALWAYS_TRACED.contains(s.name())) {
                actions[s.number()] = Seccomp.RET_TRACE;
            }
        }
        int unknown = selection.unknownSyscalls() ? Seccomp.RET_TRACE : Seccomp.RET_ALLOW;
        return Seccomp.program(actions, unknown, Seccomp.RET_TRACE);
    }

    /**
     * --seccomp-policy: each named call's action, tested on its arguments where its rules have
     * conditions, the default action for the rest. The names are x86_64 names, so calls of other
     * ABIs get the default action, or are killed when the default lets calls through: a deny
     * list written for x86_64 numbers must not be sidestepped through int 0x80.
     */
    public static byte[] policy(Profile profile, SyscallTable table) {
        Action d = profile.defaultAction();
        int[] actions = actions(table, d.ret());
        Map<Integer, Consumer<Bpf>> decided = new HashMap<>();
        profile.rules().forEach((name, rules) -> {
            int nr = table.byName(name).number();
            if (profile.conditional(name)) {
                decided.put(nr, p -> RuleCode.write(p, rules, d));
            } else if (!rules.isEmpty()) {
                actions[nr] = rules.getFirst().action().ret();
            }
        });
        return Seccomp.program(actions, d.ret(), d.letsThrough() ? Seccomp.RET_KILL_PROCESS : d.ret(), decided);
    }

    private static int[] actions(SyscallTable table, int fill) {
        int[] a = new int[table.all().getLast().number() + 1];
        Arrays.fill(a, fill);
        return a;
    }
}

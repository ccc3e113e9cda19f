package io.jstrace.seccomp;

import io.jstrace.linux.BpfInterpreter;
import io.jstrace.linux.Seccomp;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.trace.Selection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterPlanTest {
    static final SyscallTable TABLE = SyscallTable.x86_64();
    static final int X86_64 = BpfInterpreter.X86_64, I386 = BpfInterpreter.I386;

    static int run(byte[] program, int arch, int nr) {
        return BpfInterpreter.run(program, arch, nr);
    }

    static int nr(String name) {
        return TABLE.byName(name).number();
    }

    @Test
    void tracingStopsAtShownCallsAndWhatTheTracerNeeds() {
        Selection openat = new Selection(s -> s.name().equals("openat"), false, sig -> true);
        byte[] prog = FilterPlan.tracing(openat, TABLE);
        for (String traced : List.of("openat", "execve", "execveat", "clone", "clone3")) {
            assertEquals(Seccomp.RET_TRACE, run(prog, X86_64, nr(traced)), traced);
        }
        for (String spared : List.of("read", "write", "close", "fork", "vfork", "wait4", "exit_group")) {
            assertEquals(Seccomp.RET_ALLOW, run(prog, X86_64, nr(spared)), spared);
        }
        assertEquals(Seccomp.RET_TRACE, run(prog, I386, 3), "i386 numbers mean other calls: always stop");
        assertEquals(Seccomp.RET_TRACE, run(prog, X86_64, 0x40000000 | 257), "x32");
        assertEquals(Seccomp.RET_ALLOW, run(prog, X86_64, 1000), "unknown numbers are not shown under -e trace=");
        Selection notWrite = new Selection(s -> !s.name().equals("write"), true, sig -> true);
        assertEquals(Seccomp.RET_TRACE, run(FilterPlan.tracing(notWrite, TABLE), X86_64, 1000));
    }

    @Test
    void onlySelectionsThatLeaveSomethingOutSpareStops() {
        assertFalse(FilterPlan.excludesAny(Selection.ALL, TABLE));
        assertTrue(FilterPlan.excludesAny(new Selection(s -> !s.name().equals("write"), true, sig -> true), TABLE));
    }

    @Test
    void policyGivesEachNameItsAction() {
        Profile p = new Profile(new Action(Action.Kind.ERRNO, 1), List.of(), Map.of(
                "read", List.of(Rule.always(Action.ALLOW)), "openat", List.of(Rule.always(new Action(Action.Kind.ERRNO, 13))),
                "reboot", List.of(Rule.always(new Action(Action.Kind.KILL_PROCESS, 0)))));
        byte[] prog = FilterPlan.policy(p, TABLE);
        assertEquals(Seccomp.RET_ALLOW, run(prog, X86_64, nr("read")));
        assertEquals(Seccomp.RET_ERRNO | 13, run(prog, X86_64, nr("openat")));
        assertEquals(Seccomp.RET_KILL_PROCESS, run(prog, X86_64, nr("reboot")));
        assertEquals(Seccomp.RET_ERRNO | 1, run(prog, X86_64, nr("write")));
        assertEquals(Seccomp.RET_ERRNO | 1, run(prog, X86_64, 1000));
        assertEquals(Seccomp.RET_ERRNO | 1, run(prog, I386, 3), "other ABIs: the default action");
    }

    @Test
    void denyListsCannotBeSidesteppedThroughOtherAbis() {
        Profile p = new Profile(Action.ALLOW, List.of(), Map.of("ptrace", List.of(Rule.always(new Action(Action.Kind.ERRNO, 1)))));
        byte[] prog = FilterPlan.policy(p, TABLE);
        assertEquals(Seccomp.RET_ALLOW, run(prog, X86_64, nr("read")));
        assertEquals(Seccomp.RET_ERRNO | 1, run(prog, X86_64, nr("ptrace")));
        assertEquals(Seccomp.RET_KILL_PROCESS, run(prog, I386, 26), "i386 ptrace");
        assertEquals(Seccomp.RET_KILL_PROCESS, run(prog, X86_64, 0x40000000 | 521), "x32 ptrace");
    }
}

package io.jstrace.trace;

import io.jstrace.linux.Errno;
import io.jstrace.linux.Ptrace;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.Sys;
import io.jstrace.model.Event;
import io.jstrace.xlat.Signals;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** How tracees come under the tracer: a command started stopped before its execve, or running processes attached. */
final class Launcher {
    private Launcher() {}

    /**
     * Starts {@code argv} (its program resolved to {@code path}) stopped before its execve, with
     * the seccomp filter its launcher installs, and seizes it with {@code options}. Returns its
     * pid; on failure nothing of it is left.
     */
    static int start(String path, List<String> argv, Spawn.Inheritance inheritance, SeccompLaunch seccomp,
                     int options, IntConsumer started, StopSource stops) throws Errno {
        int pid = 0;
        try {
            pid = Spawn.stoppedBeforeExec(path, argv, inheritance, seccomp.program(), seccomp.fallback() == null);
            started.accept(pid);
            Ptrace.seize(pid, options);
            return pid;
        } catch (Errno | RuntimeException e) {
            if (pid > 0) {
                Sys.kill(pid, Signals.SIGKILL); // the launcher, still stopped before its execve
                stops.reap(pid);
            }
            throw e;
        }
    }

    /**
     * Seizes and interrupts every thread of each process in {@code pids}, reporting each failure to
     * {@code warn}. Returns how many threads were attached.
     */
    static int attach(List<Integer> pids, int options, Tasks tasks, Consumer<String> warn) {
        int attached = 0;
        for (int pid : pids) {
            for (int tid : Proc.threads(pid)) {
                try {
                    Ptrace.seize(tid, options);
                    Ptrace.interrupt(tid);
                    tasks.add(tid, Event.How.ATTACHED);
                    attached++;
                } catch (Errno e) {
                    warn.accept("attach: ptrace(PTRACE_SEIZE, " + tid + "): " + Errnos.message(e.errno()));
                }
            }
        }
        return attached;
    }
}

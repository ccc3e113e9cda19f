package io.jstrace.trace;

import io.jstrace.linux.Errno;
import io.jstrace.linux.Ptrace;
import io.jstrace.linux.Spawn;
import io.jstrace.linux.Sys;
import io.jstrace.linux.User;
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
     * the seccomp filter its launcher installs, as {@code user} (null: as jstrace), and seizes it
     * with {@code options}. Returns its pid; on failure nothing of it is left.
     */
    static int start(String path, List<String> argv, Spawn.Inheritance inheritance, SeccompLaunch seccomp, User user,
                     int options, IntConsumer started, StopSource stops) throws Errno {
        int pid = 0;
        try {
            pid = Spawn.stoppedBeforeExec(path, argv, inheritance,
                    new Spawn.Setup(seccomp.program(), seccomp.fallback() == null, user));
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
     * Seizes and interrupts each thread in {@code pids} and, with {@code allThreads} (-f), every
     * other thread of its process, as strace does. A failure to attach a named thread goes to
     * {@code warn}; another thread that failed has exited meanwhile, which is no error (strace
     * says so only under -d). Returns how many threads were attached.
     */
    static int attach(List<Integer> pids, boolean allThreads, int options, Tasks tasks, Consumer<String> warn) {
        int attached = 0;
        for (int pid : pids) {
            int process = Proc.processOf(pid);
            try {
                seize(process, pid, options, tasks);
                attached++;
            } catch (Errno e) {
                warn.accept("attach: ptrace(PTRACE_SEIZE, " + pid + "): " + Errnos.message(e.errno()));
                continue;
            }
            if (!allThreads) {
                continue;
            }
            for (int tid : Proc.threads(pid)) {
                if (tasks.get(tid) == null) {
                    try {
                        seize(process, tid, options, tasks);
                        attached++;
                    } catch (Errno e) {
                        // Gone since /proc listed it.
                    }
                }
            }
        }
        return attached;
    }

    private static void seize(int pid, int tid, int options, Tasks tasks) throws Errno {
        Ptrace.seize(tid, options);
        Ptrace.interrupt(tid);
        tasks.add(pid, tid, Event.How.ATTACHED);
    }
}

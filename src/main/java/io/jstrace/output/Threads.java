package io.jstrace.output;

import io.jstrace.model.Event;
import io.jstrace.trace.Proc;

import java.util.HashMap;
import java.util.Map;

/**
 * What structured outputs say about a thread beyond its ids: its name. This reads /proc/TID/comm
 * when a thread is attached (it exists then: it is stopped or about to report its first stop)
 * and again after a successful execve; later look-ups are a map read.
 */
final class Threads {
    /** {@code name} is the kernel's comm: the executable's name, at most 15 bytes. */
    record Info(int pid, String name) {}

    private final Map<Integer, Info> known = new HashMap<>();

    /**
     * Updates what is known from {@code e}; call it for every event before writing the event.
     * Returns whether it (re)learned {@code e}'s thread: at attach and after an execve.
     */
    boolean learn(Event e) {
        if (e instanceof Event.Attached a) {
            known.put(a.tid(), new Info(a.pid(), Proc.comm(a.tid())));
            return true;
        }
        if (e instanceof Event.SyscallExit x && isExec(x)) {
            known.put(x.tid(), new Info(pid(x.tid()), Proc.comm(x.tid())));
            return true;
        }
        return false;
    }

    private static boolean isExec(Event.SyscallExit x) {
        return x.result() instanceof Event.Result.Success && (x.name().equals("execve") || x.name().equals("execveat"));
    }

    /** The thread group of {@code tid}; the tid itself when /proc could not tell (it was gone when attached). */
    int pid(int tid) {
        Info i = known.get(tid);
        return i != null ? i.pid() : tid;
    }

    /** The thread's name; its tid as text when /proc could not tell. */
    String name(int tid) {
        Info i = known.get(tid);
        return i != null && i.name() != null ? i.name() : String.valueOf(tid);
    }
}

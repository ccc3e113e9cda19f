package io.jstrace.trace;

import io.jstrace.linux.Errno;
import io.jstrace.linux.Ptrace;
import io.jstrace.linux.WaitStatus;
import io.jstrace.model.Event;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The traced threads by tid, as they come (started, attached, followed through fork, vfork and
 * clone), change (a non-leader's execve takes the leader's tid) and go (exit, death); and the
 * command the tracer started, whose status is jstrace's.
 */
final class Tasks {
    private final Map<Integer, Task> byTid = new HashMap<>();
    /**
     * New children that stopped, ran and exited before their parent's fork, vfork or clone event
     * was handled (short threads on the other CPU do): the event must not bring them back as
     * tasks that would never report again, which kept the loop waiting for ever.
     */
    private final Set<Integer> goneAheadOfParentEvent = new HashSet<>();
    private final PendingEvents events;
    private final SyscallStops calls;
    private final Stacks stacks;
    /** The started command's pid, 0 when attached. */
    private int mainPid;
    private int mainStatus;
    private boolean mainGone;
    /** The exit code of the command's launcher when it exited before its execve, else 0. */
    private int launcherExit;

    /** -Y: threads' names are reported ({@link Event.Renamed}). */
    private final boolean names;

    Tasks(PendingEvents events, SyscallStops calls, Stacks stacks, boolean names) {
        this.names = names;
        this.events = events;
        this.calls = calls;
        this.stacks = stacks;
    }

    Task get(int tid) {
        return byTid.get(tid);
    }

    boolean isEmpty() {
        return byTid.isEmpty();
    }

    int size() {
        return byTid.size();
    }

    Set<Integer> tids() {
        return byTid.keySet();
    }

    /** Forgets {@code t}, detached: it reports nothing more. */
    void detached(Task t) {
        byTid.remove(t.tid);
        events.add(new Event.Detached(t.pid, t.tid, events.now()));
    }

    /** A thread of process {@code pid} that comes under the tracer; its attach is reported. */
    Task add(int pid, int tid, Event.How how) {
        Task t = new Task(pid, tid);
        byTid.put(tid, t);
        events.add(new Event.Attached(pid, tid, events.now(), how));
        // The launcher is jstrace's child before its execve, as strace's is strace's: it goes by jstrace's name.
        renamed(how == Event.How.STARTED ? (int) ProcessHandle.current().pid() : tid, t);
        return t;
    }

    /** -Y: {@code t} goes by the name /proc gives thread {@code of} (itself, but for the launcher). */
    void renamed(int of, Task t) {
        if (names) {
            t.name = Proc.comm(of);
            events.add(new Event.Renamed(t.pid, t.tid, events.now(), t.name));
        }
    }

    /** The command's launcher, seized: its calls stay hidden until the command's execve. */
    void started(int pid) {
        mainPid = pid;
        Task t = add(pid, pid, Event.How.STARTED);
        t.hidden = true;
        t.launching = true;
    }

    /** A new child's first stop, come before its parent's fork, vfork or clone event. */
    Task aheadOfParentEvent(int tid) {
        Task t = add(Proc.processOf(tid), tid, Event.How.FOLLOWED);
        t.aheadOfParentEvent = true;
        return t;
    }

    /**
     * {@code parent}'s fork, vfork or clone ({@code cloned}) event: its new child is traced from
     * now on. A fork's child is a process of its own; a clone's may be a thread of the parent's.
     */
    void forked(Task parent, boolean cloned) {
        try {
            int child = (int) Ptrace.eventMessage(parent.tid);
            Task known = byTid.get(child);
            if (known != null) {
                known.aheadOfParentEvent = false;
            } else if (!goneAheadOfParentEvent.remove(child)) {
                add(cloned ? Proc.processOf(child) : child, child, Event.How.FOLLOWED);
            }
        } catch (Errno e) {
            // The parent vanished; its child, if any, reports itself.
        }
    }

    /**
     * After execve the thread group leader's tid carries on; a non-leader that exec'd takes its
     * place. Returns the task that carries on: {@code t}, or the one that exec'd.
     */
    Task execed(Task t) {
        int former;
        try {
            former = (int) Ptrace.eventMessage(t.tid);
        } catch (Errno e) {
            return t;
        }
        if (former != t.tid) {
            Task execing = byTid.remove(former);
            if (execing != null) {
                calls.unfinished(t);
                events.add(new Event.Superseded(t.pid, t.tid, events.now(), former));
                execing.tid = t.tid;
                byTid.put(t.tid, execing);
                return execing;
            }
        }
        return t;
    }

    /** {@code t} exited or was killed, with wait status {@code s}. */
    void gone(Task t, int s) {
        CallInProgress c = t.call != null ? t.call : t.exitingCall;
        calls.unfinished(t);
        byTid.remove(t.tid);
        if (t.aheadOfParentEvent) {
            goneAheadOfParentEvent.add(t.tid);
        }
        if (t.tid == mainPid) {
            mainStatus = s;
            mainGone = true;
            if (t.hidden && !t.launchExecFailed && WaitStatus.exited(s)) {
                launcherExit = WaitStatus.exitCode(s);
            }
        }
        if (t.hidden && !t.launchExecFailed) {
            return;
        }
        if (WaitStatus.exited(s)) {
            events.add(new Event.Exited(t.pid, t.tid, events.now(), WaitStatus.exitCode(s)));
        } else {
            events.add(new Event.Killed(t.pid, t.tid, events.now(), WaitStatus.termSignal(s), WaitStatus.coreDumped(s)));
        }
        if (c != null) {
            stacks.fromEntry(t, c);
        }
    }

    /** The started command's pid while it lives, else 0. */
    int mainRunning() {
        return mainGone ? 0 : mainPid;
    }

    /** The started command's wait status once it is gone. */
    int mainStatus() {
        return mainStatus;
    }

    /** The exit code of the command's launcher if it exited before the command's execve, else 0. */
    int launcherExit() {
        return launcherExit;
    }
}

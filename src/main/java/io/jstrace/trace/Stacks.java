package io.jstrace.trace;

import io.jstrace.linux.Ptrace;
import io.jstrace.linux.Regs;
import io.jstrace.linux.RemoteMemory;
import io.jstrace.model.Event;
import io.jstrace.model.StackFrame;
import io.jstrace.syscalls.Syscall;
import io.jstrace.unwind.Unwinder;

import java.util.List;

/** -k: the stack of each shown call, signal and stop, unwound and symbolised; nothing without -k. */
final class Stacks {
    /** Null without -k. */
    private final Unwinder unwinder;
    private final PendingEvents events;

    Stacks(boolean enabled, RemoteMemory memory, PendingEvents events) {
        this.unwinder = enabled ? new Unwinder(memory) : null;
        this.events = events;
    }

    /** A thread exec'd: the mappings it unwound through are gone. */
    void mappingsChanged() {
        if (unwinder != null) {
            unwinder.mappingsChanged();
        }
    }

    /** Every call's entry, shown or not: the unwinder learns from those that change mappings. */
    void syscallEntered(Syscall sc) {
        if (unwinder != null && sc != null) {
            unwinder.syscallEntered(sc.name());
        }
    }

    /** The stack to keep from the entry of a call that does not return to it (execve, exit), or null. */
    List<StackFrame> atEntry(Task t, String name) {
        return unwinder != null && unwinder.takenAtEntry(name) ? walk(t) : null;
    }

    /** Reports the stack of {@code t} as it is now, after the event just reported for it. */
    void now(Task t) {
        List<StackFrame> frames = unwinder == null ? null : walk(t);
        if (frames != null) {
            events.add(new Event.Backtrace(t.pid, t.tid, events.now(), frames, false));
        }
    }

    /** Reports the stack taken at the entry of {@code c}, if one was; says whether one was. */
    boolean fromEntry(Task t, CallInProgress c) {
        if (c.entryStack() == null) {
            return false;
        }
        events.add(new Event.Backtrace(t.pid, t.tid, events.now(), c.entryStack(), true));
        return true;
    }

    /** The stack of {@code t} as it is now, or null if its registers cannot be read. */
    private List<StackFrame> walk(Task t) {
        Regs regs = Ptrace.regs(t.tid);
        return regs == null ? null : unwinder.walk(t.tid, regs);
    }
}

package io.jstrace.trace;

import io.jstrace.decode.Call;
import io.jstrace.decode.Signature;
import io.jstrace.model.Value;

/** What the tracer knows about one traced thread between its stops. */
final class Task {
    /** Changes when a non-leader thread execs and takes over the leader's tid. */
    int tid;
    /** Output stays hidden until the first execve of a started command (the launch stub is not shown). */
    boolean hidden;
    /** Between a syscall's entry and exit stop. */
    boolean inSyscall;
    /** The call in progress, when it is shown (null when filtered out). */
    Call call;
    Signature signature;
    /** The call prints raw (-e raw=): arguments and return value in hex. */
    boolean raw;
    String name;
    /** The first argument shown at exit: for a call whose entry's last argument continues, that one. */
    int firstExitArg;
    Value[] values;
    long entryNanos;
    /** System CPU time of the thread group at this thread's latest stop, and at its syscall entry. */
    long systemNanos;
    long entrySystemNanos;
    final TaskTampering tampering = new TaskTampering();
    /** -k: the stack taken at the entry of a call that does not return to it (execve, exit), until printed. */
    java.util.List<io.jstrace.model.StackFrame> entryStack;
    /** Reported its first stop before its parent's fork, vfork or clone event came in. */
    boolean aheadOfParentEvent;
    /** CLONE_UNTRACED cleared at this call's seccomp stop, to put back at its exit stop. */
    io.jstrace.linux.CloneUntraced.Undo untracedUndo;

    Task(int tid) {
        this.tid = tid;
    }
}

package io.jstrace.trace;

import io.jstrace.linux.CloneUntraced;

/** What the tracer knows about one traced thread between its stops. */
final class Task {
    /** The thread's process (thread group): its leader's tid. */
    final int pid;
    /** Changes when a non-leader thread execs and takes over the leader's tid. */
    int tid;
    /** Output stays hidden until the first execve of a started command (the launch stub is not shown). */
    boolean hidden;
    /** The call in progress is that execve; and it failed (hidden again, but its exit is shown, as strace). */
    boolean launchExec;
    boolean launchExecFailed;
    /** The started command before its own execve, which -b execve does not detach it at. */
    boolean launching;
    /** Between a syscall's entry and exit stop. */
    boolean inSyscall;
    /** -Y: the name its lines go by. */
    String name;
    /** The last shown call it returned from (strace's s_prev_ent): what a restart_syscall resumes. */
    String lastShown;
    /** The call in progress, when it is shown (null when filtered out). */
    CallInProgress call;
    /** The shown call it was in when it began to exit (PTRACE_EVENT_EXIT), for its -k stack at its death. */
    CallInProgress exitingCall;
    /** System CPU time of the thread group at this thread's latest stop (-c without -w). */
    long systemNanos;
    final TaskTampering tampering = new TaskTampering();
    /** Reported its first stop before its parent's fork, vfork or clone event came in. */
    boolean aheadOfParentEvent;
    /** CLONE_UNTRACED cleared at this call's seccomp stop, to put back at its exit stop. */
    CloneUntraced.Undo untracedUndo;

    Task(int pid, int tid) {
        this.pid = pid;
        this.tid = tid;
    }
}

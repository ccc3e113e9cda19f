package io.jstrace.decode;

import io.jstrace.linux.TraceeMemory;

/**
 * One system call being decoded: its raw arguments (kept from entry: they are not re-read at
 * exit), the return value once known, and access to the tracee's memory and fds.
 */
public final class Call {
    public final int tid;
    public final int number;
    public final long[] args;
    public final TraceeMemory memory;
    public final DecodeOptions options;
    public final FdPaths fdPaths;
    /** The name of the thread's previous shown call, null if none: what restart_syscall resumes. */
    public String previous;
    /** What pids stand for (-Y, --pidns-translation). */
    public final Pids pids;
    private long ret;
    private boolean failed;
    private boolean exited;
    /** Per-call scratch a kind may keep from entry to exit (e.g. an in/out struct read at entry). */
    public final Object[] saved;

    public Call(int tid, int number, long[] args, TraceeMemory memory, DecodeOptions options, FdPaths fdPaths) {
        this(tid, number, args, memory, options, fdPaths, Pids.NONE);
    }

    public Call(int tid, int number, long[] args, TraceeMemory memory, DecodeOptions options, FdPaths fdPaths,
                Pids pids) {
        this.pids = pids;
        this.tid = tid;
        this.number = number;
        this.args = args;
        this.memory = memory;
        this.options = options;
        this.fdPaths = fdPaths;
        this.saved = new Object[6];
    }

    public long arg(int i) {
        return args[i];
    }

    public int intArg(int i) {
        return (int) args[i];
    }

    public void exit(long returnValue, boolean isError) {
        this.ret = returnValue;
        this.failed = isError;
        this.exited = true;
    }

    public boolean exited() {
        return exited;
    }

    /** The return value (for a failed call, the negated errno). */
    public long ret() {
        return ret;
    }

    public boolean failed() {
        return failed;
    }
}

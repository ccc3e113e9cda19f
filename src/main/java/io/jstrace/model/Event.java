package io.jstrace.model;

import java.util.List;

/** What the tracer reports, in the order it happened. Every sink consumes these. */
public sealed interface Event {
    /** The process (thread group) of the thread: strace's pid in {@code -ff} file names. */
    int pid();

    /** The thread, as strace's {@code [pid N]} prefix shows it. */
    int tid();

    long timeNanos();

    /** {@code ip} of an event that has none (the thread is gone): -i prints question marks. */
    long NO_IP = -1;

    /**
     * The entry of a system call. {@code entryArgs} are the arguments known at entry (printed
     * before {@code <unfinished ...>}); {@code rest} says what the exit adds to them.
     * {@code ip} is the instruction pointer at the stop (-i); {@code args} the six argument
     * registers as the kernel (and a seccomp filter) sees them, empty where not known.
     */
    record SyscallEntry(int pid, int tid, long timeNanos, int number, String name, List<Value> entryArgs, Rest rest,
                        long ip, long[] args) implements Event {
        public SyscallEntry(int pid, int tid, long timeNanos, int number, String name, List<Value> entryArgs, Rest rest, long ip) {
            this(pid, tid, timeNanos, number, name, entryArgs, rest, ip, new long[0]);
        }
    }

    /** What a call's exit adds to the arguments its entry showed. */
    enum Rest {
        /** Nothing: every argument was shown at entry. */
        NONE,
        /** Further arguments. */
        ARGUMENTS,
        /**
         * The last entry argument continues: the exit's first argument is its value at exit (the
         * entry value, or {@link Value.Changed} from the entry value to the exit's), and further
         * arguments may follow.
         */
        CONTINUED
    }

    /**
     * The exit of the call whose entry came before for the same tid. {@code durationNanos} is the
     * wall-clock time from entry to exit; {@code systemNanos} the system CPU time the thread group
     * used meanwhile (wait4's ru_stime, what strace -c counts), or -1 when it was not measured;
     * {@code ip} the instruction pointer at the exit stop (-i).
     */
    record SyscallExit(int pid, int tid, long timeNanos, int number, String name, List<Value> exitArgs, Result result,
                       long durationNanos, long systemNanos, Tampered tampered, long ip) implements Event {}

    /**
     * What -e inject= did to a call: {@code injected}, its result is not the kernel's (error or
     * retval injected); {@code poked}, memory its arguments point to was overwritten (poke_enter=,
     * poke_exit=); {@code delayed}, the thread was held at its entry or exit.
     */
    record Tampered(boolean injected, boolean poked, boolean delayed) {
        public static final Tampered NONE = new Tampered(false, false, false);
    }

    /**
     * The data a read or write call moved (-e read=, -e write=), right after its exit: strace's hex
     * dump. The parts come in strace's order: buffer or vector headings, each followed by its data.
     */
    record IoDump(int pid, int tid, long timeNanos, List<DumpPart> parts) implements Event {}

    /** One piece of an {@link IoDump}. */
    sealed interface DumpPart {
        /** Bytes of one buffer. */
        record Data(byte[] bytes) implements DumpPart {}

        /** Buffer {@code index} of an iovec array holds {@code length} of the bytes. */
        record Buffer(int index, long length) implements DumpPart {}

        /** Message {@code index} of a sendmmsg/recvmmsg vector has {@code buffers} iovecs. */
        record Vector(int index, long buffers) implements DumpPart {}

        /**
         * The rest of a buffer of {@code length} bytes could not be read: the {@code bytes} read
         * at once from {@code addr} on (what strace says after the {@link Data} it could read).
         */
        record Unreadable(long length, long bytes, long addr) implements DumpPart {}
    }

    /**
     * The stack of {@code tid} (-k) for the event just before it of the same tid (a syscall's
     * exit, a signal, a stop). {@code atEntry}: taken at the syscall's entry since it would be
     * gone by its end (execve, exit), and then printed after the exit or the death of the thread.
     */
    record Backtrace(int pid, int tid, long timeNanos, List<StackFrame> frames, boolean atEntry) implements Event {}

    /** A signal delivered to the tracee, with its siginfo. */
    record Signal(int pid, int tid, long timeNanos, int signal, Value siginfo, long ip) implements Event {}

    /** A group-stop: {@code --- stopped by SIGSTOP ---}. */
    record Stopped(int pid, int tid, long timeNanos, int signal, long ip) implements Event {}

    record Exited(int pid, int tid, long timeNanos, int code) implements Event {}

    record Killed(int pid, int tid, long timeNanos, int signal, boolean core) implements Event {}

    /** A thread is traced from now on: the started command, a -p attach, or a followed fork/clone. */
    record Attached(int pid, int tid, long timeNanos, How how) implements Event {}

    enum How { STARTED, ATTACHED, FOLLOWED }

    record Detached(int pid, int tid, long timeNanos) implements Event {}

    /** The thread group leader {@code tid} was replaced by thread {@code formerTid} doing execve. */
    record Superseded(int pid, int tid, long timeNanos, int formerTid) implements Event {}

    /**
     * The name (comm) of {@code tid}'s process is {@code name} from now on (null: not known), as
     * strace learns it for -Y: when it meets the thread, after an execve and after
     * prctl(PR_SET_NAME). Reported only when -Y asks for names.
     */
    record Renamed(int pid, int tid, long timeNanos, String name) implements Event {}

    /** A syscall's outcome: the value, how to print it, and the errno name if it failed. */
    sealed interface Result {
        /** The call did not return (exit, execve in another thread, or the tracee died). */
        record None() implements Result {}

        /** {@code details} (often none) print after the value in parentheses: {@code = 0 (Timeout)}. */
        record Success(Value value, List<Value> details) implements Result {
            public Success(Value value) {
                this(value, List.of());
            }
        }

        /**
         * {@code value} is what strace's text prints before the errno's name: -1, or the return
         * value itself when a call's decoder reads an error from it (modify_ldt's int clipped to
         * 32 bits). JSON keeps -1 for every failure.
         */
        record Failure(long errno, String name, String description, long value) implements Result {
            public Failure(long errno, String name, String description) {
                this(errno, name, description, -1);
            }
        }
    }
}

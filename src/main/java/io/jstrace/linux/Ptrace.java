package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * ptrace(2) requests. Every request must come from the thread that attached the tracee
 * (the kernel ties a tracee to one tracer thread), so a tracer keeps all calls on one thread.
 */
public final class Ptrace {
    private Ptrace() {}

    public static final int PEEKDATA = 2, POKEDATA = 5, POKEUSER = 6, CONT = 7, GETREGS = 12, KILL = 8, DETACH = 17, SYSCALL = 24,
            SETOPTIONS = 0x4200, GETEVENTMSG = 0x4201, GETSIGINFO = 0x4202,
            SEIZE = 0x4206, INTERRUPT = 0x4207, LISTEN = 0x4208, GET_SYSCALL_INFO = 0x420e;

    public static final int O_TRACESYSGOOD = 1, O_TRACEFORK = 2, O_TRACEVFORK = 4, O_TRACECLONE = 8,
            O_TRACEEXEC = 0x10, O_TRACEVFORKDONE = 0x20, O_TRACEEXIT = 0x40, O_TRACESECCOMP = 0x80,
            O_EXITKILL = 0x100000;

    public static final int EVENT_FORK = 1, EVENT_VFORK = 2, EVENT_CLONE = 3, EVENT_EXEC = 4,
            EVENT_VFORK_DONE = 5, EVENT_EXIT = 6, EVENT_SECCOMP = 7, EVENT_STOP = 128;

    /** The raw request; returns the kernel's result or throws with errno. */
    public static long request(int req, int pid, long addr, long data) throws Errno {
        MemorySegment st = Libc.errnoState();
        long r = invoke(st, req, pid, addr, data);
        if (r == -1 && req != PEEKDATA) {
            throw new Errno("ptrace", Libc.errno(st));
        }
        return r;
    }

    /** Like {@link #request} but reports failure as the negated errno, for the hot path. */
    public static int tryRequest(int req, int pid, long addr, long data) {
        MemorySegment st = Libc.errnoState();
        return invoke(st, req, pid, addr, data) == -1 ? -Libc.errno(st) : 0;
    }

    private static long invoke(MemorySegment errnoState, int req, int pid, long addr, long data) {
        return Libc.call(Libc.PTRACE, errnoState, req, pid, addr, data);
    }

    public static void seize(int pid, int options) throws Errno {
        request(SEIZE, pid, 0, options);
    }

    public static void setOptions(int pid, int options) throws Errno {
        request(SETOPTIONS, pid, 0, options);
    }

    /** Resumes to the next syscall stop, delivering {@code sig} (0 for none). */
    public static int syscall(int tid, int sig) {
        return tryRequest(SYSCALL, tid, 0, sig);
    }

    public static int cont(int tid, int sig) {
        return tryRequest(CONT, tid, 0, sig);
    }

    public static int listen(int tid) {
        return tryRequest(LISTEN, tid, 0, 0);
    }

    public static int interrupt(int tid) {
        return tryRequest(INTERRUPT, tid, 0, 0);
    }

    public static int detach(int tid, int sig) {
        return tryRequest(DETACH, tid, 0, sig);
    }

    /** Writes the 8 bytes at {@code addr} in the tracee's memory. */
    public static int pokeData(int tid, long addr, long value) {
        return tryRequest(POKEDATA, tid, addr, value);
    }

    /**
     * Per-thread room for what event messages, siginfo and registers requests write (tracer
     * threads are few and live as long as their traces); the results are copied out of it.
     */
    private static final ThreadLocal<MemorySegment> SCRATCH =
            ThreadLocal.withInitial(() -> Arena.global().allocate(256, 8));

    /** The event message (new child's pid for fork events, former tid for exec). */
    public static long eventMessage(int tid) throws Errno {
        MemorySegment scratch = SCRATCH.get();
        request(GETEVENTMSG, tid, 0, scratch.address());
        return scratch.get(JAVA_LONG, 0);
    }

    /** Fills {@code info} (at least {@link SyscallInfo#SIZE} bytes) for the current syscall stop. */
    public static boolean syscallInfo(int tid, SyscallInfo info) {
        return invoke(Libc.errnoState(), GET_SYSCALL_INFO, tid, SyscallInfo.SIZE, info.segment().address()) > 0;
    }

    /** Writes {@code value} at {@code offset} in the tracee's {@code struct user} (see {@link UserArea}). */
    public static int pokeUser(int tid, long offset, long value) {
        return tryRequest(POKEUSER, tid, offset, value);
    }

    private static final int SIGINFO_SIZE = 128;

    /** The siginfo of the current signal-delivery stop (128 bytes), or null if it cannot be read. */
    public static byte[] siginfo(int tid) {
        MemorySegment scratch = SCRATCH.get();
        return tryRequest(GETSIGINFO, tid, 0, scratch.address()) == 0
                ? scratch.asSlice(0, SIGINFO_SIZE).toArray(JAVA_BYTE) : null;
    }

    /** The registers of a stopped tracee, or null if it is gone. */
    public static Regs regs(int tid) {
        MemorySegment scratch = SCRATCH.get();
        return tryRequest(GETREGS, tid, 0, scratch.address()) == 0 ? new Regs(scratch) : null;
    }
}

package io.jstrace.linux;

import io.jstrace.syscalls.SyscallTable;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** Process-level primitives: raw syscall, waitpid/wait4, kill, and a few syscall numbers used directly. */
public final class Sys {
    private Sys() {}

    private static final SyscallTable TABLE = SyscallTable.x86_64();
    public static final int NR_WRITE = TABLE.number("write"), NR_GETPID = TABLE.number("getpid"),
            NR_GETTID = TABLE.number("gettid"), NR_KILL = TABLE.number("kill"), NR_TGKILL = TABLE.number("tgkill"),
            NR_MEMFD_CREATE = TABLE.number("memfd_create"), NR_SETRLIMIT = TABLE.number("setrlimit"),
            NR_READLINK = TABLE.number("readlink");
    private static final int RLIMIT_CORE = 4, O_CLOEXEC = 0x80000, PATH_MAX = 4096;
    private static final int NR_PIPE2 = TABLE.number("pipe2"), NR_DUP3 = TABLE.number("dup3"),
            NR_CLOSE = TABLE.number("close"), NR_CLOCK_GETTIME = TABLE.number("clock_gettime");
    private static final int CLOCK_REALTIME = 0, CLOCK_BOOTTIME = 7;

    /** {@code syscall(number, args...)}: returns the result, or the negated errno on failure. */
    public static long syscall(long number, long... args) {
        long[] a = new long[6];
        System.arraycopy(args, 0, a, 0, Math.min(6, args.length));
        MemorySegment st = Libc.errnoState();
        long r = Libc.call(Libc.SYSCALL, st, number, a[0], a[1], a[2], a[3], a[4], a[5]);
        return r == -1 ? -Libc.errno(st) : r;
    }

    /**
     * When the machine booted, in ns of the wall clock: CLOCK_REALTIME less CLOCK_BOOTTIME, read
     * one right after the other (strace's print_boottime offset); -1 if a clock cannot be read.
     */
    public static long bootTimeNanos() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment boot = arena.allocate(JAVA_LONG, 2), real = arena.allocate(JAVA_LONG, 2);
            if (syscall(NR_CLOCK_GETTIME, CLOCK_BOOTTIME, boot.address()) < 0
                    || syscall(NR_CLOCK_GETTIME, CLOCK_REALTIME, real.address()) < 0) {
                return -1;
            }
            return nanos(real) - nanos(boot);
        }
    }

    private static long nanos(MemorySegment timespec) {
        return timespec.getAtIndex(JAVA_LONG, 0) * 1_000_000_000L + timespec.getAtIndex(JAVA_LONG, 1);
    }

    /**
     * Links the downcall and runs it once, so that a background thread can pay FFM's start-up
     * cost (tens of milliseconds) while the main thread parses options and loads tables.
     */
    public static void warmUp() {
        getpid();
    }

    /**
     * Points {@code fds} at the read end of a pipe whose write end is closed, as strace does with
     * its stdin and stdout once the command is started: a pipe the command reads from or writes
     * to then ends when the command closes it, not when jstrace exits. (They are not left closed:
     * a file opened later would take their numbers.)
     */
    public static void releaseStandardFds(int... fds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pipe = arena.allocate(JAVA_INT, 2);
            if (syscall(NR_PIPE2, pipe.address(), O_CLOEXEC) < 0) {
                return;
            }
            int read = pipe.getAtIndex(JAVA_INT, 0);
            syscall(NR_CLOSE, pipe.getAtIndex(JAVA_INT, 1));
            for (int fd : fds) {
                syscall(NR_DUP3, read, fd, O_CLOEXEC);
            }
            syscall(NR_CLOSE, read);
        }
    }

    public static int getpid() {
        return (int) syscall(NR_GETPID);
    }

    public static int gettid() {
        return (int) syscall(NR_GETTID);
    }

    public static final int WNOHANG = 1, WUNTRACED = 2, WNOTHREAD = 0x20000000, WALL = 0x40000000;

    /**
     * waitpid(2); the status is stored in {@code status} (4 bytes). Returns the pid, or the negated
     * errno (EINTR is retried, so the caller sees ECHILD when nothing is left to wait for).
     */
    static int waitpid(int pid, MemorySegment status, int options) {
        return wait4(pid, status, options, MemorySegment.NULL);
    }

    /**
     * wait4(2): waitpid that also fills {@code rusage} (or NULL). For a stopped tracee the kernel
     * reports its whole thread group's usage plus its waited-for children (RUSAGE_BOTH).
     */
    static int wait4(int pid, MemorySegment status, int options, MemorySegment rusage) {
        MemorySegment st = Libc.errnoState();
        while (true) {
            int r = (int) Libc.call(Libc.WAIT4, st, pid, status.address(), options, rusage.address());
            if (r >= 0) {
                return r;
            }
            int e = Libc.errno(st);
            if (e != Errno.EINTR) {
                return -e;
            }
        }
    }

    static int status(MemorySegment status) {
        return status.get(JAVA_INT, 0);
    }

    /**
     * readlink(2) of {@code path} (the tracer's encoding: one char per byte): the target's bytes as
     * they are, which Java's own readSymbolicLink would decode (and mangle where they are not
     * valid in the platform's charset); null on failure.
     */
    public static byte[] readlink(String path) {
        try (Arena arena = Arena.ofConfined()) {
            byte[] p = path.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            MemorySegment name = arena.allocate(p.length + 1L);
            name.copyFrom(MemorySegment.ofArray(p));
            MemorySegment buf = arena.allocate(PATH_MAX);
            long n = syscall(NR_READLINK, name.address(), buf.address(), PATH_MAX);
            return n < 0 ? null : buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
    }

    /** isatty(3): whether {@code fd} is a terminal. */
    public static boolean isatty(int fd) {
        return (int) Libc.call(Libc.ISATTY, Libc.errnoState(), fd, 0, 0, 0) == 1;
    }

    /** kill(2); returns 0 or the negated errno. */
    public static int kill(int pid, int sig) {
        MemorySegment st = Libc.errnoState();
        int r = (int) Libc.call(Libc.KILL, st, pid, sig, 0, 0);
        return r == -1 ? -Libc.errno(st) : 0;
    }

    /**
     * Ends this process by {@code sig} as if it had been delivered with the default action
     * (the JVM's own handlers are reset first), falling back to exit(128+sig). Dumps no core, as
     * strace: the signal was the tracee's, and so is the core file (the JVM's, hundreds of MB,
     * would replace it where core_pattern names one file).
     */
    public static void dieBySignal(int sig) {
        try (Arena arena = Arena.ofConfined()) {
            syscall(NR_SETRLIMIT, RLIMIT_CORE, arena.allocate(16).address()); // {0, 0}
        }
        Libc.call(Libc.SIGNAL, Libc.errnoState(), sig, 0, 0, 0); // SIG_DFL
        syscall(NR_TGKILL, getpid(), gettid(), sig);
        // Blocked or ignored signals do not end us; exit the way a shell reports it.
        Runtime.getRuntime().halt(128 + sig);
    }
}

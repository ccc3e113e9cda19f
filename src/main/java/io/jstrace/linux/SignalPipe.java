package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.function.IntConsumer;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Signals delivered to jstrace as numbers a Java thread reads: a native handler of six
 * instructions writes each signal's number into a pipe. The JVM cannot give jstrace strace's
 * handling of its fatal signals: it refuses a handler for SIGQUIT (its thread dumps), and
 * silently installs none for a signal that was ignored when it started (a background job's
 * SIGINT and SIGQUIT, nohup's SIGHUP), where strace installs its own whatever it inherited.
 * The handler (GNU as; the write end is patched into the second instruction):
 * <pre>
 *     mov %edi, -4(%rsp)                       # the signal number
 *     mov $FD, %edi
 *     lea -4(%rsp), %rsi; mov $4, %edx
 *     mov $1, %eax; syscall                    # write(FD, &sig, 4): async-signal-safe
 *     ret
 * </pre>
 * The write end does not block (a full pipe drops the signal rather than hang the thread it
 * interrupted); the read end does, in a daemon thread of its own.
 */
public final class SignalPipe {
    private SignalPipe() {}

    private static final String HANDLER = "897c24fcbf44332211488d7424fcba04000000b8010000000f05c3";
    private static final int FD_OFFSET = 5;
    private static final int NR_READ = 0, NR_MMAP = 9, NR_MPROTECT = 10, NR_FCNTL = 72, NR_PIPE2 = 293;
    private static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
    private static final int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000, F_SETFL = 4;
    private static final long SA_RESTART = 0x10000000L;
    /** glibc's struct sigaction: sa_handler, sa_mask (128 bytes), sa_flags, sa_restorer (glibc fills it). */
    private static final int SIGACTION_SIZE = 152, SA_FLAGS = 136;

    /**
     * Makes each of {@code signals} call {@code onSignal} with its number, on a daemon thread
     * (the signals' previous dispositions, handlers or SIG_IGN, are replaced).
     */
    public static void install(int[] signals, IntConsumer onSignal) throws Errno {
        Arena arena = Arena.global();
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        check("pipe2", Sys.syscall(NR_PIPE2, fds.address(), O_CLOEXEC));
        int read = fds.getAtIndex(JAVA_INT, 0), write = fds.getAtIndex(JAVA_INT, 1);
        check("fcntl", Sys.syscall(NR_FCNTL, write, F_SETFL, O_NONBLOCK));
        long code = handler(write);
        MemorySegment action = arena.allocate(SIGACTION_SIZE, 8);
        action.set(JAVA_LONG, 0, code);
        action.set(JAVA_LONG, SA_FLAGS, SA_RESTART);
        MemorySegment st = Libc.errnoState();
        for (int sig : signals) {
            if (Libc.call(Libc.SIGACTION, st, sig, action.address(), 0, 0) != 0) {
                throw new Errno("sigaction", Libc.errno(st));
            }
        }
        Thread.ofPlatform().daemon().name("jstrace-signals").start(() -> {
            MemorySegment buf = Arena.ofAuto().allocate(JAVA_INT);
            while (true) {
                long n = Sys.syscall(NR_READ, read, buf.address(), 4);
                if (n == 4) {
                    onSignal.accept(buf.get(JAVA_INT, 0));
                } else if (n != -Errno.EINTR) {
                    return;
                }
            }
        });
    }

    /** The handler's code, in a page of its own made executable once written. */
    private static long handler(int fd) throws Errno {
        byte[] code = HexFormat.of().parseHex(HANDLER);
        ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN).putInt(FD_OFFSET, fd);
        long page = Sys.syscall(NR_MMAP, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        check("mmap", page);
        MemorySegment.copy(code, 0, MemorySegment.ofAddress(page).reinterpret(4096), JAVA_BYTE, 0, code.length);
        check("mprotect", Sys.syscall(NR_MPROTECT, page, 4096, PROT_READ | PROT_EXEC));
        return page;
    }

    private static void check(String what, long result) throws Errno {
        if (result < 0) {
            throw new Errno(what, (int) -result);
        }
    }
}

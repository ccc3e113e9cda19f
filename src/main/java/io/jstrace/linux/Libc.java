package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Calls into the C library through a single downcall shape: seven 64-bit integer arguments and
 * a 64-bit result, errno captured right after the call.
 *
 * <p>Why one shape: the JDK generates and loads a stub class per distinct function descriptor,
 * about 10 ms each, which made FFM linking the bulk of jstrace's start-up. Every function used
 * here takes only integer-class arguments (ints, pointers, sizes), and the x86-64 and AArch64
 * Linux calling conventions pass those in the same registers whatever their C type, so one stub
 * serves them all: a callee ignores the arguments it does not declare and the upper halves of
 * 32-bit ones. Pointers are passed as {@code segment.address()}; callers cast int results to
 * {@code int}, which discards the undefined upper half of the register. The SysV x86-64 linker
 * always sets %al for variadic callees (ptrace, syscall), so no variadic option is needed.
 */
final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle CALL = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"));

    static final MemorySegment PTRACE = symbol("ptrace");
    static final MemorySegment WAIT4 = symbol("wait4");
    static final MemorySegment SYSCALL = symbol("syscall");
    static final MemorySegment PROCESS_VM_READV = symbol("process_vm_readv");
    static final MemorySegment PROCESS_VM_WRITEV = symbol("process_vm_writev");
    static final MemorySegment KILL = symbol("kill");
    static final MemorySegment ISATTY = symbol("isatty");
    static final MemorySegment SIGNAL = symbol("signal");
    static final MemorySegment SIGACTION = symbol("sigaction");
    static final MemorySegment GETPWNAM = symbol("getpwnam");
    static final MemorySegment GETGROUPLIST = symbol("getgrouplist");
    static final MemorySegment POSIX_SPAWN = symbol("posix_spawn");
    static final MemorySegment FA_INIT = symbol("posix_spawn_file_actions_init");
    static final MemorySegment FA_DESTROY = symbol("posix_spawn_file_actions_destroy");
    static final MemorySegment FA_ADDCLOSE = symbol("posix_spawn_file_actions_addclose");
    static final MemorySegment ATTR_INIT = symbol("posix_spawnattr_init");
    static final MemorySegment ATTR_DESTROY = symbol("posix_spawnattr_destroy");
    static final MemorySegment ATTR_SETFLAGS = symbol("posix_spawnattr_setflags");
    static final MemorySegment ATTR_SETSIGMASK = symbol("posix_spawnattr_setsigmask");
    static final MemorySegment ATTR_SETSIGDEFAULT = symbol("posix_spawnattr_setsigdefault");
    static final MemorySegment SOCKET = symbol("socket");
    static final MemorySegment SEND = symbol("send");
    static final MemorySegment RECV = symbol("recv");
    static final MemorySegment CLOSE = symbol("close");
    static final MemorySegment GETXATTR = symbol("getxattr");

    /** Per-thread buffer for errno capture: the tracer thread calls these in a tight loop. */
    private static final ThreadLocal<MemorySegment> ERRNO_STATE =
            ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE));

    /** The last thread's buffer, so that the tracer thread's calls skip the ThreadLocal lookup. */
    private record Owned(Thread thread, MemorySegment state) {}

    private static volatile Owned last = new Owned(null, null);

    private static MemorySegment symbol(String name) {
        return LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
    }

    static MemorySegment errnoState() {
        Owned o = last;
        Thread me = Thread.currentThread();
        if (o.thread() == me) {
            return o.state();
        }
        MemorySegment state = ERRNO_STATE.get();
        last = new Owned(me, state);
        return state;
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** Calls {@code fn} with up to seven integer arguments; errno lands in {@code state}. */
    static long call(MemorySegment fn, MemorySegment state, long a0, long a1, long a2, long a3, long a4, long a5,
                     long a6) {
        try {
            return (long) CALL.invokeExact(fn, state, a0, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    static long call(MemorySegment fn, MemorySegment state, long a0, long a1, long a2, long a3) {
        return call(fn, state, a0, a1, a2, a3, 0, 0, 0);
    }

    /** glibc's {@code environ}: the tracee gets exactly this, in this order. Read as a long, as {@link Spawn} writes pointers. */
    static MemorySegment environ() {
        return MemorySegment.ofAddress(symbol("environ").reinterpret(JAVA_LONG.byteSize()).get(JAVA_LONG, 0));
    }
}

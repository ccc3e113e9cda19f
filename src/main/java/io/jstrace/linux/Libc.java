package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcall handles into the C library. Each handle is linked on first use (class holder idiom),
 * since linking is the bulk of FFM start-up cost and most runs use a handful of functions.
 * Every call captures errno right after the call, before the JVM can clobber it.
 */
final class Libc {
    private Libc() {}

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** Per-thread buffer for errno capture: the tracer thread calls these in a tight loop. */
    private static final ThreadLocal<MemorySegment> ERRNO_STATE =
            ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE));

    static MemorySegment errnoState() {
        return ERRNO_STATE.get();
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static MethodHandle link(String name, FunctionDescriptor fd, Linker.Option... extra) {
        MemorySegment addr = LOOKUP.find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
        Linker.Option[] opts = new Linker.Option[extra.length + 1];
        opts[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, opts, 1, extra.length);
        return LINKER.downcallHandle(addr, fd, opts);
    }

    static final class Ptrace {
        static final MethodHandle H = link("ptrace",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
    }

    static final class Wait4 {
        static final MethodHandle H = link("wait4", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    }

    static final class Syscall {
        static final MethodHandle H = link("syscall",
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
    }

    static final class ProcessVmReadv {
        static final MethodHandle H = link("process_vm_readv",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));
    }

    static final class Kill {
        static final MethodHandle H = link("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    static final class Signal {
        static final MethodHandle H = link("signal", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG));
    }

    static final class PosixSpawn {
        static final MethodHandle SPAWN = link("posix_spawn",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle FA_INIT = link("posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle FA_DESTROY = link("posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle FA_CLOSE = link("posix_spawn_file_actions_addclose", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle ATTR_INIT = link("posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle ATTR_DESTROY = link("posix_spawnattr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        static final MethodHandle ATTR_FLAGS = link("posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, ValueLayout.JAVA_SHORT));
        static final MethodHandle ATTR_SIGMASK = link("posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        static final MethodHandle ATTR_SIGDEFAULT = link("posix_spawnattr_setsigdefault", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    static final class Environ {
        /** glibc's {@code environ}: the tracee gets exactly this, in this order. */
        static final MemorySegment ADDR = LOOKUP.find("environ").orElseThrow()
                .reinterpret(ADDRESS.byteSize());
    }
}

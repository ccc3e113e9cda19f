package io.jstrace.linux;

import io.jstrace.syscalls.SyscallTable;

import io.jstrace.xlat.Xlat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The bpf(2) calls the eBPF backend makes: maps, program loading (with the verifier's log when it
 * refuses), raw tracepoint attachment. Each call gets a zeroed {@code union bpf_attr} of
 * {@link #ATTR_SIZE} bytes: the kernel requires the bytes past the fields it knows to be zero.
 * (Seccomp's classic BPF is {@link Bpf}, unrelated.)
 */
public final class EbpfSys {
    private EbpfSys() {}

    private static final int NR_BPF = SyscallTable.x86_64().number("bpf"), NR_CLOSE = SyscallTable.x86_64().number("close");
    private static final int ATTR_SIZE = 128;
    private static final Xlat COMMANDS = Xlat.of("bpf_commands");
    private static final int LOG_SIZE = 1 << 20;

    private static long command(String name) {
        return COMMANDS.value(name).orElseThrow();
    }

    private static long bpf(String cmd, MemorySegment attr) throws Errno {
        long r = Sys.syscall(NR_BPF, command(cmd), attr.address(), ATTR_SIZE);
        if (r < 0) {
            throw new Errno("bpf(" + cmd + ")", (int) -r);
        }
        return r;
    }

    /** BPF_MAP_CREATE: a map's file descriptor. */
    public static int mapCreate(int type, int keySize, int valueSize, int maxEntries, int flags) throws Errno {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, type);
            attr.set(JAVA_INT, 4, keySize);
            attr.set(JAVA_INT, 8, valueSize);
            attr.set(JAVA_INT, 12, maxEntries);
            attr.set(JAVA_INT, 16, flags);
            return (int) bpf("BPF_MAP_CREATE", attr);
        }
    }

    /** A program the verifier refused: its errno and the end of the verifier's log. */
    public static final class Refused extends Exception {
        private final int errno;

        Refused(int errno, String log) {
            super(log, null, false, false);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /**
     * BPF_PROG_LOAD of {@code insns} (8 bytes each) as a GPL program of {@code type}. Loaded first
     * without a log (cheaper); a refusal is loaded again with the verifier's log, for the message.
     */
    public static int progLoad(int type, byte[] insns, String name) throws Refused {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment code = a.allocate(insns.length, 8);
            MemorySegment.copy(insns, 0, code, JAVA_BYTE, 0, insns.length);
            MemorySegment license = a.allocateFrom("GPL");
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, type);
            attr.set(JAVA_INT, 4, insns.length / 8);
            attr.set(JAVA_LONG, 8, code.address());
            attr.set(JAVA_LONG, 16, license.address());
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, attr, JAVA_BYTE, 48, Math.min(n.length, 15));
            long r = Sys.syscall(NR_BPF, command("BPF_PROG_LOAD"), attr.address(), ATTR_SIZE);
            if (r >= 0) {
                return (int) r;
            }
            if (r == -1 || r == -13) { // EPERM, EACCES with no log to tell more
                throw new Refused((int) -r, "");
            }
            MemorySegment log = a.allocate(LOG_SIZE);
            attr.set(JAVA_INT, 24, 1);
            attr.set(JAVA_INT, 28, LOG_SIZE);
            attr.set(JAVA_LONG, 32, log.address());
            r = Sys.syscall(NR_BPF, command("BPF_PROG_LOAD"), attr.address(), ATTR_SIZE);
            if (r >= 0) {
                return (int) r;
            }
            String text = log.getString(0, StandardCharsets.UTF_8).strip();
            throw new Refused((int) -r, text.substring(Math.max(0, text.length() - 4000)));
        }
    }

    /** BPF_RAW_TRACEPOINT_OPEN: attaches {@code prog} to tracepoint {@code name}; closing the result detaches it. */
    public static int rawTracepointOpen(String name, int prog) throws Errno {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tp = a.allocateFrom(name);
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_LONG, 0, tp.address());
            attr.set(JAVA_INT, 8, prog);
            return (int) bpf("BPF_RAW_TRACEPOINT_OPEN", attr);
        }
    }

    /** BPF_MAP_UPDATE_ELEM with {@code flags} (0: create or replace). */
    public static void mapUpdate(int map, byte[] key, byte[] value, long flags) throws Errno {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = elemAttr(a, map, key, value.length);
            MemorySegment.copy(value, 0, MemorySegment.ofAddress(attr.get(JAVA_LONG, 16)).reinterpret(value.length),
                    JAVA_BYTE, 0, value.length);
            attr.set(JAVA_LONG, 24, flags);
            bpf("BPF_MAP_UPDATE_ELEM", attr);
        }
    }

    /** BPF_MAP_LOOKUP_ELEM into {@code value}; false when the key is absent. */
    public static boolean mapLookup(int map, byte[] key, byte[] value) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment attr = elemAttr(a, map, key, value.length);
            try {
                bpf("BPF_MAP_LOOKUP_ELEM", attr);
            } catch (Errno e) {
                return false;
            }
            MemorySegment.copy(MemorySegment.ofAddress(attr.get(JAVA_LONG, 16)).reinterpret(value.length), JAVA_BYTE, 0,
                    value, 0, value.length);
            return true;
        }
    }

    /** BPF_MAP_DELETE_ELEM; false when the key was absent. */
    public static boolean mapDelete(int map, byte[] key) {
        try (Arena a = Arena.ofConfined()) {
            bpf("BPF_MAP_DELETE_ELEM", elemAttr(a, map, key, 0));
            return true;
        } catch (Errno e) {
            return false;
        }
    }

    private static MemorySegment elemAttr(Arena a, int map, byte[] key, int valueSize) {
        MemorySegment k = a.allocate(Math.max(key.length, 1), 8);
        MemorySegment.copy(key, 0, k, JAVA_BYTE, 0, key.length);
        MemorySegment v = a.allocate(Math.max(valueSize, 1), 8);
        MemorySegment attr = a.allocate(ATTR_SIZE, 8);
        attr.set(JAVA_INT, 0, map);
        attr.set(JAVA_LONG, 8, k.address());
        attr.set(JAVA_LONG, 16, v.address());
        return attr;
    }

    /** struct bpf_prog_info: its size as this code knows it, and where recursion_misses is in it. */
    private static final int PROG_INFO_SIZE = 232, RECURSION_MISSES = 208;

    /**
     * How many times the kernel skipped program {@code prog} because it was already running on
     * that CPU (a tracing program preempted mid-run and entered again by another task): events
     * it never saw. -1 if the kernel does not say.
     */
    public static long recursionMisses(int prog) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment info = a.allocate(PROG_INFO_SIZE, 8);
            MemorySegment attr = a.allocate(ATTR_SIZE, 8);
            attr.set(JAVA_INT, 0, prog);
            attr.set(JAVA_INT, 4, PROG_INFO_SIZE);
            attr.set(JAVA_LONG, 8, info.address());
            bpf("BPF_OBJ_GET_INFO_BY_FD", attr);
            return attr.get(JAVA_INT, 4) >= RECURSION_MISSES + 8 ? info.get(JAVA_LONG, RECURSION_MISSES) : -1;
        } catch (Errno e) {
            return -1;
        }
    }

    public static void close(int fd) {
        Sys.syscall(NR_CLOSE, fd);
    }
}

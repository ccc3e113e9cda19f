package io.jstrace.bpf;

import io.jstrace.linux.EbpfRing;
import io.jstrace.linux.EbpfSys;
import io.jstrace.linux.Errno;
import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maps and programs of one trace, loaded and attached; closing detaches and frees them. The
 * traced set starts empty: {@link #trace} adds threads.
 */
final class EbpfSession implements AutoCloseable {
    private static final int NO_PREALLOC = 1;
    private static final int MAX_THREADS = 1 << 16;

    private final List<Integer> fds = new ArrayList<>();
    /** The programs by tracepoint, for their counts of runs the kernel skipped. */
    private final Map<String, Integer> programs = new LinkedHashMap<>();
    private final TracePrograms.Maps maps;
    private final EbpfRing ring;

    /** Why the backend cannot run here: no privilege, or a kernel without what it needs. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private EbpfSession(TracePrograms.Maps maps, EbpfRing ring) {
        this.maps = maps;
        this.ring = ring;
    }

    /**
     * Loads everything: {@code plans} per syscall number, a ring of {@code ringSize} bytes, the
     * fork hook only when {@code follow}; {@code decode} false: calls are only counted.
     */
    static EbpfSession open(byte[][] plans, int ringSize, boolean follow, boolean decode) throws Unavailable {
        List<Integer> opened = new ArrayList<>();
        try {
            Xlat types = Xlat.of("bpf_map_types");
            int tasks = add(opened, EbpfSys.mapCreate(type(types, "HASH"), 4, Layout.TASK_SIZE, MAX_THREADS, NO_PREALLOC));
            int plan = add(opened, EbpfSys.mapCreate(type(types, "ARRAY"), 4, Layout.PLAN_SIZE, Layout.MAX_NR, 0));
            int ringFd = add(opened, EbpfSys.mapCreate(type(types, "RINGBUF"), 0, 0, ringSize, 0));
            int lost = add(opened, EbpfSys.mapCreate(type(types, "PERCPU_ARRAY"), 4, 8, 1, 0));
            int zero = add(opened, EbpfSys.mapCreate(type(types, "ARRAY"), 4, Layout.TASK_SIZE, 1, 0));
            for (int nr = 0; nr < plans.length; nr++) {
                EbpfSys.mapUpdate(plan, key(nr), plans[nr], 0);
            }
            TracePrograms.Maps maps = new TracePrograms.Maps(tasks, plan, ringFd, lost, zero);
            TracePrograms programs = new TracePrograms(maps, taskOffsets(), decode);
            Map<String, Integer> progs = new LinkedHashMap<>();
            progs.put("sys_enter", attach(opened, "sys_enter", programs.sysEnter()));
            progs.put("sys_exit", attach(opened, "sys_exit", programs.sysExit()));
            progs.put("sched_process_exit", attach(opened, "sched_process_exit", programs.exit()));
            progs.put("signal_deliver", attach(opened, "signal_deliver", programs.signalDeliver()));
            progs.put("signal_generate", attach(opened, "signal_generate", programs.signalGenerate()));
            if (follow) {
                progs.put("sched_process_fork", attach(opened, "sched_process_fork", programs.fork()));
            }
            EbpfSession s = new EbpfSession(maps, EbpfRing.map(ringFd, ringSize));
            s.fds.addAll(opened);
            s.programs.putAll(progs);
            return s;
        } catch (Errno e) {
            opened.forEach(EbpfSys::close);
            throw new Unavailable(e.errno() == 1 ? "--backend=bpf needs root (CAP_BPF and CAP_PERFMON): " + e.getMessage()
                    .replaceFirst(": errno.*", "") + ": Operation not permitted" : e.getMessage());
        } catch (EbpfSys.Refused e) {
            opened.forEach(EbpfSys::close);
            throw new Unavailable(e.errno() == 1 || e.errno() == 13
                    ? "--backend=bpf needs root (CAP_BPF and CAP_PERFMON): the kernel refused to load a program"
                    : "--backend=bpf: this kernel refused the tracing program (errno " + e.errno() + "): " + e.getMessage());
        }
    }

    private static int type(Xlat types, String name) {
        return (int) types.value("BPF_MAP_TYPE_" + name).orElseThrow();
    }

    private static int add(List<Integer> fds, int fd) {
        fds.add(fd);
        return fd;
    }

    /** Loads {@code program} and attaches it to {@code tracepoint}; returns the program's fd. */
    private static int attach(List<Integer> fds, String tracepoint, byte[] program) throws Errno, EbpfSys.Refused {
        int type = (int) Xlat.of("bpf_prog_types").value("BPF_PROG_TYPE_RAW_TRACEPOINT").orElseThrow();
        int prog = add(fds, EbpfSys.progLoad(type, program, "jstrace_" + tracepoint));
        add(fds, EbpfSys.rawTracepointOpen(tracepoint, prog));
        return prog;
    }

    /**
     * Runs the kernel skipped, by tracepoint (only those with some): a program already running
     * on the CPU, preempted, is not entered again by the next task there. Each is an event
     * (mostly a call's entry or exit) nobody saw.
     */
    Map<String, Long> missed() {
        Map<String, Long> out = new LinkedHashMap<>();
        programs.forEach((tp, fd) -> {
            long n = EbpfSys.recursionMisses(fd);
            if (n > 0) {
                out.put(tp, n);
            }
        });
        return out;
    }

    private static TracePrograms.TaskOffsets taskOffsets() throws Unavailable {
        Map<String, Integer> off;
        try {
            off = KernelBtf.vmlinux().offsets("task_struct", "pid", "tgid", "exit_code");
        } catch (IOException | RuntimeException e) {
            throw new Unavailable("--backend=bpf needs the kernel's BTF (/sys/kernel/btf/vmlinux): " + e.getMessage());
        }
        if (off.size() != 3) {
            throw new Unavailable("--backend=bpf: task_struct in /sys/kernel/btf/vmlinux lacks " + off.keySet());
        }
        return new TracePrograms.TaskOffsets(off.get("pid"), off.get("tgid"), off.get("exit_code"));
    }

    static byte[] key(int k) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, k).array();
    }

    /** Traces thread {@code tid} from now on; {@code hidden}: only from its next execve. */
    void trace(int tid, boolean hidden) throws Errno {
        byte[] state = new byte[Layout.TASK_SIZE];
        state[Layout.TASK_FLAGS] = (byte) (hidden ? Layout.HIDDEN : 0);
        EbpfSys.mapUpdate(maps.tasks(), key(tid), state, 0);
    }

    void untrace(int tid) {
        EbpfSys.mapDelete(maps.tasks(), key(tid));
    }

    EbpfRing ring() {
        return ring;
    }

    /** Records the ring had no room for, per CPU (index: CPU number). */
    long[] lostPerCpu() {
        int cpus = Runtime.getRuntime().availableProcessors();
        byte[] v = new byte[8 * Math.max(cpus, possibleCpus())];
        if (!EbpfSys.mapLookup(maps.lost(), key(0), v)) {
            return new long[0];
        }
        ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[v.length / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getLong(8 * i);
        }
        return out;
    }

    /** The kernel sizes per-CPU values by possible CPUs (/sys/devices/system/cpu/possible, e.g. "0-1"). */
    private static int possibleCpus() {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/sys/devices/system/cpu/possible")).strip();
            int dash = s.lastIndexOf('-');
            return Integer.parseInt(dash < 0 ? s : s.substring(dash + 1)) + 1;
        } catch (IOException | NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    @Override
    public void close() {
        ring.close();
        for (int i = fds.size() - 1; i >= 0; i--) {
            EbpfSys.close(fds.get(i));
        }
    }
}

package io.jstrace.bpf;

import io.jstrace.syscalls.SyscallTable;

import static io.jstrace.bpf.EbpfAsm.FP;
import static io.jstrace.bpf.EbpfAsm.R0;
import static io.jstrace.bpf.EbpfAsm.R1;
import static io.jstrace.bpf.EbpfAsm.R2;
import static io.jstrace.bpf.EbpfAsm.R3;
import static io.jstrace.bpf.EbpfAsm.R4;
import static io.jstrace.bpf.EbpfAsm.R6;
import static io.jstrace.bpf.EbpfAsm.R7;
import static io.jstrace.bpf.EbpfAsm.R8;
import static io.jstrace.bpf.EbpfAsm.R9;

import io.jstrace.bpf.EbpfAsm.Alu;
import io.jstrace.bpf.EbpfAsm.Jmp;
import io.jstrace.bpf.EbpfAsm.Size;

/**
 * The eBPF programs of the backend, for raw tracepoints (their context: the tracepoint's
 * arguments as u64s). sys_enter keeps the entry time, arguments and entry-time memory in the
 * thread's state; sys_exit adds the result and exit-time memory and sends the record (one per
 * call); calls whose plan says so also send a record at entry. sched_process_fork adds a traced
 * thread's children to the traced set (-f), sched_process_exit reports a thread's end and drops
 * it, signal_deliver and signal_generate (ignored signals, which ptrace would still have seen)
 * report signals. A record the ring has no room for is counted: per thread, reported with its
 * next record, and per CPU.
 */
final class TracePrograms {
    /** The maps the programs use, by file descriptor. */
    record Maps(int tasks, int plans, int ring, int lost, int zero) {}

    /** Offsets in the kernel's task_struct, from its BTF. */
    record TaskOffsets(int pid, int tgid, int exitCode) {}

    private static final int REC = Layout.TASK_RECORD;
    private static final int KEY = -4, NR_KEY = -8;
    /** pt_regs on the stack (x86_64: 21 registers). */
    private static final int REGS = -256, REGS_SIZE = 168;
    /** x86_64 pt_regs offsets of the six syscall arguments (rdi, rsi, rdx, r10, r8, r9) and of ip. */
    private static final int[] ARG_REGS = {112, 104, 96, 56, 72, 64};
    private static final int REG_IP = 128;
    /** A record built on the stack (fork, exit, signal), with room for one 128-byte region (a siginfo). */
    private static final int STACK_RECORD = -400, SIGINFO = 128;
    private static final int NR_EXECVE = SyscallTable.x86_64().number("execve"),
            NR_EXECVEAT = SyscallTable.x86_64().number("execveat");
    private static final int RB_NO_WAKEUP = 1, NOEXIST = 1;
    /** signal_generate's results worth a record: delivered (queued), ignored (discarded at once). */
    private static final int TRACE_SIGNAL_DELIVERED = 0, TRACE_SIGNAL_IGNORED = 1;

    private final Maps maps;
    private final TaskOffsets task;
    private final boolean decode;
    private final Helpers h = new Helpers();

    /** {@code decode} false: calls are only counted (-c), so no arguments or memory are read at all. */
    TracePrograms(Maps maps, TaskOffsets task, boolean decode) {
        this.maps = maps;
        this.task = task;
        this.decode = decode;
    }

    /** R6 = this thread's state, R7 = pid_tgid; to "out" when the thread is not traced. */
    private void lookupCurrent(EbpfAsm a) {
        a.call(h.id("get_current_pid_tgid")).movReg(R7, R0).store(Size.W, FP, KEY, R0);
        a.loadMap(R1, maps.tasks()).movReg(R2, FP).alu(Alu.ADD, R2, KEY).call(h.id("map_lookup_elem"));
        a.jump(Jmp.JEQ, R0, 0, "out").movReg(R6, R0);
    }

    private static void out(EbpfAsm a) {
        a.label("out").mov(R0, 0).exit();
    }

    byte[] sysEnter() {
        EbpfAsm a = new EbpfAsm();
        a.movReg(R8, R1);
        lookupCurrent(a);
        a.load(Size.DW, R1, R8, 8);
        a.load(Size.W, R2, R6, Layout.TASK_FLAGS).jump(Jmp.JSET, R2, Layout.HIDDEN, "hidden").jump("visible");
        // The launcher's calls are not the command's: tracing starts at its execve.
        a.label("hidden").jump(Jmp.JEQ, R1, NR_EXECVE, "unhide").jump(Jmp.JEQ, R1, NR_EXECVEAT, "unhide").jump("out");
        a.label("unhide").storeImm(Size.W, R6, Layout.TASK_FLAGS, 0);
        a.label("visible").storeImm(Size.W, R6, Layout.TASK_PENDING, 0);
        a.jump(Jmp.JGE, R1, Layout.MAX_NR, "out").store(Size.W, FP, NR_KEY, R1).store(Size.W, R6, REC + Layout.NR, R1);
        a.loadMap(R1, maps.plans()).movReg(R2, FP).alu(Alu.ADD, R2, NR_KEY).call(h.id("map_lookup_elem"));
        a.jump(Jmp.JEQ, R0, 0, "out").movReg(R9, R0);
        a.load(Size.W, R1, R9, 0).jump(Jmp.JSET, R1, Layout.PLAN_TRACED, "traced").jump("out");
        a.label("traced").storeImm(Size.W, R6, Layout.TASK_PENDING, 1).storeImm(Size.W, R6, Layout.TASK_RETRY, 0);
        a.store(Size.W, R6, REC + Layout.TID, R7).movReg(R1, R7).alu(Alu.RSH, R1, 32).store(Size.W, R6, REC + Layout.TGID, R1);
        a.storeImm(Size.W, R6, REC + Layout.REGIONS_LENGTH, 0);
        if (decode) {
            a.movReg(R1, FP).alu(Alu.ADD, R1, REGS).mov(R2, REGS_SIZE).load(Size.DW, R3, R8, 0).call(h.id("probe_read_kernel"));
            for (int i = 0; i < 6; i++) {
                a.load(Size.DW, R1, FP, REGS + ARG_REGS[i]).store(Size.DW, R6, REC + Layout.ARGS + 8 * i, R1);
            }
            a.load(Size.DW, R1, FP, REGS + REG_IP).store(Size.DW, R6, REC + Layout.IP, R1);
        }
        a.call(h.id("ktime_get_ns")).store(Size.DW, R6, REC + Layout.ENTRY_TIME, R0).store(Size.DW, R6, REC + Layout.TIME, R0);
        if (decode) {
            new CaptureCode(a, h).slots(false);
        }
        a.load(Size.W, R1, R9, 0).jump(Jmp.JSET, R1, Layout.PLAN_ENTRY_RECORD, "entry_record").jump("out");
        a.label("entry_record").storeImm(Size.W, R6, REC + Layout.TYPE, Layout.ENTRY);
        sendTaskRecord(a);
        out(a);
        return a.bytes();
    }

    byte[] sysExit() {
        EbpfAsm a = new EbpfAsm();
        a.movReg(R8, R1);
        lookupCurrent(a);
        a.load(Size.W, R1, R6, Layout.TASK_PENDING).jump(Jmp.JEQ, R1, 0, "out").storeImm(Size.W, R6, Layout.TASK_PENDING, 0);
        a.load(Size.W, R1, R6, REC + Layout.NR).store(Size.W, FP, NR_KEY, R1);
        a.loadMap(R1, maps.plans()).movReg(R2, FP).alu(Alu.ADD, R2, NR_KEY).call(h.id("map_lookup_elem"));
        a.jump(Jmp.JEQ, R0, 0, "out").movReg(R9, R0);
        a.load(Size.DW, R1, R8, 8).store(Size.DW, R6, REC + Layout.RET, R1);
        // After an execve by another thread this one has the leader's tid.
        a.store(Size.W, R6, REC + Layout.TID, R7);
        a.call(h.id("ktime_get_ns")).store(Size.DW, R6, REC + Layout.TIME, R0);
        if (decode) {
            new CaptureCode(a, h).slots(true);
        }
        a.storeImm(Size.W, R6, REC + Layout.TYPE, Layout.CALL);
        sendTaskRecord(a);
        out(a);
        return a.bytes();
    }

    /** Sends the record in the thread's state (R6): its header and regions; counts it lost if the ring is full. */
    private void sendTaskRecord(EbpfAsm a) {
        a.load(Size.W, R1, R6, Layout.TASK_LOST).store(Size.W, R6, REC + Layout.LOST, R1);
        a.load(Size.W, R3, R6, REC + Layout.REGIONS_LENGTH).jump(Jmp.JGT, R3, Layout.MAX_REGIONS_START + Layout.REGION_HEADER
                + Layout.MAX_REGION, "out").alu(Alu.ADD, R3, Layout.HEADER);
        a.loadMap(R1, maps.ring()).movReg(R2, R6).alu(Alu.ADD, R2, REC).mov(R4, RB_NO_WAKEUP).call(h.id("ringbuf_output"));
        a.jump(Jmp.JNE, R0, 0, "lost").storeImm(Size.W, R6, Layout.TASK_LOST, 0).jump("out");
        a.label("lost").load(Size.W, R1, R6, Layout.TASK_LOST).alu(Alu.ADD, R1, 1).store(Size.W, R6, Layout.TASK_LOST, R1);
        countLost(a);
        a.jump("out");
    }

    /** Adds one to this CPU's count of lost records. */
    private void countLost(EbpfAsm a) {
        a.storeImm(Size.W, FP, NR_KEY, 0);
        a.loadMap(R1, maps.lost()).movReg(R2, FP).alu(Alu.ADD, R2, NR_KEY).call(h.id("map_lookup_elem"));
        a.jump(Jmp.JEQ, R0, 0, "out").load(Size.DW, R1, R0, 0).alu(Alu.ADD, R1, 1).store(Size.DW, R0, 0, R1);
    }

    /** A record header on the stack: type, tid and tgid from registers, the time now, the rest zero. */
    private void stackHeader(EbpfAsm a, int type, int tidReg, int tgidReg) {
        for (int off = 0; off < Layout.HEADER; off += 8) {
            a.storeImm(Size.DW, FP, STACK_RECORD + off, 0);
        }
        a.storeImm(Size.W, FP, STACK_RECORD + Layout.TYPE, type);
        a.store(Size.W, FP, STACK_RECORD + Layout.TID, tidReg).store(Size.W, FP, STACK_RECORD + Layout.TGID, tgidReg);
        a.call(h.id("ktime_get_ns")).store(Size.DW, FP, STACK_RECORD + Layout.TIME, R0);
    }

    private void sendStackRecord(EbpfAsm a, int length) {
        a.loadMap(R1, maps.ring()).movReg(R2, FP).alu(Alu.ADD, R2, STACK_RECORD).mov(R3, length).mov(R4, RB_NO_WAKEUP);
        a.call(h.id("ringbuf_output")).jump(Jmp.JEQ, R0, 0, "sent");
        countLost(a);
        a.label("sent");
    }

    /** A u32 field of a task_struct: R1 = *(u32 *)(task + offset), by probe_read_kernel through the stack. */
    private void taskField(EbpfAsm a, int taskReg, int offset, int scratch) {
        a.storeImm(Size.DW, FP, scratch, 0);
        a.movReg(R3, taskReg).alu(Alu.ADD, R3, offset).movReg(R1, FP).alu(Alu.ADD, R1, scratch).mov(R2, 4);
        a.call(h.id("probe_read_kernel")).load(Size.W, R1, FP, scratch);
    }

    /** sched_process_fork(parent, child): a traced parent's child is traced from its first instruction. */
    byte[] fork() {
        EbpfAsm a = new EbpfAsm();
        a.load(Size.DW, R8, R1, 8);
        lookupCurrent(a);
        taskField(a, R8, task.pid(), -16);
        a.movReg(R9, R1).store(Size.W, FP, -24, R1);
        taskField(a, R8, task.tgid(), -32);
        a.movReg(R8, R1);
        a.storeImm(Size.W, FP, NR_KEY, 0);
        a.loadMap(R1, maps.zero()).movReg(R2, FP).alu(Alu.ADD, R2, NR_KEY).call(h.id("map_lookup_elem"));
        a.jump(Jmp.JEQ, R0, 0, "out").movReg(R3, R0);
        a.loadMap(R1, maps.tasks()).movReg(R2, FP).alu(Alu.ADD, R2, -24).mov(R4, NOEXIST).call(h.id("map_update_elem"));
        stackHeader(a, Layout.FORK, R9, R8);
        a.store(Size.DW, FP, STACK_RECORD + Layout.RET, R7);
        sendStackRecord(a, Layout.HEADER);
        out(a);
        return a.bytes();
    }

    /** sched_process_exit(task): the thread's end, with its exit code; it leaves the traced set. */
    byte[] exit() {
        EbpfAsm a = new EbpfAsm();
        a.load(Size.DW, R8, R1, 0);
        lookupCurrent(a);
        a.movReg(R1, R7).alu(Alu.RSH, R1, 32);
        stackHeader(a, Layout.EXIT, R7, R1);
        taskField(a, R8, task.exitCode(), -16);
        a.store(Size.DW, FP, STACK_RECORD + Layout.RET, R1);
        a.load(Size.W, R1, R6, Layout.TASK_LOST).store(Size.W, FP, STACK_RECORD + Layout.LOST, R1);
        a.load(Size.W, R1, R6, Layout.TASK_FLAGS).store(Size.W, FP, STACK_RECORD + Layout.NR, R1);
        sendStackRecord(a, Layout.HEADER);
        a.loadMap(R1, maps.tasks()).movReg(R2, FP).alu(Alu.ADD, R2, KEY).call(h.id("map_delete_elem"));
        out(a);
        return a.bytes();
    }

    /** signal_deliver(sig, info, ka): a signal the traced thread takes now. */
    byte[] signalDeliver() {
        EbpfAsm a = new EbpfAsm();
        a.movReg(R8, R1);
        lookupCurrent(a);
        a.load(Size.W, R1, R6, Layout.TASK_FLAGS).jump(Jmp.JSET, R1, Layout.HIDDEN, "out");
        a.movReg(R1, R7).alu(Alu.RSH, R1, 32);
        stackHeader(a, Layout.SIGNAL, R7, R1);
        a.storeImm(Size.DW, FP, STACK_RECORD + Layout.RET, Layout.SIGNAL_TAKEN);
        signalBody(a);
        out(a);
        return a.bytes();
    }

    /**
     * signal_generate(sig, info, task, group, result): a signal sent to a traced thread, with its
     * siginfo: one discarded as ignored (which ptrace would still have shown), or one queued (a
     * fatal one kills without being taken, which ptrace would also have shown).
     */
    byte[] signalGenerate() {
        EbpfAsm a = new EbpfAsm();
        a.movReg(R8, R1);
        a.load(Size.DW, R1, R8, 32).jump(Jmp.JGT, R1, TRACE_SIGNAL_IGNORED, "out");
        a.load(Size.DW, R9, R8, 16);
        taskField(a, R9, task.pid(), -16);
        a.movReg(R7, R1).store(Size.W, FP, KEY, R1);
        a.loadMap(R1, maps.tasks()).movReg(R2, FP).alu(Alu.ADD, R2, KEY).call(h.id("map_lookup_elem"));
        a.jump(Jmp.JEQ, R0, 0, "out").load(Size.W, R1, R0, Layout.TASK_FLAGS).jump(Jmp.JSET, R1, Layout.HIDDEN, "out");
        taskField(a, R9, task.tgid(), -24);
        a.movReg(R9, R1);
        stackHeader(a, Layout.SIGNAL, R7, R9);
        a.load(Size.DW, R1, R8, 32).store(Size.DW, FP, STACK_RECORD + Layout.RET, R1);
        signalBody(a);
        out(a);
        return a.bytes();
    }

    /** The signal number and a region with the siginfo (address 0), from the context in R8. */
    private void signalBody(EbpfAsm a) {
        int region = STACK_RECORD + Layout.HEADER;
        a.load(Size.DW, R1, R8, 0).store(Size.W, FP, STACK_RECORD + Layout.NR, R1);
        a.storeImm(Size.W, FP, STACK_RECORD + Layout.REGIONS_LENGTH, Layout.REGION_HEADER + SIGINFO);
        a.storeImm(Size.DW, FP, region, 0).storeImm(Size.DW, FP, region + 8, 0);
        a.storeImm(Size.W, FP, region + 8, SIGINFO).storeImm(Size.B, FP, region + 12, Layout.CAPTURE_BYTES);
        a.storeImm(Size.B, FP, region + 13, Layout.AT_ENTRY);
        for (int off = 0; off < SIGINFO; off += 8) {
            a.storeImm(Size.DW, FP, region + Layout.REGION_HEADER + off, 0);
        }
        a.movReg(R1, FP).alu(Alu.ADD, R1, region + Layout.REGION_HEADER).mov(R2, SIGINFO).load(Size.DW, R3, R8, 8);
        a.call(h.id("probe_read_kernel"));
        sendStackRecord(a, Layout.HEADER + Layout.REGION_HEADER + SIGINFO);
    }
}

package io.jstrace.bpf;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Pids;
import io.jstrace.decode.Siginfo;
import io.jstrace.model.Event;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.model.Value;
import io.jstrace.trace.CallDecoding;
import io.jstrace.trace.Errnos;
import io.jstrace.trace.ProcPids;
import io.jstrace.trace.Tracer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the programs' records into the events the ptrace backend reports, decoded by the same
 * decoders from the captured memory. Keeps the calls whose entry was reported on its own (until
 * their exit, or the thread's end) and the threads still traced.
 */
final class RecordEvents {
    private static final int MAX_ERRNO = 4095, SIGKILL = 9;

    /** A call whose entry record came first: its exit continues this decoding. */
    private record Entered(int nr, CallDecoding decoding, CapturedMemory memory, long entryTime, long ip) {}

    private final Tracer.Config config;
    private final EventOrder out;
    private final long epochOffset;
    private final SyscallTable table = SyscallTable.x86_64();
    private final Map<Integer, Entered> entered = new HashMap<>();
    /** Threads traced and not yet ended, with their processes. */
    private final Map<Integer, Integer> live = new HashMap<>();
    /** The last signal queued for each process, until taken: the one that killed it, if it dies of it untaken. */
    private final Map<Integer, Record> queued = new HashMap<>();
    private final java.util.function.Consumer<String> losses;
    /** -y/-yy: the descriptors learned from the calls; null without -y. */
    private final FdHistory fds;
    /** -Y, --pidns-translation: what pids stand for, read from /proc as records arrive. */
    private final Pids pids;

    /** {@code epochOffset}: added to the programs' CLOCK_MONOTONIC times to give the events' wall-clock times. */
    RecordEvents(Tracer.Config config, EventOrder out, long epochOffset, java.util.function.Consumer<String> losses) {
        this.config = config;
        this.out = out;
        this.epochOffset = epochOffset;
        this.losses = losses;
        this.fds = config.decode().fdDetail() > 0 ? new FdHistory(config.fdPaths(), config.decode().fdDetail()) : null;
        this.pids = ProcPids.forOptions(config.decode());
    }

    /** A thread of process {@code pid} traced from the start ({@code how}: the started command, or attached). */
    void traced(int pid, int tid, long time, Event.How how) {
        live.put(tid, pid);
        if (fds != null) {
            fds.started(tid);
        }
        out.add(new Event.Attached(pid, tid, time, how));
    }

    /** Threads traced and not yet ended. */
    Set<Integer> live() {
        return live.keySet();
    }

    void record(byte[] buffer, int length) {
        if (!config.decodeArgs() && Record.intField(buffer, Layout.TYPE) == Layout.CALL
                && Record.intField(buffer, Layout.LOST) == 0) {
            counted(buffer);
            return;
        }
        Record r = Record.parse(buffer, length);
        if (r.lost() > 0) {
            losses.accept(r.lost() + " event" + (r.lost() == 1 ? "" : "s") + " of thread " + r.tid()
                    + " lost here (ring buffer full)");
        }
        long time = r.time() + epochOffset;
        if (fds != null) {
            fds.thread(r.tid(), r.tgid(), r.type() == Layout.FORK ? (int) r.ret() : r.tid());
        }
        switch (r.type()) {
            case Layout.CALL -> exit(r, time);
            case Layout.ENTRY -> {
                Entered e = entry(r);
                if (e != null) {
                    entered.put(r.tid(), e);
                }
            }
            case Layout.FORK -> {
                live.put(r.tid(), r.tgid());
                out.add(new Event.Attached(r.tgid(), r.tid(), time, Event.How.FOLLOWED));
            }
            case Layout.EXIT -> ended(r, time);
            case Layout.SIGNAL -> signal(r, time);
            default -> { }
        }
    }

    /**
     * A signal taken, ignored, or queued. ptrace shows every signal but SIGKILL as its thread
     * takes it, ignored ones too; a fatal signal with no handler kills a process that no tracer
     * stops without being taken (the kernel turns it into a group SIGKILL): it is shown when the
     * process dies of it, from its siginfo as queued.
     */
    private void signal(Record r, long time) {
        if (r.ret() == Layout.SIGNAL_QUEUED) {
            queued.put(r.tgid(), r);
            return;
        }
        if (r.nr() == SIGKILL) {
            return;
        }
        Record q = queued.get(r.tgid());
        if (q != null && q.nr() == r.nr()) {
            queued.remove(r.tgid());
        }
        report(r, r.tgid(), r.tid(), time);
    }

    private void report(Record r, int pid, int tid, long time) {
        if (config.selection().signals().test(r.nr())) {
            byte[] info = r.regions().isEmpty() ? null : r.regions().get(0).data();
            Value si = info == null ? null
                    : Siginfo.decode(new Bytes(info), p -> Pids.of(config.decode(), pids, tid, p, Pids.Type.TGID));
            out.add(new Event.Signal(pid, tid, time, r.nr(), si, Event.NO_IP));
        }
    }

    /** Decodes a call's entry and reports it; null when -P leaves it out. */
    private Entered entry(Record r) {
        Syscall sc = table.byNumber(r.nr());
        CapturedMemory memory = new CapturedMemory(r.regions());
        if (config.paths() != null && !config.paths().matches(r.tid(), sc, r.args(), memory)) {
            return null;
        }
        Call call = new Call(r.tid(), r.nr(), r.args(), memory, config.qualifiers().decode(config.decode(), sc),
                fds != null ? fds : config.fdPaths(), pids);
        CallDecoding d = CallDecoding.entry(call, sc, config.decodeArgs(), config.qualifiers().raw(sc));
        long time = r.entryTime() + epochOffset;
        out.add(new Event.SyscallEntry(r.tgid(), r.tid(), time, r.nr(), d.name(), d.entryArgs(), d.rest(), r.ip(), r.args()));
        return new Entered(r.nr(), d, memory, time, r.ip());
    }

    private void exit(Record r, long time) {
        Entered e = entered.remove(r.tid());
        if (e == null || e.nr() != r.nr()) {
            e = entry(r);
            if (e == null) {
                return;
            }
        }
        e.memory().atExit(r.regions());
        boolean failed = r.ret() < 0 && r.ret() >= -MAX_ERRNO;
        Syscall sc = table.byNumber(r.nr());
        if (fds != null) {
            fds.returned(r.tid(), sc, r.args(), r.ret(), e.memory());
        }
        e.decoding().exit(r.ret(), failed);
        if (fds != null) {
            fds.done(r.tid(), sc, r.args(), r.ret());
        }
        long duration = time - e.entryTime();
        out.add(new Event.SyscallExit(r.tgid(), r.tid(), time, r.nr(), e.decoding().name(), e.decoding().exitArgs(),
                e.decoding().result(), duration, config.systemTime() ? duration : -1, Event.Tampered.NONE, e.ip()));
    }

    /**
     * A call for -c, which needs only its number, outcome and time: read from the record as it
     * is, reported at once. -c makes one such record per call; parsing each whole cost twice the time.
     */
    private void counted(byte[] b) {
        int nr = Record.intField(b, Layout.NR);
        long ret = Record.longField(b, Layout.RET);
        long time = Record.longField(b, Layout.TIME);
        long duration = time - Record.longField(b, Layout.ENTRY_TIME);
        Syscall sc = table.byNumber(nr);
        String name = CallDecoding.name(sc, nr);
        Event.Result result = ret < 0 && ret >= -MAX_ERRNO ? Errnos.failure(-ret)
                : new Event.Result.Success(Value.Num.dec(ret));
        entered.remove(Record.intField(b, Layout.TID));
        out.now(new Event.SyscallExit(Record.intField(b, Layout.TGID), Record.intField(b, Layout.TID), time + epochOffset, nr, name, List.of(), result,
                duration, config.systemTime() ? duration : -1, Event.Tampered.NONE, Record.longField(b, Layout.IP)));
    }

    /** The thread's end: a call it was in ends with {@code = ?}, then how it ended (sched_process_exit's exit_code). */
    private void ended(Record r, long time) {
        if (live.remove(r.tid()) == null || (r.nr() & Layout.HIDDEN) != 0) {
            return;
        }
        Entered e = entered.remove(r.tid());
        if (e != null) {
            out.add(new Event.SyscallExit(r.tgid(), r.tid(), time, e.nr(), e.decoding().name(), e.decoding().exitArgs(),
                    new Event.Result.None(), time - e.entryTime(), -1, Event.Tampered.NONE, Event.NO_IP));
        }
        int code = (int) r.ret();
        Record fatal = queued.get(r.tgid());
        if (fatal != null && fatal.nr() == (code & 0x7f)) {
            queued.remove(r.tgid());
            report(fatal, r.tgid(), r.tid(), time);
        }
        out.add((code & 0x7f) == 0 ? new Event.Exited(r.tgid(), r.tid(), time, (code >> 8) & 0xff)
                : new Event.Killed(r.tgid(), r.tid(), time, code & 0x7f, (code & 0x80) != 0));
    }

    /** Threads still traced when tracing stops: detached, as ptrace would leave them. */
    void detachAll(long time) {
        for (Map.Entry<Integer, Integer> t : List.copyOf(live.entrySet())) {
            out.add(new Event.Detached(t.getValue(), t.getKey(), time));
        }
        live.clear();
    }
}

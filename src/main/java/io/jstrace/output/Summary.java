package io.jstrace.output;

import io.jstrace.model.Event;
import io.jstrace.trace.Sink;

/**
 * The -c/-C sink: counts every finished call by number and prints strace's table when tracing
 * ends, to the trace output (stderr or the -o file), after any trace lines. Calls that never
 * return (exit_group, a process killed in a call) are not counted, as in strace.
 */
public final class Summary implements Sink {
    private final SummaryOptions options;
    private final SyscallStats stats;
    private final Outputs outputs;
    private final boolean ownsOutputs;
    private boolean closed;

    /**
     * @param size        syscall numbers below it are counted (others are unknown to strace too)
     * @param ownsOutputs close {@code outputs} after the table (-c); with -C the text sink closes them
     */
    public Summary(SummaryOptions options, int size, Outputs outputs, boolean ownsOutputs) {
        this.options = options;
        this.stats = new SyscallStats(size);
        this.outputs = outputs;
        this.ownsOutputs = ownsOutputs;
    }

    @Override
    public void accept(Event event) {
        if (event instanceof Event.SyscallExit e && !(e.result() instanceof Event.Result.None)
                && e.number() >= 0 && e.number() < stats.size()) {
            long nanos = options.wallClock() ? e.durationNanos() : e.systemNanos();
            stats.add(e.number(), e.name(), e.result() instanceof Event.Result.Failure,
                    Math.max(0, nanos - options.overheadNanos()));
        }
    }

    /** Prints the table once (close may be called again on error paths). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        String table = new SummaryTable(stats, options.columns(), options.order()).render();
        if (!table.isEmpty()) {
            Outputs.Line line = outputs.of(0);
            line.write(table);
            line.flush();
        }
        if (ownsOutputs) {
            outputs.close();
        }
    }
}

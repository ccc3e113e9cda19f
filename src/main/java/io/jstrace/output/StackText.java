package io.jstrace.output;

import io.jstrace.model.Event;
import io.jstrace.model.StackFrame;

import java.util.HashMap;
import java.util.Map;

/** -k: stack lines in strace's formats (its unwind.c), printed where strace prints them. */
final class StackText {
    /**
     * Stacks taken at a call's entry whose syscall line -e status= left out: strace keeps them
     * queued and prints them in place of the thread's next stack, or when the thread ends.
     */
    private final Map<Integer, Event.Backtrace> kept = new HashMap<>();
    private final StringBuilder sb = new StringBuilder(256);

    /** Prints {@code b} after its event's line, or keeps or drops it when that line was left out. */
    void print(Event.Backtrace b, boolean lineLeftOut, Outputs.Line line) {
        if (lineLeftOut) {
            if (b.atEntry()) {
                kept.put(b.tid(), b);
            }
            return;
        }
        Event.Backtrace k = kept.remove(b.tid());
        write(k != null ? k : b, line);
    }

    /** The thread ended: a stack still kept is printed now. */
    void ended(int tid, Outputs.Line line) {
        Event.Backtrace k = kept.remove(tid);
        if (k != null) {
            write(k, line);
        }
    }

    private void write(Event.Backtrace b, Outputs.Line line) {
        for (StackFrame f : b.frames()) {
            sb.append(" > ");
            switch (f) {
                case StackFrame.Code c -> {
                    sb.append(c.module()).append('(');
                    // strace prints "(+0x0)" for an unknown symbol in stacks it queued at the entry, "()" otherwise.
                    if (b.atEntry() || (c.symbol() != null && !c.symbol().isEmpty())) {
                        sb.append(c.symbol() == null ? "" : c.symbol()).append("+0x")
                                .append(Long.toHexString(c.symbolOffset()));
                    }
                    sb.append(") [0x").append(Long.toHexString(c.fileOffset())).append(']');
                }
                case StackFrame.Error e -> {
                    sb.append(e.message());
                    if (e.address() != 0) {
                        sb.append(" [0x").append(Long.toHexString(e.address())).append(']');
                    }
                }
            }
            sb.append('\n');
        }
        line.write(sb);
        sb.setLength(0);
    }
}

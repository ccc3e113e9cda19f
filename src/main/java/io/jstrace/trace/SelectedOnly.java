package io.jstrace.trace;

import io.jstrace.model.Event;
import io.jstrace.syscalls.SyscallTable;

/**
 * Passes on the syscall events of the calls {@code selection} shows, and every other event: for
 * when the tracer must report all calls (to a seccomp profile or policy report) but the text
 * shows only what -e trace= chose.
 */
public final class SelectedOnly implements Sink {
    private final Selection selection;
    private final SyscallTable table;
    private final Sink next;

    public SelectedOnly(Selection selection, SyscallTable table, Sink next) {
        this.selection = selection;
        this.table = table;
        this.next = next;
    }

    @Override
    public void accept(Event event) {
        boolean shown = switch (event) {
            case Event.SyscallEntry e -> shows(e.number());
            case Event.SyscallExit e -> shows(e.number());
            default -> true;
        };
        if (shown) {
            next.accept(event);
        }
    }

    private boolean shows(int nr) {
        return selection.shows(table.byNumber(nr));
    }

    @Override
    public void close() {
        next.close();
    }
}

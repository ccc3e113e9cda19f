package io.jstrace.trace;

import java.util.Arrays;

/**
 * Stops collected from wait4 and not handled yet, first in first out: tid, status and the
 * system time wait4 reported with each. Arrays reused from stop to stop, so nothing is
 * allocated on the hot path once they have grown to the number of tracees.
 */
final class PendingStops {
    private int[] tids = new int[16];
    private int[] statuses = new int[16];
    private long[] systemNanos = new long[16];
    private int head;
    private int size;
    private int status;
    private long system;

    boolean isEmpty() {
        return size == 0;
    }

    void add(int tid, int status, long systemNanos) {
        if (head + size == tids.length) {
            if (head > 0) {
                compact();
            } else {
                tids = Arrays.copyOf(tids, tids.length * 2);
                statuses = Arrays.copyOf(statuses, statuses.length * 2);
                this.systemNanos = Arrays.copyOf(this.systemNanos, this.systemNanos.length * 2);
            }
        }
        int i = head + size++;
        tids[i] = tid;
        statuses[i] = status;
        this.systemNanos[i] = systemNanos;
    }

    boolean contains(int tid) {
        for (int i = head; i < head + size; i++) {
            if (tids[i] == tid) {
                return true;
            }
        }
        return false;
    }

    /** Takes the oldest stop; its status and system time are then {@link #status()} and {@link #systemNanos()}. */
    int next() {
        int tid = tids[head];
        status = statuses[head];
        system = systemNanos[head];
        head++;
        if (--size == 0) {
            head = 0;
        }
        return tid;
    }

    int status() {
        return status;
    }

    /** wait4's ru_stime with the stop taken last, or -1 when it was not asked for. */
    long systemNanos() {
        return system;
    }

    private void compact() {
        System.arraycopy(tids, head, tids, 0, size);
        System.arraycopy(statuses, head, statuses, 0, size);
        System.arraycopy(systemNanos, head, systemNanos, 0, size);
        head = 0;
    }
}

package io.jstrace.trace;

import java.util.Arrays;

/**
 * Stops collected from wait4 and not handled yet, first in first out: tid, status, the system
 * time wait4 reported with each and when wait4 returned it. Arrays reused from stop to stop, so nothing is
 * allocated on the hot path once they have grown to the number of tracees.
 */
final class PendingStops {
    private int[] tids = new int[16];
    private int[] statuses = new int[16];
    private long[] systemNanos = new long[16];
    private long[] times = new long[16];
    private int head;
    private int size;
    private int status;
    private long system;
    private long time;

    boolean isEmpty() {
        return size == 0;
    }

    /** A stop of {@code tid} with wait status {@code status}, seen at {@code nanoTime} (System.nanoTime()). */
    void add(int tid, int status, long systemNanos, long nanoTime) {
        if (head + size == tids.length) {
            if (head > 0) {
                compact();
            } else {
                tids = Arrays.copyOf(tids, tids.length * 2);
                statuses = Arrays.copyOf(statuses, statuses.length * 2);
                this.systemNanos = Arrays.copyOf(this.systemNanos, this.systemNanos.length * 2);
                times = Arrays.copyOf(times, times.length * 2);
            }
        }
        int i = head + size++;
        tids[i] = tid;
        statuses[i] = status;
        this.systemNanos[i] = systemNanos;
        times[i] = nanoTime;
    }

    boolean contains(int tid) {
        for (int i = head; i < head + size; i++) {
            if (tids[i] == tid) {
                return true;
            }
        }
        return false;
    }

    /** Takes the oldest stop; its status, system time and time are then {@link #status()}, {@link #systemNanos()}, {@link #nanoTime()}. */
    int next() {
        int tid = tids[head];
        status = statuses[head];
        system = systemNanos[head];
        time = times[head];
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

    /** When wait4 returned the stop taken last (System.nanoTime()). */
    long nanoTime() {
        return time;
    }

    private void compact() {
        System.arraycopy(tids, head, tids, 0, size);
        System.arraycopy(statuses, head, statuses, 0, size);
        System.arraycopy(systemNanos, head, systemNanos, 0, size);
        System.arraycopy(times, head, times, 0, size);
        head = 0;
    }
}

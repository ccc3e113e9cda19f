package io.jstrace.output;

import java.util.Arrays;

/**
 * Calls, errors and times per syscall number, in arrays indexed by number so that counting a
 * call allocates nothing. Times are nanoseconds.
 */
public final class SyscallStats {
    final String[] names;
    final long[] calls;
    final long[] errors;
    final long[] total;
    final long[] min;
    final long[] max;

    /** Room for syscall numbers below {@code size}. */
    public SyscallStats(int size) {
        names = new String[size];
        calls = new long[size];
        errors = new long[size];
        total = new long[size];
        min = new long[size];
        max = new long[size];
        Arrays.fill(min, Long.MAX_VALUE);
    }

    /** Counts one finished call of syscall {@code nr} that took {@code nanos}. */
    public void add(int nr, String name, boolean failed, long nanos) {
        names[nr] = name;
        calls[nr]++;
        if (failed) {
            errors[nr]++;
        }
        total[nr] += nanos;
        min[nr] = Math.min(min[nr], nanos);
        max[nr] = Math.max(max[nr], nanos);
    }

    public int size() {
        return calls.length;
    }

    boolean isEmpty() {
        for (long c : calls) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    /** The mean time per call, rounded to the nearest nanosecond as strace's ts_div does. */
    long avg(int nr) {
        return calls[nr] == 0 ? 0 : (total[nr] + calls[nr] / 2) / calls[nr];
    }
}

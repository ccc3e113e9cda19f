package io.jstrace.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One record from the ring, as {@link TracePrograms} writes it ({@link Layout}): what happened
 * ({@code type}), to which thread, when (CLOCK_MONOTONIC nanoseconds), and for a call its number,
 * arguments, result and the memory read at entry and exit.
 */
record Record(int type, int tid, int tgid, int nr, long time, long entryTime, long[] args, long ret, int lost, long ip,
              List<Region> regions) {

    /** Memory read at {@code address}: bytes, or a string (its NUL included when it had one within the limit). */
    record Region(long address, byte[] data, int how, int phase) {
        boolean string() {
            return how == Layout.CAPTURE_STRING;
        }
    }

    private static final java.lang.invoke.VarHandle INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A u32 field of the record in {@code b} (a {@link Layout} offset), read without parsing the rest. */
    static int intField(byte[] b, int offset) {
        return (int) INT.get(b, offset);
    }

    /** A u64 field of the record in {@code b}. */
    static long longField(byte[] b, int offset) {
        return (long) LONG.get(b, offset);
    }

    static Record parse(byte[] b, int length) {
        ByteBuffer r = ByteBuffer.wrap(b, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = r.getLong(Layout.ARGS + 8 * i);
        }
        int end = Math.min(length, Layout.HEADER + r.getInt(Layout.REGIONS_LENGTH));
        List<Region> regions = new ArrayList<>(2);
        for (int at = Layout.HEADER; at + Layout.REGION_HEADER <= end; ) {
            int len = r.getInt(at + 8);
            int from = at + Layout.REGION_HEADER;
            regions.add(new Region(r.getLong(at), Arrays.copyOfRange(b, from, Math.min(from + len, end)), b[at + 12],
                    b[at + 13]));
            at = from + ((len + 7) & ~7);
        }
        return new Record(r.getInt(Layout.TYPE), r.getInt(Layout.TID), r.getInt(Layout.TGID), r.getInt(Layout.NR),
                r.getLong(Layout.TIME), r.getLong(Layout.ENTRY_TIME), args, r.getLong(Layout.RET), r.getInt(Layout.LOST),
                r.getLong(Layout.IP), regions);
    }
}

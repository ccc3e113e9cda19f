package io.jstrace.decode;

import io.jstrace.model.Value;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The time structs (timespec, timeval, itimerspec, itimerval, timezone) as strace prints them. */
final class TimeDecoder {
    private TimeDecoder() {}

    static final int TIMESPEC = 16;
    static final int TIMEVAL = 16;

    /** {@code {tv_sec=1, tv_nsec=2}} from 16 bytes at {@code off}. */
    static Value timespec(Bytes b, int off) {
        return Decode.struct(Decode.field("tv_sec", Decode.dec(b.s64(off))),
                Decode.field("tv_nsec", Decode.dec(b.s64(off + 8))));
    }

    static Value timeval(Bytes b, int off) {
        return Decode.struct(Decode.field("tv_sec", Decode.dec(b.s64(off))),
                Decode.field("tv_usec", Decode.dec(b.s64(off + 8))));
    }

    /** {@code {it_interval=..., it_value=...}} of two timespecs (nanos) or timevals. */
    static Value itimer(Bytes b, boolean nanos) {
        return Decode.struct(
                Decode.field("it_interval", nanos ? timespec(b, 0) : timeval(b, 0)),
                Decode.field("it_value", nanos ? timespec(b, 16) : timeval(b, 16)));
    }

    static Value timezone(Bytes b) {
        return Decode.struct(Decode.field("tz_minuteswest", Decode.dec(b.s32(0))),
                Decode.field("tz_dsttime", Decode.dec(b.s32(4))));
    }

    /** Reads a timespec from the tracee: NULL, the struct, or the address when unreadable. */
    static Value timespecAt(Call c, long addr) {
        return read(c, addr, 16, b -> timespec(b, 0));
    }

    static Value timevalAt(Call c, long addr) {
        return read(c, addr, 16, b -> timeval(b, 0));
    }

    static Value read(Call c, long addr, int size, java.util.function.Function<Bytes, Value> f) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        Bytes b = Decode.struct(c, addr, size);
        return b == null ? new Value.Unreadable(addr) : f.apply(b);
    }

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

    /** strace's sprinttime: local time in ISO 8601 with the zone offset. */
    static String isoTime(long epochSeconds) {
        return ISO.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    /** The kernel's restart errnos: an interrupted sleep then reports the time left. */
    static boolean interrupted(Call c) {
        long e = -c.ret();
        return c.failed() && (e == 512 || e == 513 || e == 514 || e == 516);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The time structs (timespec, timeval, itimerspec, itimerval, timezone) as strace prints them:
 * seconds signed, the fraction unsigned (strace's print_timespec_t and print_timeval_t).
 */
public final class TimeDecoder {
    private TimeDecoder() {}

    static final Layout TIMESPEC_L = Layout.of("timespec"), TIMEVAL_L = Layout.of("timeval"),
            ITIMERSPEC = Layout.of("itimerspec"), ITIMERVAL = Layout.of("itimerval"), TIMEZONE = Layout.of("timezone");
    static final int TIMESPEC = TIMESPEC_L.size();
    static final int TIMEVAL = TIMEVAL_L.size();
    private static final Layout.Field TS_SEC = TIMESPEC_L.field("tv_sec"), TS_NSEC = TIMESPEC_L.field("tv_nsec"),
            TV_SEC = TIMEVAL_L.field("tv_sec"), TV_USEC = TIMEVAL_L.field("tv_usec"),
            ITS_INTERVAL = ITIMERSPEC.field("it_interval"), ITS_VALUE = ITIMERSPEC.field("it_value"),
            ITV_INTERVAL = ITIMERVAL.field("it_interval"), ITV_VALUE = ITIMERVAL.field("it_value"),
            TZ_MINUTESWEST = TIMEZONE.field("tz_minuteswest"), TZ_DSTTIME = TIMEZONE.field("tz_dsttime");

    /** {@code {tv_sec=1, tv_nsec=2}} from the timespec at {@code off} of {@code b}. */
    static Value timespec(Bytes b, int off) {
        Bytes t = off == 0 && b.length() == TIMESPEC ? b : b.slice(off, TIMESPEC);
        return Decode.struct(Decode.field("tv_sec", Decode.dec(t.s(TS_SEC))), Decode.field("tv_nsec", Value.Num.udec(t.u(TS_NSEC))));
    }

    static Value timeval(Bytes b, int off) {
        Bytes t = off == 0 && b.length() == TIMEVAL ? b : b.slice(off, TIMEVAL);
        return Decode.struct(Decode.field("tv_sec", Decode.dec(t.s(TV_SEC))), Decode.field("tv_usec", Value.Num.udec(t.u(TV_USEC))));
    }

    /** {@code {it_interval=..., it_value=...}} of two timespecs (nanos, struct itimerspec) or timevals (struct itimerval). */
    static Value itimer(Bytes b, boolean nanos) {
        return Decode.struct(
                Decode.field("it_interval", nanos ? timespec(b, ITS_INTERVAL.offset()) : timeval(b, ITV_INTERVAL.offset())),
                Decode.field("it_value", nanos ? timespec(b, ITS_VALUE.offset()) : timeval(b, ITV_VALUE.offset())));
    }

    /** The size of struct itimerspec (nanos) or struct itimerval. */
    static int itimerSize(boolean nanos) {
        return (nanos ? ITIMERSPEC : ITIMERVAL).size();
    }

    static Value timezone(Bytes b) {
        return Decode.struct(Decode.field("tz_minuteswest", Decode.dec(b.s(TZ_MINUTESWEST))),
                Decode.field("tz_dsttime", Decode.dec(b.s(TZ_DSTTIME))));
    }

    static int timezoneSize() {
        return TIMEZONE.size();
    }

    /** Reads a timespec from the tracee: NULL, the struct, or the address when unreadable. */
    static Value timespecAt(Call c, long addr) {
        return read(c, addr, TIMESPEC, b -> timespec(b, 0));
    }

    static Value timevalAt(Call c, long addr) {
        return read(c, addr, TIMEVAL, b -> timeval(b, 0));
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

    /**
     * strace's sprinttime_nsec: {@link #isoTime} with nine digits of the second after it when
     * {@code nsec} is not 0; null (no comment) for the epoch itself or an impossible nsec.
     */
    public static String isoTimeNs(long sec, long nsec) {
        if (sec == 0 && nsec == 0 || Long.compareUnsigned(nsec, 999_999_999) > 0) {
            return null;
        }
        String t = isoTime(sec);
        if (nsec == 0) {
            return t;
        }
        int zone = t.length() - 5;
        return t.substring(0, zone) + String.format(".%09d", nsec) + t.substring(zone);
    }

    /** The kernel's restart errnos: an interrupted sleep then reports the time left. */
    static boolean interrupted(Call c) {
        long e = -c.ret();
        return c.failed() && (e == 512 || e == 513 || e == 514 || e == 516);
    }
}

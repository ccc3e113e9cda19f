package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.continued;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** PTP hardware clock requests (type '='), as strace's ptp.c prints them. */
final class PtpIoctls {
    private PtpIoctls() {}

    private static final Layout TIME = Layout.of("ptp_clock_time"), CAPS = Layout.of("ptp_clock_caps"),
            EXTTS = Layout.of("ptp_extts_request"), PEROUT = Layout.of("ptp_perout_request"),
            SYSOFF = Layout.of("ptp_sys_offset"), EXTENDED = Layout.of("ptp_sys_offset_extended"),
            PRECISE = Layout.of("ptp_sys_offset_precise"), PIN = Layout.of("ptp_pin_desc");
    private static final Layout.Field SEC = TIME.field("sec"), NSEC = TIME.field("nsec"), RESERVED = TIME.field("reserved");
    private static final List<Layout.Field> CAPS_FIELDS = List.of(CAPS.field("max_adj"), CAPS.field("n_alarm"),
            CAPS.field("n_ext_ts"), CAPS.field("n_per_out"), CAPS.field("pps"), CAPS.field("n_pins"),
            CAPS.field("cross_timestamping"), CAPS.field("adjust_phase"));
    private static final Layout.Field CAPS_RSV = CAPS.field("rsv");
    private static final Layout.Field EXTTS_INDEX = EXTTS.field("index"), EXTTS_FLAGS = EXTTS.field("flags"),
            EXTTS_RSV = EXTTS.field("rsv");
    private static final Layout.Field START = PEROUT.field("start"), PHASE = PEROUT.field("phase"),
            PERIOD = PEROUT.field("period"), PEROUT_INDEX = PEROUT.field("index"), PEROUT_FLAGS = PEROUT.field("flags"),
            ON = PEROUT.field("on"), PEROUT_RSV = PEROUT.field("rsv");
    private static final Layout.Field SYSOFF_N = SYSOFF.field("n_samples"), SYSOFF_RSV = SYSOFF.field("rsv"),
            SYSOFF_TS = SYSOFF.field("ts");
    private static final Layout.Field EXTENDED_N = EXTENDED.field("n_samples"), EXTENDED_RSV = EXTENDED.field("rsv"),
            EXTENDED_TS = EXTENDED.field("ts");
    private static final Layout.Field DEVICE = PRECISE.field("device"), REALTIME = PRECISE.field("sys_realtime"),
            MONORAW = PRECISE.field("sys_monoraw"), PRECISE_RSV = PRECISE.field("rsv");
    private static final Layout.Field NAME = PIN.field("name"), PIN_INDEX = PIN.field("index"), FUNC = PIN.field("func"),
            CHAN = PIN.field("chan"), PIN_RSV = PIN.field("rsv");
    private static final long PEROUT_DUTY_CYCLE = 2, PEROUT_PHASE = 4;
    private static final int MAX_SAMPLES = 25;

    /** A ptp_clock_time; a wall-clock one ({@code rtc}) with its date, except under -X raw. */
    private static Value time(Call c, Bytes t, boolean rtc) {
        long sec = t.s(SEC), nsec = t.u(NSEC), reserved = t.u(RESERVED);
        List<Value.Field> f = new ArrayList<>(List.of(field("sec", Value.Num.dec(sec)), field("nsec", Value.Num.udec(nsec))));
        if (reserved != 0) {
            f.add(field("reserved", Value.Num.hex(reserved)));
        }
        Value v = new Value.Struct(f, false);
        return rtc && c.options.xstyle() != DecodeOptions.Xstyle.RAW ? Decode.withTime(v, sec, nsec) : v;
    }

    private static Value.Field time(Call c, Bytes b, String name, Layout.Field f, boolean rtc) {
        return field(name, time(c, b.slice(f), rtc));
    }

    /** A reserved array, shown only when not all zero (strace's PRINT_RSV). */
    private static void rsv(Call c, Bytes b, Layout.Field f, List<Value.Field> into) {
        if (!StructFields.zero(b, f)) {
            into.add(field("rsv", StructFields.xints(c, b, f, 4, -1)));
        }
    }

    private static Value caps(Call c, Bytes b) {
            List<Value.Field> f = new ArrayList<>();
            for (Layout.Field x : CAPS_FIELDS) {
                f.add(field(x.name(), Value.Num.dec(b.s(x))));
            }
            rsv(c, b, CAPS_RSV, f);
            return new Value.Struct(f, false);
    }

    private static IoctlArg.Reader extts(boolean v2) {
        return structWith(EXTTS, (c, b) -> {
            List<Value.Field> f = new ArrayList<>(List.of(field("index", Value.Num.udec(b.u(EXTTS_INDEX))),
                    field("flags", Decode.flags("ptp_extts_flags", b.u(EXTTS_FLAGS), "PTP_???"))));
            if (v2) {
                rsv(c, b, EXTTS_RSV, f);
            }
            return new Value.Struct(f, false);
        });
    }

    /** A periodic output: its start (a date) or its phase, the period, and the on time for a duty cycle. */
    private static IoctlArg.Reader perout(boolean v2) {
        return structWith(PEROUT, (c, b) -> {
            long flags = b.u(PEROUT_FLAGS);
            List<Value.Field> f = new ArrayList<>();
            f.add((flags & PEROUT_PHASE) != 0 ? time(c, b, "phase", PHASE, false) : time(c, b, "start", START, true));
            f.add(time(c, b, "period", PERIOD, false));
            f.add(field("index", Value.Num.udec(b.u(PEROUT_INDEX))));
            f.add(field("flags", Decode.flags("ptp_perout_flags", flags, "PTP_PEROUT_???")));
            if ((flags & PEROUT_DUTY_CYCLE) != 0) {
                f.add(time(c, b, "on", ON, false));
            } else if (v2) {
                rsv(c, b, PEROUT_RSV, f);
            }
            return new Value.Struct(f, false);
        });
    }

    /** What a sampling request shows at entry: the samples asked for and a non-zero reserved part. */
    private static IoctlArg.Members samples(Layout.Field n, Layout.Field rsv) {
        return (c, b) -> {
            List<Value.Field> f = new ArrayList<>(List.of(field("n_samples", Value.Num.udec(b.u(n)))));
            rsv(c, b, rsv, f);
            return f;
        };
    }

    /** PTP_SYS_OFFSET's answer: 2n+1 times, system and device clock in turn. */
    private static List<Value.Field> sysOffsetTimes(Call c, Bytes b) {
        long n = Math.min(b.u(SYSOFF_N), MAX_SAMPLES);
        return List.of(field("ts", StructFields.array(c, b, SYSOFF_TS, TIME.size(), 2 * n + 1, t -> time(c, t, true))));
    }

    /** PTP_SYS_OFFSET_EXTENDED's answer: n triples of system, device and system time. */
    private static List<Value.Field> extendedTimes(Call c, Bytes b) {
        long n = Math.min(b.u(EXTENDED_N), MAX_SAMPLES);
        return List.of(field("ts", StructFields.array(c, b, EXTENDED_TS, 3 * TIME.size(), n,
                t -> new Value.Arr(List.of(time(c, t.slice(0, TIME.size()), true),
                        time(c, t.slice(TIME.size(), TIME.size()), true),
                        time(c, t.slice(2 * TIME.size(), TIME.size()), true)), false))));
    }

    private static Value precise(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(time(c, b, "device", DEVICE, true),
                time(c, b, "sys_realtime", REALTIME, true), time(c, b, "sys_monoraw", MONORAW, false)));
        rsv(c, b, PRECISE_RSV, f);
        return new Value.Struct(f, false);
    }

    /** A pin's index at entry (and its reserved part for PTP_PIN_GETFUNC2); the setters' function too. */
    private static IoctlArg.Members pinIn(boolean getter, boolean showRsv) {
        return (c, b) -> {
            List<Value.Field> f = new ArrayList<>(List.of(field("index", Value.Num.udec(b.u(PIN_INDEX)))));
            if (!getter) {
                f.addAll(pinFunction(b));
            }
            if (showRsv) {
                rsv(c, b, PIN_RSV, f);
            }
            return f;
        };
    }

    private static IoctlArg.Reader fields(Layout l, IoctlArg.Members m) {
        return structWith(l, (c, b) -> new Value.Struct(m.apply(c, b), false));
    }

    private static List<Value.Field> pinFunction(Bytes b) {
        return List.of(field("func", Decode.sym("ptp_pin_funcs", b.u(FUNC), Value.Radix.HEX, "PTP_PF_???")),
                field("chan", Value.Num.udec(b.u(CHAN))));
    }

    private static List<Value.Field> pinGot(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(field("name", StructFields.cstring(b, NAME))));
        f.addAll(pinFunction(b));
        return f;
    }

    private static final RequestMap MAP = new RequestMap()
            .put(out(structWith(CAPS, PtpIoctls::caps)), "PTP_CLOCK_GETCAPS", "PTP_CLOCK_GETCAPS2")
            .put(in(extts(false)), "PTP_EXTTS_REQUEST")
            .put(in(extts(true)), "PTP_EXTTS_REQUEST2")
            .put(in(perout(false)), "PTP_PEROUT_REQUEST")
            .put(in(perout(true)), "PTP_PEROUT_REQUEST2")
            .put(IoctlArg.HEX, "PTP_ENABLE_PPS", "PTP_ENABLE_PPS2")
            .put(continued(SYSOFF, samples(SYSOFF_N, SYSOFF_RSV), PtpIoctls::sysOffsetTimes, Value.UNAVAILABLE),
                    "PTP_SYS_OFFSET", "PTP_SYS_OFFSET2")
            .put(continued(EXTENDED, samples(EXTENDED_N, EXTENDED_RSV), PtpIoctls::extendedTimes, Value.UNAVAILABLE),
                    "PTP_SYS_OFFSET_EXTENDED", "PTP_SYS_OFFSET_EXTENDED2")
            .put(continued(PIN, pinIn(true, false), PtpIoctls::pinGot, Value.UNAVAILABLE), "PTP_PIN_GETFUNC")
            .put(continued(PIN, pinIn(true, true), PtpIoctls::pinGot, Value.UNAVAILABLE), "PTP_PIN_GETFUNC2")
            .put(in(fields(PIN, pinIn(false, false))), "PTP_PIN_SETFUNC")
            .put(in(fields(PIN, pinIn(false, true))), "PTP_PIN_SETFUNC2")
            .put(out(structWith(PRECISE, PtpIoctls::precise)), "PTP_SYS_OFFSET_PRECISE", "PTP_SYS_OFFSET_PRECISE2");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

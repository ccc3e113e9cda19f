package io.jstrace.decode;

import io.jstrace.model.Value;

/** Kinds for the time family of syscalls: sleeps, clocks, interval timers, POSIX timers, timerfds. */
final class TimeKinds implements KindFamily {
    static final int TIMER_ABSTIME = 1;

    @Override
    public void register(Kinds k) {
        k.arg("timespec", (c, i) -> TimeDecoder.timespecAt(c, c.arg(i)));
        k.arg("timeval", (c, i) -> TimeDecoder.timevalAt(c, c.arg(i)));
        // Output structs, filled by a successful call.
        k.arg("timespec_out", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : TimeDecoder.timespecAt(c, c.arg(i))));
        k.arg("timeval_out", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : TimeDecoder.timevalAt(c, c.arg(i))));
        k.arg("timezone_out", ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : TimeDecoder.read(c, c.arg(i), TimeDecoder.timezoneSize(), TimeDecoder::timezone)));
        k.arg("timezone", (c, i) -> TimeDecoder.read(c, c.arg(i), TimeDecoder.timezoneSize(), TimeDecoder::timezone));
        // A sleep's "remaining" argument only means something when a signal interrupted it.
        k.arg("sleep_rem", ArgKind.atExit((c, i) -> TimeDecoder.interrupted(c)
                ? TimeDecoder.timespecAt(c, c.arg(i)) : Decode.ptr(c.arg(i))));
        k.arg("clock_nanosleep_rem", ArgKind.atExit((c, i) ->
                (c.arg(1) & TIMER_ABSTIME) == 0 && TimeDecoder.interrupted(c)
                        ? TimeDecoder.timespecAt(c, c.arg(i)) : Decode.ptr(c.arg(i))));
        k.arg("clockid", (c, i) -> clockid(c.intArg(i)));
        k.arg("itimer_which", (c, i) -> Decode.sym("itimer_which", c.intArg(i) & 0xffffffffL, Value.Radix.HEX, "ITIMER_???"));
        k.arg("itimerval", (c, i) -> TimeDecoder.read(c, c.arg(i), TimeDecoder.itimerSize(false), b -> TimeDecoder.itimer(b, false)));
        k.arg("itimerval_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i))
                : TimeDecoder.read(c, c.arg(i), TimeDecoder.itimerSize(false), b -> TimeDecoder.itimer(b, false))));
        k.arg("itimerspec", (c, i) -> TimeDecoder.read(c, c.arg(i), TimeDecoder.itimerSize(true), b -> TimeDecoder.itimer(b, true)));
        k.arg("itimerspec_out", ArgKind.atExit((c, i) -> c.failed() ? Decode.ptr(c.arg(i))
                : TimeDecoder.read(c, c.arg(i), TimeDecoder.itimerSize(true), b -> TimeDecoder.itimer(b, true))));
        k.arg("timer_flags", (c, i) -> Decode.flags("timer_abstime_flags", c.arg(i) & 0xffffffffL));
        k.arg("timer_id_out", ArgKind.atExit((c, i) -> {
            if (c.failed()) {
                return Decode.ptr(c.arg(i));
            }
            Bytes b = Decode.struct(c, c.arg(i), 4);
            return b == null ? Decode.ptr(c.arg(i)) : new Value.Arr(java.util.List.of(Decode.dec(b.s32(0))), false);
        }));
        k.arg("sigevent", (c, i) -> TimeDecoder.read(c, c.arg(i), TimeSigevent.SIZE, TimeSigevent::decode));
        k.arg("time_out", ArgKind.atExit((c, i) -> {
            if (c.arg(i) == 0 || c.failed()) {
                return Decode.ptr(c.arg(i));
            }
            Bytes b = Decode.struct(c, c.arg(i), 8);
            if (b == null) {
                return Decode.ptr(c.arg(i));
            }
            return new Value.Arr(java.util.List.of(
                    new Value.Commented(Decode.dec(b.s64(0)), TimeDecoder.isoTime(b.s64(0)))), false);
        }));
        // adjtimex and clock_adjtime: the struct is filled at exit; the clock state follows the return value.
        k.arg("timex_out", ArgKind.atExit(TimexDecoder::at));
        k.retWithParam("adjtimex", p -> {
            int n = Integer.parseInt(p);
            return ReturnKind.decimalWith(c -> TimexDecoder.state(c, n));
        });
        // time(2) returns seconds since the epoch, which strace also shows as a date.
        k.ret("time_t", ReturnKind.decimalWith(c -> new Value.Note(TimeDecoder.isoTime(c.ret()))));
    }

    /** Static clock ids by name; negative ids encode CPU-time clocks and clock fds (strace's printclockname). */
    static Value clockid(int id) {
        if (id >= 0) {
            return Decode.sym("clockids", id, Value.Radix.DEC, "CLOCK_???");
        }
        int pid = ~(id >> 3);
        // The number itself under -X raw, and before the macro call under -X verbose.
        if ((id & 7) == 3) {
            return new Value.Decoded(id, Value.Radix.DEC, new Value.Call("FD_TO_CLOCKID", java.util.List.of(Decode.dec(pid))), false);
        }
        String fn = (id & 4) != 0 ? "MAKE_THREAD_CPUCLOCK" : "MAKE_PROCESS_CPUCLOCK";
        return new Value.Decoded(id, Value.Radix.DEC, new Value.Call(fn, java.util.List.of(Decode.dec(pid),
                Decode.sym("cpuclocknames", id & 7, Value.Radix.HEX, "CPUCLOCK_???"))), false);
    }
}

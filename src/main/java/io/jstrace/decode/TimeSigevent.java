package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** struct sigevent (timer_create) as strace 6.1 prints it: the value only when set. */
final class TimeSigevent {
    private TimeSigevent() {}

    static final int SIGEV_SIGNAL = 0;
    static final int SIGEV_THREAD = 2;
    static final int SIGEV_THREAD_ID = 4;

    static Value decode(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        long value = b.s64(0);
        int signo = b.s32(8);
        int notify = b.s32(12);
        if (value != 0) {
            f.add(Decode.field("sigev_value", Decode.struct(
                    Decode.field("sival_int", Decode.dec(b.s32(0))),
                    Decode.field("sival_ptr", Value.Num.hex(value)))));
        }
        if (notify == SIGEV_SIGNAL || notify == SIGEV_THREAD || notify == SIGEV_THREAD_ID) {
            f.add(Decode.field("sigev_signo", Siginfo.signal(signo)));
        } else {
            f.add(Decode.field("sigev_signo", Decode.dec(signo)));
        }
        f.add(Decode.field("sigev_notify", Decode.sym("sigev_notify", notify, Value.Radix.DEC, "SIGEV_???")));
        if (notify == SIGEV_THREAD_ID) {
            f.add(Decode.field("sigev_notify_thread_id", Decode.dec(b.s32(16))));
        } else if (notify == SIGEV_THREAD) {
            f.add(Decode.field("sigev_notify_function", Value.Num.hex(b.s64(16))));
            f.add(Decode.field("sigev_notify_attributes", Value.Num.hex(b.s64(24))));
        }
        return new Value.Struct(f, false);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** struct sigevent (timer_create, mq_notify) as strace 6.1's print_sigevent: the value only when set. */
final class TimeSigevent {
    private TimeSigevent() {}

    static final Layout L = Layout.of("sigevent");
    private static final Layout.Field SIVAL_INT = L.field("sigev_value.sival_int"),
            SIVAL_PTR = L.field("sigev_value.sival_ptr"), SIGNO = L.field("sigev_signo"),
            NOTIFY = L.field("sigev_notify"), FUNCTION = L.field("sigev_notify_function"),
            ATTRIBUTES = L.field("sigev_notify_attributes"), THREAD_ID = L.field("_sigev_un._tid");
    /** What strace reads: up to the thread attributes, without the padding to the kernel's 64 bytes. */
    static final int SIZE = ATTRIBUTES.offset() + ATTRIBUTES.size();

    static final int SIGEV_SIGNAL = 0;
    static final int SIGEV_THREAD = 2;
    static final int SIGEV_THREAD_ID = 4;

    static Value decode(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        long value = b.u(SIVAL_PTR);
        int notify = (int) b.s(NOTIFY);
        if (value != 0) {
            f.add(Decode.field("sigev_value", Decode.struct(
                    Decode.field("sival_int", Decode.dec(b.s(SIVAL_INT))),
                    Decode.field("sival_ptr", Decode.ptr(value)))));
        }
        boolean signal = notify == SIGEV_SIGNAL || notify == SIGEV_THREAD || notify == SIGEV_THREAD_ID;
        f.add(Decode.field("sigev_signo", signal ? Siginfo.signal((int) b.s(SIGNO)) : Value.Num.udec(b.u(SIGNO))));
        f.add(Decode.field("sigev_notify", Decode.sym("sigev_notify", notify, Value.Radix.HEX, "SIGEV_???")));
        if (notify == SIGEV_THREAD_ID) {
            f.add(Decode.field("sigev_notify_thread_id", Decode.dec(b.s(THREAD_ID))));
        } else if (notify == SIGEV_THREAD) {
            f.add(Decode.field("sigev_notify_function", Decode.ptr(b.u(FUNCTION))));
            f.add(Decode.field("sigev_notify_attributes", Decode.ptr(b.u(ATTRIBUTES))));
        }
        return new Value.Struct(f, false);
    }
}

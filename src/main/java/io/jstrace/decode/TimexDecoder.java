package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/**
 * struct timex (adjtimex, clock_adjtime) as strace 6.1's print_timex, and the clock state the
 * call returns, which strace names after the value: {@code = 5 (TIME_ERROR)}.
 */
final class TimexDecoder {
    private TimexDecoder() {}

    static final Layout L = Layout.of("timex");
    private static final Layout.Field MODES = L.field("modes"), STATUS = L.field("status"),
            TIME_SEC = L.field("time.tv_sec"), TIME_USEC = L.field("time.tv_usec");
    /** The signed members strace prints in decimal, in its order; modes, status and time go between. */
    private static final String[] BEFORE_STATUS = {"offset", "freq", "maxerror", "esterror"};
    private static final String[] BEFORE_TIME = {"constant", "precision", "tolerance"};
    private static final String[] AFTER_TIME = {"tick", "ppsfreq", "jitter", "shift", "stabil", "jitcnt", "calcnt",
            "errcnt", "stbcnt", "tai"};

    static Value decode(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("modes", Decode.flags("adjtimex_modes", b.u(MODES), "ADJ_???")));
        signed(b, f, BEFORE_STATUS);
        f.add(Decode.field("status", Decode.flags("adjtimex_status", b.u(STATUS), "STA_???")));
        signed(b, f, BEFORE_TIME);
        f.add(Decode.field("time", Decode.struct(Decode.field("tv_sec", Decode.dec(b.s(TIME_SEC))),
                Decode.field("tv_usec", Value.Num.udec(b.u(TIME_USEC))))));
        signed(b, f, AFTER_TIME);
        return new Value.Struct(f, false);
    }

    private static void signed(Bytes b, List<Value.Field> f, String[] names) {
        for (String n : names) {
            f.add(Decode.field(n, Decode.dec(b.s(L.field(n)))));
        }
    }

    /** The struct at argument {@code i}, filled by a successful call; its address otherwise. */
    static Value at(Call c, int i) {
        Bytes b = c.failed() ? null : Decode.struct(c, c.arg(i), L.size());
        return b == null ? Decode.ptr(c.arg(i)) : decode(b);
    }

    /** The clock state named after a successful return, as strace does when it could print the struct. */
    static Value state(Call c, int i) {
        if (c.failed() || Decode.struct(c, c.arg(i), L.size()) == null) {
            return null;
        }
        String name = Xlat.of("adjtimex_state").name(c.ret());
        return name == null ? null : new Value.Note(name);
    }
}

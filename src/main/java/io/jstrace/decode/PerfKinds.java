package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

/**
 * perf_event_open(2)'s attr (strace's perf.c): read at entry, shown at exit, where an E2BIG
 * failure shows the size the kernel wrote back ({@code size=A => B}).
 */
final class PerfKinds implements KindFamily {
    private static final long E2BIG = Xlat.of("errno").value("E2BIG").orElseThrow();

    @Override
    public void register(Kinds k) {
        k.arg("perf_attr", ArgKind.atEntryAndExit((c, i) -> {
            if (!c.exited()) {
                Object f = PerfAttr.fetch(c, c.arg(i));
                c.saved[i] = f;
                return f instanceof Value v ? v : null;
            }
            if (!(c.saved[i] instanceof PerfAttr.Fetched f)) {
                return (Value) c.saved[i];
            }
            boolean resized = c.failed() && -c.ret() == E2BIG;
            return PerfAttr.show(c, f, resized ? PerfAttr.sizeNow(c, c.arg(i)) : null);
        }));
    }
}

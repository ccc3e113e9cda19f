package io.jstrace.decode.ioctl;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** Constants printed as strace's printxval and printflags variants print them, beyond decode.Decode's. */
final class Xvals {
    private Xvals() {}

    /**
     * A flags word whose table holds bit numbers: strace names each bit {@code spelling + NAME}
     * ({@code 1<<KG_SHIFT}, {@code 1 << IDE_NICE_0}, as its xlat file spells it).
     */
    static Value bitFlags(String table, long v, String spelling, String unknown) {
        List<String> names = new ArrayList<>();
        long rest = v;
        for (Xlat.Entry e : Xlat.of(table).entries()) {
            long bit = 1L << e.value();
            if ((rest & bit) != 0) {
                names.add(spelling + e.name());
                rest &= ~bit;
            }
        }
        return new Value.Flags(names, rest, Value.Radix.HEX, v, unknown);
    }
}

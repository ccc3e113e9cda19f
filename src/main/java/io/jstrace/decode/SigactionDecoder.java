package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** The kernel's {@code struct sigaction} (handler, flags, restorer, mask: 32 bytes on x86_64). */
final class SigactionDecoder {
    private SigactionDecoder() {}

    static final int SIZE = 32;
    private static final long SA_RESTORER = 0x04000000L;

    static Value decode(Bytes b) {
        long handler = b.s64(0);
        long flags = b.s64(8);
        List<Value.Field> f = new ArrayList<>();
        String h = io.jstrace.xlat.Xlat.of("sa_handler_values").name(handler);
        f.add(Decode.field("sa_handler", h != null ? new Value.Sym(h, handler) : Decode.ptr(handler)));
        f.add(Decode.field("sa_mask", SigsetDecoder.decode(new Bytes(java.util.Arrays.copyOfRange(b.b(), 24, 32)), 8)));
        f.add(Decode.field("sa_flags", Decode.flags("sa_flags", flags)));
        if ((flags & SA_RESTORER) != 0) {
            f.add(Decode.field("sa_restorer", Decode.ptr(b.s64(16))));
        }
        return new Value.Struct(f, false);
    }

    static Value at(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (c.exited() && c.failed()) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, SIZE);
        return b == null ? Decode.ptr(addr) : decode(b);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

/** The kernel's {@code struct sigaction} as strace's decode_new_sigaction prints it. */
final class SigactionDecoder {
    private SigactionDecoder() {}

    private static final Layout L = Layout.of("kernel_sigaction");
    private static final Layout.Field HANDLER = L.field("sa_handler"), FLAGS = L.field("sa_flags"),
            RESTORER = L.field("sa_restorer"), MASK = L.field("sa_mask");
    private static final long SA_RESTORER = 0x04000000L;

    static Value decode(Bytes b) {
        long handler = b.u(HANDLER);
        long flags = b.u(FLAGS);
        List<Value.Field> f = new ArrayList<>();
        String h = Xlat.of("sa_handler_values").name(handler);
        f.add(Decode.field("sa_handler", h != null ? new Value.Sym(h, handler) : Decode.ptr(handler)));
        f.add(Decode.field("sa_mask", SigsetDecoder.decode(b.slice(MASK), MASK.size())));
        f.add(Decode.field("sa_flags", Decode.flags("sa_flags", flags, "SA_???")));
        if ((flags & SA_RESTORER) != 0) {
            f.add(Decode.field("sa_restorer", Decode.ptr(b.u(RESTORER))));
        }
        return new Value.Struct(f, false);
    }

    /** NULL, the address (unreadable, or the call failed at exit), or the struct. */
    static Value at(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, L.size());
        return b == null ? Decode.ptr(addr) : decode(b);
    }
}

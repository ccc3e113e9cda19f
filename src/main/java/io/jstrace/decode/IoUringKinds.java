package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * io_uring_setup, io_uring_enter and io_uring_register as strace's io_uring.c decodes them;
 * io_uring_register's argument, which depends on the opcode, is {@link IoUringRegister}'s.
 */
final class IoUringKinds implements KindFamily {
    private static final Layout PARAMS = Layout.of("io_uring_params");
    private static final Layout.Field FLAGS = PARAMS.field("flags"), SQ_THREAD_CPU = PARAMS.field("sq_thread_cpu"),
            SQ_THREAD_IDLE = PARAMS.field("sq_thread_idle"), WQ_FD = PARAMS.field("wq_fd"), RESV = PARAMS.field("resv"),
            SQ_ENTRIES = PARAMS.field("sq_entries"), CQ_ENTRIES = PARAMS.field("cq_entries"),
            FEATURES = PARAMS.field("features");
    private static final String[] SQ_OFF = {"head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array"};
    private static final String[] CQ_OFF = {"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags"};
    private static final long IORING_SETUP_ATTACH_WQ = 0x20;

    @Override
    public void register(Kinds k) {
        // The params the call was given, and what the kernel wrote back when it succeeded; read at
        // exit, where the fields the call was given are still as they were.
        k.arg("uring_params", ArgKind.atExit((c, i) -> params(c, c.arg(i))));
        k.arg("uring_register_op", (c, i) -> Decode.sym("uring_register_opcodes", c.arg(i) & 0xffffffffL,
                Value.Radix.HEX, "IORING_REGISTER_???"));
        k.arg("uring_register_arg", ArgKind.atEntryAndExit(IoUringRegister::argument));
    }

    private static Value params(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, PARAMS.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long flags = b.u(FLAGS);
        List<Value.Field> f = new ArrayList<>();
        f.add(field("flags", Decode.flags("uring_setup_flags", flags, "IORING_SETUP_???")));
        f.add(field("sq_thread_cpu", Value.Num.hex(b.u(SQ_THREAD_CPU))));
        f.add(field("sq_thread_idle", Value.Num.udec(b.u(SQ_THREAD_IDLE))));
        if ((flags & IORING_SETUP_ATTACH_WQ) != 0) {
            f.add(field("wq_fd", Decode.fd(c, (int) b.s(WQ_FD))));
        }
        if (!zero(b, RESV)) {
            f.add(field("resv", xints(b, RESV, 4)));
        }
        if (!c.failed()) {
            f.add(field("sq_entries", Value.Num.udec(b.u(SQ_ENTRIES))));
            f.add(field("cq_entries", Value.Num.udec(b.u(CQ_ENTRIES))));
            f.add(field("features", Decode.flags("uring_setup_features", b.u(FEATURES), "IORING_FEAT_???")));
            f.add(field("sq_off", offsets(b, "sq_off", SQ_OFF)));
            f.add(field("cq_off", offsets(b, "cq_off", CQ_OFF)));
        }
        return new Value.Struct(f, false);
    }

    /** struct io_sqring_offsets or io_cqring_offsets: the named fields, then resv1 and resv2 when set. */
    private static Value offsets(Bytes b, String prefix, String[] names) {
        List<Value.Field> f = new ArrayList<>();
        for (String n : names) {
            f.add(field(n, Value.Num.udec(b.u(PARAMS.field(prefix + "." + n)))));
        }
        for (String r : new String[] {"resv1", "resv2"}) {
            long v = b.u(PARAMS.field(prefix + "." + r));
            if (v != 0) {
                f.add(field(r, Value.Num.hex(v)));
            }
        }
        return new Value.Struct(f, false);
    }

    /** Whether a field (a reserved array) is all zero bytes. */
    static boolean zero(Bytes b, Layout.Field f) {
        for (int i = 0; i < f.size(); i++) {
            if (b.u8(f.offset() + i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A field that is an array of {@code size}-byte numbers, in hex (strace's print_xint_array_member). */
    static Value xints(Bytes b, Layout.Field f, int size) {
        List<Value> items = new ArrayList<>();
        Bytes a = b.slice(f);
        for (int off = 0; off < f.size(); off += size) {
            items.add(Value.Num.hex(size == 8 ? a.s64(off) : a.u32(off)));
        }
        return new Value.Arr(items, false);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * io_uring_register's argument by opcode, as strace prints it. It is read at entry; the two
 * opcodes whose argument the kernel writes back (IORING_REGISTER_PROBE, and
 * IORING_REGISTER_IOWQ_MAX_WORKERS) add {@code => } and what it became at exit.
 */
final class IoUringRegister {
    private IoUringRegister() {}

    private static final int REGISTER_BUFFERS = 0, REGISTER_FILES = 2, REGISTER_EVENTFD = 4,
            REGISTER_FILES_UPDATE = 6, REGISTER_EVENTFD_ASYNC = 7, REGISTER_PROBE = 8, REGISTER_RESTRICTIONS = 11,
            REGISTER_FILES2 = 13, REGISTER_FILES_UPDATE2 = 14, REGISTER_BUFFERS2 = 15, REGISTER_BUFFERS_UPDATE = 16,
            REGISTER_IOWQ_AFF = 17, REGISTER_IOWQ_MAX_WORKERS = 19, REGISTER_RING_FDS = 20,
            UNREGISTER_RING_FDS = 21, REGISTER_PBUF_RING = 22, UNREGISTER_PBUF_RING = 23;
    private static final int RESTRICTION_REGISTER_OP = 0, RESTRICTION_SQE_OP = 1, RESTRICTION_SQE_FLAGS_ALLOWED = 2,
            RESTRICTION_SQE_FLAGS_REQUIRED = 3;

    private static final Layout FILES_UPDATE = Layout.of("io_uring_files_update"), PROBE = Layout.of("io_uring_probe"),
            PROBE_OP = Layout.of("io_uring_probe_op"), RESTRICTION = Layout.of("io_uring_restriction"),
            RSRC_REGISTER = Layout.of("io_uring_rsrc_register"), RSRC_UPDATE2 = Layout.of("io_uring_rsrc_update2"),
            RSRC_UPDATE = Layout.of("io_uring_rsrc_update"), BUF_REG = Layout.of("io_uring_buf_reg");
    private static final int INT = 4, U64 = 8;
    /** The most probe ops strace reads (the kernel's own limit). */
    private static final int PROBE_MAX_OPS = 256;
    /** The cpuset size strace's get_cpuset_size finds on Linux: 128 bytes. */
    private static final int CPUSET_MAX = 128;
    private static final long PAGE = 4096;

    /** What the entry showed, kept for the exit: the value, and whether a changed value may follow. */
    private record Entry(Value value, boolean continues) {}

    /** The argument: at entry as given, at exit the same or {@code before => after}. */
    static Value argument(Call c, int i) {
        int op = c.intArg(1);
        long addr = c.arg(i), nargs = c.arg(3) & 0xffffffffL;
        if (!c.exited()) {
            Entry e = switch (op) {
                case REGISTER_PROBE -> probeAtEntry(c, addr, nargs);
                case REGISTER_IOWQ_MAX_WORKERS -> {
                    Value v = maxWorkers(c, addr, nargs);
                    yield new Entry(v, complete(v, nargs));
                }
                default -> new Entry(atEntry(c, op, addr, nargs), false);
            };
            c.saved[i] = e;
            return e.value();
        }
        Entry e = (Entry) c.saved[i];
        if (e == null) {
            return null; // not seen at entry (attached in the middle of it)
        }
        return switch (op) {
            case REGISTER_PROBE -> probeAtExit(c, addr, nargs, e);
            case REGISTER_IOWQ_MAX_WORKERS -> e.continues()
                    ? new Value.Changed(e.value(), maxWorkers(c, addr, nargs)) : e.value();
            default -> e.value();
        };
    }

    private static Value atEntry(Call c, int op, long addr, long nargs) {
        return switch (op) {
            case REGISTER_BUFFERS -> IovDecoder.iov(c, addr, nargs, IovDecoder.Mode.ADDR, IovDecoder.UNLIMITED);
            case REGISTER_FILES, REGISTER_EVENTFD, REGISTER_EVENTFD_ASYNC -> fds(c, addr, nargs, false);
            case REGISTER_FILES_UPDATE -> filesUpdate(c, addr, nargs);
            case REGISTER_RESTRICTIONS -> IoArrays.array(c, addr, nargs, RESTRICTION.size(), IoUringRegister::restriction);
            case REGISTER_FILES2, REGISTER_BUFFERS2 -> rsrcRegister(c, addr, nargs, op);
            case REGISTER_FILES_UPDATE2, REGISTER_BUFFERS_UPDATE -> rsrcUpdate(c, addr, nargs, op);
            case REGISTER_IOWQ_AFF -> affinityList(c, addr, nargs);
            case REGISTER_RING_FDS -> IoArrays.array(c, addr, nargs, RSRC_UPDATE.size(), b -> ringFd(c, b, true));
            case UNREGISTER_RING_FDS -> IoArrays.array(c, addr, nargs, RSRC_UPDATE.size(), b -> ringFd(c, b, false));
            case REGISTER_PBUF_RING, UNREGISTER_PBUF_RING -> bufReg(c, addr);
            default -> Decode.ptr(addr);
        };
    }

    /** An int array of fds; in the update calls, -2 and below by name (IORING_REGISTER_FILES_SKIP) or in decimal. */
    private static Value fds(Call c, long addr, long n, boolean update) {
        return IoArrays.array(c, addr, n, INT, b -> {
            int fd = b.s32(0);
            return update && fd < -1 ? Decode.sym("uring_files_update_fds", fd, Value.Radix.DEC, null) : Decode.fd(c, fd);
        });
    }

    private static Value filesUpdate(Call c, long addr, long nargs) {
        Bytes b = Decode.struct(c, addr, FILES_UPDATE.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(field("offset", Value.Num.udec(b.u(FILES_UPDATE.field("offset")))));
        hexIfSet(f, b, FILES_UPDATE, "resv");
        f.add(field("fds", fds(c, b.u(FILES_UPDATE.field("fds")), nargs, true)));
        return new Value.Struct(f, false);
    }

    private static void hexIfSet(List<Value.Field> f, Bytes b, Layout l, String name) {
        long v = b.u(l.field(name));
        if (v != 0) {
            f.add(field(name, Value.Num.hex(v)));
        }
    }

    /** PROBE at entry: nothing when the probe is all zeros (as the kernel wants it), else what it holds. */
    private static Entry probeAtEntry(Call c, long addr, long nargs) {
        if (nargs > PROBE_MAX_OPS) {
            return new Entry(Decode.ptr(addr), false);
        }
        Bytes b = Decode.struct(c, addr, probeSize(nargs));
        if (b == null) {
            return new Entry(Decode.ptr(addr), false);
        }
        boolean zero = true;
        for (byte x : b.b()) {
            zero &= x == 0;
        }
        return zero ? new Entry(null, true) : new Entry(probe(c, b, nargs, nargs, false), true);
    }

    private static Value probeAtExit(Call c, long addr, long nargs, Entry e) {
        if (!e.continues()) {
            return e.value();
        }
        Value after;
        if (c.failed()) {
            if (e.value() != null) {
                return e.value();
            }
            after = Decode.ptr(addr);
        } else {
            Bytes b = Decode.struct(c, addr, probeSize(nargs));
            long opsLen = b == null ? 0 : b.u(PROBE.field("ops_len"));
            after = b == null ? Decode.ptr(addr) : probe(c, b, Math.min(opsLen, nargs), nargs, nargs < opsLen);
        }
        return e.value() == null ? after : new Value.Changed(e.value(), after);
    }

    private static int probeSize(long nargs) {
        return PROBE.size() + PROBE_OP.size() * (int) nargs;
    }

    /** struct io_uring_probe and its first {@code shown} ops ({@code ...} when {@code cut}). */
    private static Value probe(Call c, Bytes b, long shown, long nargs, boolean cut) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("last_op", Decode.sym("uring_ops", b.u(PROBE.field("last_op")), Value.Radix.UDEC, "IORING_OP_???", true)));
        f.add(field("ops_len", Value.Num.udec(b.u(PROBE.field("ops_len")))));
        hexIfSet(f, b, PROBE, "resv");
        Layout.Field resv2 = PROBE.field("resv2");
        if (!IoUringKinds.zero(b, resv2)) {
            f.add(field("resv2", IoUringKinds.xints(b, resv2, INT)));
        }
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        List<Value> ops = new ArrayList<>();
        boolean more = cut;
        for (int k = 0; k < shown; k++) {
            if (k >= limit) {
                more = true;
                break;
            }
            Bytes op = b.slice(PROBE.size() + k * PROBE_OP.size(), PROBE_OP.size());
            List<Value.Field> of = new ArrayList<>();
            of.add(field("op", Decode.sym("uring_ops", op.u(PROBE_OP.field("op")), Value.Radix.UDEC, "IORING_OP_???", true)));
            hexIfSet(of, op, PROBE_OP, "resv");
            of.add(field("flags", Decode.flags("uring_op_flags", op.u(PROBE_OP.field("flags")), "IO_URING_OP_???")));
            hexIfSet(of, op, PROBE_OP, "resv2");
            ops.add(new Value.Struct(of, false));
        }
        f.add(field("ops", new Value.Arr(ops, more)));
        return new Value.Struct(f, false);
    }

    private static Value restriction(Bytes b) {
        Layout l = RESTRICTION;
        long opcode = b.u(l.field("opcode"));
        List<Value.Field> f = new ArrayList<>();
        Value op = Decode.sym("uring_restriction_opcodes", opcode, Value.Radix.HEX, "IORING_RESTRICTION_???");
        long arg = b.u(l.field("register_op"));
        switch ((int) opcode) {
            case RESTRICTION_REGISTER_OP -> {
                f.add(field("opcode", op));
                f.add(field("register_op", Decode.sym("uring_register_opcodes", arg, Value.Radix.HEX, "IORING_REGISTER_???")));
            }
            case RESTRICTION_SQE_OP -> {
                f.add(field("opcode", op));
                f.add(field("sqe_op", Decode.sym("uring_ops", arg, Value.Radix.HEX, "IORING_OP_???")));
            }
            case RESTRICTION_SQE_FLAGS_ALLOWED, RESTRICTION_SQE_FLAGS_REQUIRED -> {
                f.add(field("opcode", op));
                f.add(field("sqe_flags", Decode.flags("uring_sqe_flags", arg, "IOSQE_???")));
            }
            default -> f.add(field("opcode", new Value.Commented(op, "op: " + (arg == 0 ? "0" : "0x" + Long.toHexString(arg)))));
        }
        hexIfSet(f, b, l, "resv");
        if (!IoUringKinds.zero(b, l.field("resv2"))) {
            f.add(field("resv2", IoUringKinds.xints(b, l.field("resv2"), INT)));
        }
        return new Value.Struct(f, false);
    }

    /** The data and tags arrays of the resource calls. */
    private static void rsrc(Call c, List<Value.Field> f, long data, long tags, long nr, int op) {
        f.add(field("data", switch (op) {
            case REGISTER_FILES2 -> fds(c, data, nr, false);
            case REGISTER_FILES_UPDATE2 -> fds(c, data, nr, true);
            default -> IovDecoder.iov(c, data, nr, IovDecoder.Mode.ADDR, IovDecoder.UNLIMITED);
        }));
        f.add(field("tags", IoArrays.array(c, tags, nr, U64, b -> Value.Num.hex(b.s64(0)))));
    }

    /** struct io_uring_rsrc_register of {@code size} bytes (nr_args): the address below its 32. */
    private static Value rsrcRegister(Call c, long addr, long size, int op) {
        Layout l = RSRC_REGISTER;
        Bytes b = size < l.size() ? null : Decode.struct(c, addr, l.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long nr = b.u(l.field("nr"));
        List<Value.Field> f = new ArrayList<>();
        f.add(field("nr", Value.Num.udec(nr)));
        f.add(field("flags", Decode.flags("uring_register_rsrc_flags", b.u(l.field("flags")), "IORING_RSRC_REGISTER_???")));
        hexIfSet(f, b, l, "resv2");
        rsrc(c, f, b.u(l.field("data")), b.u(l.field("tags")), nr, op);
        extra(c, f, addr, l.size(), size);
        return new Value.Struct(f, false);
    }

    /** struct io_uring_rsrc_update2 of {@code size} bytes. */
    private static Value rsrcUpdate(Call c, long addr, long size, int op) {
        Layout l = RSRC_UPDATE2;
        Bytes b = size < l.size() ? null : Decode.struct(c, addr, l.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long nr = b.u(l.field("nr"));
        List<Value.Field> f = new ArrayList<>();
        f.add(field("offset", Value.Num.udec(b.u(l.field("offset")))));
        hexIfSet(f, b, l, "resv");
        rsrc(c, f, b.u(l.field("data")), b.u(l.field("tags")), nr, op);
        f.add(field("nr", Value.Num.udec(nr)));
        hexIfSet(f, b, l, "resv2");
        extra(c, f, addr, l.size(), size);
        return new Value.Struct(f, false);
    }

    private static void extra(Call c, List<Value.Field> f, long addr, int known, long size) {
        Value extra = Decode.extraBytes(c, addr, known, Math.min(size, PAGE));
        if (extra != null) {
            f.add(field(null, extra));
        }
    }

    /** IORING_REGISTER_IOWQ_MAX_WORKERS' counts, indexed by IO_WQ_BOUND and IO_WQ_UNBOUND. */
    private static Value maxWorkers(Call c, long addr, long nargs) {
        int[] index = {0};
        return IoArrays.arrayUnlessFailed(c, addr, nargs, INT, b -> new Value.Indexed(
                Decode.sym("uring_iowq_acct", index[0]++, Value.Radix.UDEC, "IO_WQ_???", true), Value.Num.udec(b.u32(0))));
    }

    /**
     * Whether print_array went to the array's end (all elements, or -s of them and {@code ...}):
     * strace then shows the array again at exit. Not for NULL, no elements, or unreadable ones.
     */
    private static boolean complete(Value v, long n) {
        return v instanceof Value.Arr a && n > 0 && !a.items().isEmpty()
                && !(a.items().getLast() instanceof Value.Commented);
    }

    /** strace's print_affinitylist: the CPUs of a mask of {@code len} bytes (at most 128 read), {@code ...} past them. */
    private static Value affinityList(Call c, long addr, long len) {
        if (addr == 0 || !c.options.structs()) {
            return Decode.ptr(addr);
        }
        if (len == 0) {
            return new Value.BitSet(List.of(), false);
        }
        int read = (int) Math.min(len, CPUSET_MAX);
        int size = (read + 7) & -8;
        Bytes b = Decode.struct(c, addr, read);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value> cpus = new ArrayList<>(((Value.BitSet) ProcessStructs.cpuSet(b)).members());
        if (size < len) {
            cpus.add(Value.ELLIPSIS);
        }
        return new Value.BitSet(cpus, false);
    }

    /** struct io_uring_rsrc_update of RING_FDS (its data an fd) or UNREGISTER_RING_FDS (data unused). */
    private static Value ringFd(Call c, Bytes b, boolean register) {
        Layout l = RSRC_UPDATE;
        long offset = b.u(l.field("offset"));
        List<Value.Field> f = new ArrayList<>();
        f.add(field("offset", register && offset == 0xffffffffL ? Value.Num.dec(-1) : Value.Num.udec(offset)));
        hexIfSet(f, b, l, "resv");
        if (register) {
            f.add(field("data", Decode.fd(c, (int) b.u(l.field("data")))));
        } else {
            hexIfSet(f, b, l, "data");
        }
        return new Value.Struct(f, false);
    }

    private static Value bufReg(Call c, long addr) {
        Layout l = BUF_REG;
        Bytes b = Decode.struct(c, addr, l.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(field("ring_addr", Decode.ptr(b.u(l.field("ring_addr")))));
        f.add(field("ring_entries", Value.Num.udec(b.u(l.field("ring_entries")))));
        f.add(field("bgid", Value.Num.udec(b.u(l.field("bgid")))));
        hexIfSet(f, b, l, "pad");
        if (!IoUringKinds.zero(b, l.field("resv"))) {
            f.add(field("resv", IoUringKinds.xints(b, l.field("resv"), U64)));
        }
        return new Value.Struct(f, false);
    }
}

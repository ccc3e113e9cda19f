package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/** The native AIO calls as strace's aio.c decodes them: io_setup, io_submit's iocbs, io_cancel, io_(p)getevents. */
final class AioKinds implements KindFamily {
    private static final Layout IOCB = Layout.of("iocb"), EVENT = Layout.of("io_event");
    private static final Layout.Field DATA = IOCB.field("aio_data"), KEY = IOCB.field("aio_key"),
            RW_FLAGS = IOCB.field("aio_rw_flags"), OPCODE = IOCB.field("aio_lio_opcode"),
            REQPRIO = IOCB.field("aio_reqprio"), FILDES = IOCB.field("aio_fildes"), BUF = IOCB.field("aio_buf"),
            NBYTES = IOCB.field("aio_nbytes"), OFFSET = IOCB.field("aio_offset"), FLAGS = IOCB.field("aio_flags"),
            RESFD = IOCB.field("aio_resfd");
    private static final int CMD_PREAD = 0, CMD_PWRITE = 1, CMD_POLL = 5, CMD_PREADV = 7, CMD_PWRITEV = 8;
    private static final long IOCB_FLAG_RESFD = 1, IOCB_FLAG_IOPRIO = 2;
    private static final int POINTER = 8;

    @Override
    public void register(Kinds k) {
        k.arg("aio_ctx_out", ArgKind.atExit((c, i) -> Decode.indirect(c, c.arg(i), POINTER, Decode::ptr)));
        k.arg("aio_iocbpp", (c, i) -> c.arg(1) < 0 ? Decode.ptr(c.arg(i))
                : IoArrays.array(c, c.arg(i), c.arg(1), POINTER, b -> {
                    long addr = b.s64(0);
                    Bytes cb = Decode.struct(c, addr, IOCB.size());
                    return cb == null ? Decode.ptr(addr) : iocb(c, cb, true);
                }));
        k.arg("aio_iocb_header", (c, i) -> {
            Bytes cb = Decode.struct(c, c.arg(i), IOCB.size());
            return cb == null ? Decode.ptr(c.arg(i)) : iocb(c, cb, false);
        });
        k.arg("aio_event_out", ArgKind.atExit((c, i) -> {
            Bytes b = Decode.outStruct(c, c.arg(i), EVENT.size());
            return b == null ? Decode.ptr(c.arg(i)) : event(b);
        }));
        k.arg("aio_events_out", ArgKind.atExit((c, i) ->
                IoArrays.arrayUnlessFailed(c, c.arg(i), c.ret(), EVENT.size(), AioKinds::event)));
        // The timeout and the mask were read when the call began: shown whether it failed or not.
        k.arg("aio_timespec", ArgKind.atExit((c, i) -> TimeDecoder.timespecAt(c, c.arg(i))));
        k.arg("aio_sigset", ArgKind.atExit((c, i) -> PollSigmask.kernelSigset(c, c.arg(i))));
    }

    /** struct iocb: the header (all io_cancel shows), then what the operation uses when {@code whole}. */
    private static Value iocb(Call c, Bytes b, boolean whole) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("aio_data", Value.Num.hex(b.u(DATA))));
        if (b.u(KEY) != 0) {
            f.add(field("aio_key", Value.Num.udec(b.u(KEY))));
        }
        if (b.u(RW_FLAGS) != 0) {
            f.add(field("aio_rw_flags", Decode.flags("rwf_flags", b.u(RW_FLAGS), "RWF_???")));
        }
        int op = (int) b.u(OPCODE);
        f.add(field("aio_lio_opcode", Decode.sym("aio_cmds", op, Value.Radix.UDEC, "IOCB_CMD_???", true)));
        long flags = b.u(FLAGS), prio = b.u(REQPRIO);
        if ((flags & IOCB_FLAG_IOPRIO) != 0) {
            f.add(field("aio_reqprio", new Value.Decoded(prio, Value.Radix.HEX, MiscKinds.ioprio(prio), true)));
        } else if (prio != 0) {
            f.add(field("aio_reqprio", Value.Num.dec(b.s(REQPRIO))));
        }
        f.add(field("aio_fildes", Decode.fd(c, (int) b.u(FILDES))));
        if (whole) {
            operation(c, b, op, f);
        }
        return new Value.Struct(f, false);
    }

    private static void operation(Call c, Bytes b, int op, List<Value.Field> f) {
        long buf = b.u(BUF), nbytes = b.u(NBYTES);
        boolean valid = nbytes >= 0; // the kernel takes it as a signed size
        switch (op) {
            case CMD_PREAD, CMD_PWRITE -> {
                f.add(field("aio_buf", op == CMD_PWRITE && valid ? Decode.buffer(c, buf, nbytes) : Value.Num.hex(buf)));
                f.add(field("aio_nbytes", Value.Num.udec(nbytes)));
                f.add(field("aio_offset", Value.Num.dec(b.s(OFFSET))));
                commonFlags(c, b, f);
            }
            case CMD_PREADV, CMD_PWRITEV -> {
                if (valid) {
                    f.add(field("aio_buf", IovDecoder.iov(c, buf, nbytes,
                            op == CMD_PWRITEV ? IovDecoder.Mode.STR : IovDecoder.Mode.ADDR, IovDecoder.UNLIMITED)));
                } else {
                    f.add(field("aio_buf", Value.Num.hex(buf)));
                    f.add(field("aio_nbytes", Value.Num.udec(nbytes)));
                }
                f.add(field("aio_offset", Value.Num.dec(b.s(OFFSET))));
                commonFlags(c, b, f);
            }
            case CMD_POLL -> {
                f.add(field("aio_buf", Decode.flags("poll_events", buf, "POLL???")));
                commonFlags(c, b, f);
            }
            default -> { }
        }
    }

    private static void commonFlags(Call c, Bytes b, List<Value.Field> f) {
        long flags = b.u(FLAGS), resfd = b.u(RESFD);
        if (flags != 0) {
            f.add(field("aio_flags", Decode.flags("aio_iocb_flags", flags, "IOCB_FLAG_???")));
        }
        if ((flags & IOCB_FLAG_RESFD) != 0) {
            f.add(field("aio_resfd", Decode.fd(c, (int) resfd)));
        } else if (resfd != 0) {
            f.add(field("aio_resfd", Value.Num.hex(resfd)));
        }
    }

    private static Value event(Bytes b) {
        return Decode.struct(field("data", Value.Num.hex(b.u(EVENT.field("data")))),
                field("obj", Value.Num.hex(b.u(EVENT.field("obj")))),
                field("res", Value.Num.dec(b.s(EVENT.field("res")))),
                field("res2", Value.Num.dec(b.s(EVENT.field("res2")))));
    }
}

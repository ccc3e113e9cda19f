package io.jstrace.decode.ioctl;

import io.jstrace.decode.Pids;
import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** seccomp user notification requests (type '!'), as strace's seccomp_ioctl.c prints them. */
final class SeccompIoctls {
    private SeccompIoctls() {}

    private static final Layout NOTIF = Layout.of("seccomp_notif"), RESP = Layout.of("seccomp_notif_resp"),
            ADDFD = Layout.of("seccomp_notif_addfd");
    private static final Layout.Field ID = NOTIF.field("id"), PID = NOTIF.field("pid"), FLAGS = NOTIF.field("flags"),
            NR = NOTIF.field("data.nr"), ARCH = NOTIF.field("data.arch"), IP = NOTIF.field("data.instruction_pointer"),
            ARGS = NOTIF.field("data.args");
    private static final Layout.Field RESP_ID = RESP.field("id"), RESP_VAL = RESP.field("val"),
            RESP_ERROR = RESP.field("error"), RESP_FLAGS = RESP.field("flags");
    private static final Layout.Field ADDFD_ID = ADDFD.field("id"), ADDFD_FLAGS = ADDFD.field("flags"),
            SRCFD = ADDFD.field("srcfd"), NEWFD = ADDFD.field("newfd"), NEWFD_FLAGS = ADDFD.field("newfd_flags");

    private static Value notif(Call c, Bytes b) {
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < ARGS.size() / 8; i++) {
            args.add(Value.Num.hex(b.s64(ARGS.offset() + 8 * i)));
        }
        Value data = Decode.struct(field("nr", Decode.syscallNumber(b.u(NR), b.u(ARCH))),
                field("arch", Decode.sym("audit_arch", b.u(ARCH), Value.Radix.HEX, "AUDIT_ARCH_???")),
                field("instruction_pointer", Decode.ptr(b.u(IP))), field("args", new Value.Arr(args, false)));
        return Decode.struct(field("id", Value.Num.hex(b.u(ID))), field("pid", Pids.of(c, (int) b.s(PID), Pids.Type.TGID)),
                field("flags", Value.Num.hex(b.u(FLAGS))), field("data", data));
    }

    /**
     * SECCOMP_IOCTL_NOTIF_RECV: a struct the caller zeroed is only filled in; one with contents
     * shows them at entry and, after {@code =>}, what the call returned (its address on failure).
     */
    private static final IoctlArg RECV = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            Bytes b = Decode.struct(c, arg, NOTIF.size());
            if (b == null) {
                return Decode.ptr(arg);
            }
            for (byte x : b.b()) {
                if (x != 0) {
                    return notif(c, b);
                }
            }
            return null;
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (atEntry instanceof Value.Addr) {
                return atEntry;
            }
            Value now = c.failed() ? Decode.ptr(arg) : struct(NOTIF, b -> notif(c, b)).read(c, arg);
            return atEntry == null ? now : new Value.Changed(atEntry, now);
        }
    };

    private static Value resp(Bytes b) {
        long error = b.s(RESP_ERROR);
        return Decode.struct(field("id", Value.Num.hex(b.u(RESP_ID))), field("val", Value.Num.dec(b.s(RESP_VAL))),
                field("error", Decode.negatedErrno(error)),
                field("flags", Decode.flags("seccomp_ioctl_resp_flags", b.u(RESP_FLAGS), "SECCOMP_USER_NOTIF_FLAG_???")));
    }

    private static Value addfd(Call c, Bytes b) {
        return Decode.struct(field("id", Value.Num.hex(b.u(ADDFD_ID))),
                field("flags", Decode.flags("seccomp_ioctl_addfd_flags", b.u(ADDFD_FLAGS), "SECCOMP_ADDFD_FLAG_???")),
                field("srcfd", Decode.fd(c, (int) b.s(SRCFD))), field("newfd", Value.Num.dec(b.s(NEWFD))),
                field("newfd_flags", Decode.flags("open_mode_flags", b.u(NEWFD_FLAGS), "O_???")));
    }

    private static final RequestMap MAP = new RequestMap()
            .put(RECV, "SECCOMP_IOCTL_NOTIF_RECV")
            .put(in(struct(RESP, SeccompIoctls::resp)), "SECCOMP_IOCTL_NOTIF_SEND")
            .put(in(IoctlArg.longBox(Value.Num::hex)), "SECCOMP_IOCTL_NOTIF_ID_VALID")
            .put(IoctlRequest.SECCOMP_ID_VALID_WRONG_DIR, in(IoctlArg.longBox(Value.Num::hex)))
            .put(in((c, addr) -> struct(ADDFD, b -> addfd(c, b)).read(c, addr)), "SECCOMP_IOCTL_NOTIF_ADDFD");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

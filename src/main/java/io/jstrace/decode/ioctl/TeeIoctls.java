package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.inOut;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** Trusted Execution Environment requests (type 0xa4), as strace's tee.c prints them. */
final class TeeIoctls {
    private TeeIoctls() {}

    private static final Layout VERSION = Layout.of("tee_ioctl_version_data"), ALLOC = Layout.of("tee_ioctl_shm_alloc_data"),
            BUF = Layout.of("tee_ioctl_buf_data"), OPEN = Layout.of("tee_ioctl_open_session_arg"),
            INVOKE = Layout.of("tee_ioctl_invoke_arg"), RECV = Layout.of("tee_iocl_supp_recv_arg"),
            SEND = Layout.of("tee_iocl_supp_send_arg"), PARAM = Layout.of("tee_ioctl_param"),
            CANCEL = Layout.of("tee_ioctl_cancel_arg"), CLOSE = Layout.of("tee_ioctl_close_session_arg"),
            REGISTER = Layout.of("tee_ioctl_shm_register_data"), REGISTER_FD = Layout.of("tee_ioctl_shm_register_fd_data");
    private static final Layout.Field BUF_PTR = BUF.field("buf_ptr"), BUF_LEN = BUF.field("buf_len");
    private static final Layout.Field ATTR = PARAM.field("attr"), A = PARAM.field("a"), B = PARAM.field("b"),
            C = PARAM.field("c");
    private static final long MAX_ARG_SIZE = 1024, ATTR_META = 0x100, IMPL_ID_OPTEE = 1;
    private static final long MEMREF_INPUT = 5, MEMREF_OUTPUT = 6, MEMREF_INOUT = 7;
    private static final long LOGIN_GROUP = 2, LOGIN_GROUP_APPLICATION = 6;
    /** TEE_IOC_SHM_REGISTER_FD: OP-TEE kernels' request, in no uapi header (_IOWR(0xa4, 8, 32 bytes)). */
    private static final long SHM_REGISTER_FD = 0xc020a408L;

    private static Value.Field u(Bytes b, Layout l, String name) {
        return field(name, Value.Num.udec(b.u(l.field(name))));
    }

    private static Value.Field x(Bytes b, Layout l, String name) {
        return field(name, Value.Num.hex(b.u(l.field(name))));
    }

    private static Value.Field d(Bytes b, Layout l, String name) {
        return field(name, Value.Num.dec(b.s(l.field(name))));
    }

    private static Value.Field shmFlags(Bytes b, Layout l) {
        return field("flags", Decode.flags("tee_ioctl_shm_flags", b.u(l.field("flags")), "TEE_IOCTL_SHM_???"));
    }

    private static Value.Field origin(Bytes b, Layout l) {
        return field("ret_origin", Decode.sym("tee_ioctl_origins", b.u(l.field("ret_origin")), Value.Radix.HEX,
                "TEEC_ORIGIN_???"));
    }

    private static Value version(Bytes b) {
        long impl = b.u(VERSION.field("impl_id"));
        long caps = b.u(VERSION.field("impl_caps"));
        return Decode.struct(field("impl_id", Decode.sym("tee_ioctl_impl_ids", impl, Value.Radix.HEX, "TEE_IMPL_ID_???")),
                field("gen_caps", Decode.flags("tee_ioctl_gen_caps", b.u(VERSION.field("gen_caps")), "TEE_GEN_CAP_???")),
                field("impl_caps", impl == IMPL_ID_OPTEE
                        ? Decode.flags("tee_ioctl_optee_caps", caps, "TEE_OPTEE_CAP_???") : Value.Num.hex(caps)));
    }

    /** One parameter: its type (the meta bit apart), then its memory reference or its three values. */
    private static Value param(Bytes p) {
        long attr = p.u(ATTR);
        Value type = Decode.sym("tee_ioctl_param_attr_types", attr & ~ATTR_META, Value.Radix.HEX, "TEE_IOCTL_PARAM_ATTR_");
        List<Value.Field> f = new ArrayList<>(List.of(field("attr", (attr & ATTR_META) != 0
                ? new Value.Or(type, new Value.Name("TEE_IOCTL_PARAM_ATTR_META")) : type)));
        if (attr == MEMREF_INPUT || attr == MEMREF_OUTPUT || attr == MEMREF_INOUT) {
            f.addAll(List.of(field("shm_offs", Value.Num.hex(p.u(A))), field("size", Value.Num.hex(p.u(B))),
                    field("shm_id", Value.Num.udec(p.u(C)))));
        } else if (attr != 0) {
            f.addAll(List.of(field("a", Value.Num.hex(p.u(A))), field("b", Value.Num.hex(p.u(B))),
                    field("c", Value.Num.hex(p.u(C)))));
        }
        return new Value.Struct(f, false);
    }

    /** One of the calls whose argument points to a buffer: a struct of {@code layout}, then its params. */
    private record BufferCall(Layout layout, IoctlArg.Members in, IoctlArg.Members out) {}

    /** The buffer's body and where its params start; or, when it cannot be shown, what strace shows instead. */
    private record Fetched(long len, Bytes body, long params, Value instead) {}

    /** strace's tee_fetch_buf_data: the buffer descriptor, then the body it points to if its length fits. */
    private static Fetched fetch(Call c, long arg, Layout layout, boolean entering) {
        Bytes buf = Decode.struct(c, arg, BUF.size());
        if (buf == null) {
            return new Fetched(0, null, 0, Decode.ptr(arg));
        }
        long len = buf.u(BUF_LEN), ptr = buf.u(BUF_PTR);
        Value plain = Decode.struct(field("buf_len", Value.Num.udec(len)), field("buf_ptr", Decode.ptr(ptr)));
        if (Long.compareUnsigned(len, MAX_ARG_SIZE) > 0 || len < layout.size()) {
            return new Fetched(len, null, 0, plain);
        }
        Bytes body = Decode.struct(c, ptr, layout.size());
        long n = body == null ? 0 : body.u(layout.field("num_params"));
        // At entry the kernel rejects a length that does not hold the params; at exit it may have
        // changed num_params (TEE_IOC_SUPPL_RECV) but not the length.
        if (body == null || entering && layout.size() + n * PARAM.size() != len) {
            return new Fetched(len, null, 0, plain);
        }
        return new Fetched(len, body, n == 0 ? 0 : ptr + layout.size(), null);
    }

    private static Value.Struct withParams(Call c, Fetched f, Layout layout, List<Value.Field> head) {
        List<Value.Field> all = new ArrayList<>(head);
        all.add(field("params", IoArrays.array(c, f.params(), f.body().u(layout.field("num_params")), PARAM.size(),
                TeeIoctls::param)));
        return new Value.Struct(all, false);
    }

    /** {buf_len, buf_ptr={what the call is given}} at entry; {@code => {what it returns}} inside buf_ptr at exit. */
    private static IoctlArg buffer(BufferCall call) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                Fetched f = fetch(c, arg, call.layout(), true);
                if (f.instead() != null) {
                    return f.instead();
                }
                return Decode.struct(field("buf_len", Value.Num.udec(f.len())),
                        field("buf_ptr", withParams(c, f, call.layout(), call.in().apply(c, f.body()))));
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                if (c.failed() || !(atEntry instanceof Value.Struct s)
                        || !(s.fields().getLast().value() instanceof Value.Struct given)) {
                    return atEntry;
                }
                Fetched f = fetch(c, arg, call.layout(), false);
                Value now = f.instead() != null ? f.instead()
                        : withParams(c, f, call.layout(), call.out().apply(c, f.body()));
                return Decode.struct(s.fields().getFirst(), field("buf_ptr", new Value.Changed(given, now)));
            }
        };
    }

    private static final BufferCall OPEN_SESSION = new BufferCall(OPEN, (c, b) -> {
        List<Value.Field> f = new ArrayList<>(List.of(field("uuid", BtrfsValues.uuid(b, OPEN.field("uuid")))));
        long login = b.u(OPEN.field("clnt_login"));
        f.add(field("clnt_login", Decode.sym("tee_ioctl_login_types", login, Value.Radix.HEX, "TEE_IOCTL_LOGIN_???")));
        // clnt_uuid carries the group to log in as, not a UUID.
        if (login == LOGIN_GROUP || login == LOGIN_GROUP_APPLICATION) {
            f.add(field("clnt_uuid", Decode.uid(b.u32(OPEN.field("clnt_uuid").offset()))));
        } else if (Xlat.of("tee_ioctl_login_types").name(login) == null) {
            f.add(field("clnt_uuid", StructFields.xints(c, b, OPEN.field("clnt_uuid"), 1, -1)));
        }
        f.add(u(b, OPEN, "cancel_id"));
        f.add(u(b, OPEN, "num_params"));
        return f;
    }, (c, b) -> List.of(x(b, OPEN, "session"), u(b, OPEN, "ret"), origin(b, OPEN)));

    private static final BufferCall INVOKE_CALL = new BufferCall(INVOKE,
            (c, b) -> List.of(u(b, INVOKE, "func"), x(b, INVOKE, "session"), u(b, INVOKE, "cancel_id"), u(b, INVOKE, "num_params")),
            (c, b) -> List.of(u(b, INVOKE, "ret"), origin(b, INVOKE)));

    private static final BufferCall SUPPL_RECV = new BufferCall(RECV,
            (c, b) -> List.of(u(b, RECV, "func"), u(b, RECV, "num_params")), (c, b) -> List.of(u(b, RECV, "num_params")));

    private static final BufferCall SUPPL_SEND = new BufferCall(SEND,
            (c, b) -> List.of(u(b, SEND, "num_params")), (c, b) -> List.of(u(b, SEND, "ret")));

    private static final RequestMap MAP = new RequestMap()
            .put(out(struct(VERSION, TeeIoctls::version)), "TEE_IOC_VERSION")
            .put(buffer(OPEN_SESSION), "TEE_IOC_OPEN_SESSION")
            .put(buffer(INVOKE_CALL), "TEE_IOC_INVOKE")
            .put(buffer(SUPPL_RECV), "TEE_IOC_SUPPL_RECV")
            .put(buffer(SUPPL_SEND), "TEE_IOC_SUPPL_SEND")
            .put(in(struct(CANCEL, b -> Decode.struct(u(b, CANCEL, "cancel_id"), x(b, CANCEL, "session")))), "TEE_IOC_CANCEL")
            .put(in(struct(CLOSE, b -> Decode.struct(x(b, CLOSE, "session")))), "TEE_IOC_CLOSE_SESSION")
            .put(inOut(struct(ALLOC, b -> Decode.struct(x(b, ALLOC, "size"), shmFlags(b, ALLOC))),
                    struct(ALLOC, b -> Decode.struct(x(b, ALLOC, "size"), shmFlags(b, ALLOC), d(b, ALLOC, "id")))),
                    "TEE_IOC_SHM_ALLOC")
            .put(inOut(struct(REGISTER, b -> Decode.struct(field("addr", Decode.ptr(b.u(REGISTER.field("addr")))),
                            x(b, REGISTER, "length"), shmFlags(b, REGISTER))),
                    struct(REGISTER, b -> Decode.struct(x(b, REGISTER, "length"), shmFlags(b, REGISTER), d(b, REGISTER, "id")))),
                    "TEE_IOC_SHM_REGISTER")
            .put(SHM_REGISTER_FD, inOut(IoctlArg.structWith(REGISTER_FD, (c, b) -> Decode.struct(
                            field("fd", Decode.fd(c, (int) b.s(REGISTER_FD.field("fd")))), shmFlags(b, REGISTER_FD))),
                    struct(REGISTER_FD, b -> Decode.struct(x(b, REGISTER_FD, "size"), d(b, REGISTER_FD, "id")))));

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

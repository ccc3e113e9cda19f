package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IovDecoder;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * SG_IO, as strace's scsi.c, sg_io_v3.c and sg_io_v4.c print it: the first word says which
 * header follows ('S': struct sg_io_hdr, 'Q': struct sg_io_v4). The request is shown at entry
 * and the response is added inside the same braces at exit, whether or not the call failed.
 */
final class SgIo {
    private SgIo() {}

    private static final Layout V3 = Layout.of("sg_io_hdr"), V4 = Layout.of("sg_io_v4");
    private static final int INTERFACE_S = 'S', GUARD_Q = 'Q';
    private static final long SG_DXFER_TO_DEV = 0xfffffffeL, SG_DXFER_FROM_DEV = 0xfffffffdL,
            SG_DXFER_TO_FROM_DEV = 0xfffffffcL;

    private static Layout.Field v3(String name) {
        return V3.field(name);
    }

    private static Layout.Field v4(String name) {
        return V4.field(name);
    }

    /** A data buffer: an iovec list of {@code count} entries when count is not 0, else bytes in hex. */
    private static Value buffer(Call c, long addr, long size, long count) {
        return count != 0 ? IovDecoder.strings(c, addr, count, size) : Decode.printstr(c, addr, size, true);
    }

    private static Value u(Bytes b, Layout.Field f) {
        return Value.Num.udec(b.u(f));
    }

    private static Value x(Bytes b, Layout.Field f) {
        return Value.Num.hex(b.u(f));
    }

    /** The request at entry: the header as far as it can be read after its first word. */
    static Value entry(Call c, long arg) {
        Bytes iid = Decode.struct(c, arg, 4);
        if (iid == null) {
            return Decode.ptr(arg);
        }
        int id = iid.s32(0);
        Layout l = id == INTERFACE_S ? V3 : id == GUARD_Q ? V4 : null;
        if (l == null) {
            return new Value.Arr(List.of(Value.Num.udec(id & 0xffffffffL)), false);
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(field(id == INTERFACE_S ? "interface_id" : "guard", new Value.Char(id, false)));
        // strace reads the rest apart from the first word: when it cannot, it shows where it is.
        int skip = 4;
        Bytes b = Decode.struct(c, arg + skip, l.size() - skip);
        if (b == null) {
            f.add(field(null, Decode.ptr(arg + skip)));
            return new Value.Struct(f, false);
        }
        Bytes all = Decode.struct(c, arg, l.size());
        f.addAll(id == INTERFACE_S ? requestV3(c, all) : requestV4(c, all));
        return new Value.Struct(f, false);
    }

    private static List<Value.Field> requestV3(Call c, Bytes b) {
        long dir = b.u(v3("dxfer_direction"));
        List<Value.Field> f = new ArrayList<>(List.of(
                field("dxfer_direction", Decode.sym("sg_io_dxfer_direction", dir, Value.Radix.HEX, "SG_DXFER_???")),
                field("cmd_len", u(b, v3("cmd_len"))),
                field("cmdp", buffer(c, b.u(v3("cmdp")), b.u(v3("cmd_len")), 0)),
                field("mx_sb_len", u(b, v3("mx_sb_len"))), field("iovec_count", u(b, v3("iovec_count"))),
                field("dxfer_len", u(b, v3("dxfer_len"))), field("timeout", u(b, v3("timeout"))),
                field("flags", Decode.flags("sg_io_flags", b.u(v3("flags")), "SG_FLAG_???"))));
        if (dir == SG_DXFER_TO_DEV || dir == SG_DXFER_TO_FROM_DEV) {
            f.add(field("dxferp", buffer(c, b.u(v3("dxferp")), b.u(v3("dxfer_len")), b.u(v3("iovec_count")))));
        }
        return f;
    }

    private static List<Value.Field> requestV4(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(
                field("protocol", Decode.sym("bsg_protocol", b.u(v4("protocol")), Value.Radix.HEX, "BSG_PROTOCOL_???")),
                field("subprotocol", Decode.sym("bsg_subprotocol", b.u(v4("subprotocol")), Value.Radix.HEX,
                        "BSG_SUB_PROTOCOL_???")),
                field("request_len", u(b, v4("request_len"))),
                field("request", buffer(c, b.u(v4("request")), b.u(v4("request_len")), 0))));
        f.add(field("request_tag", x(b, v4("request_tag"))));
        for (String n : List.of("request_attr", "request_priority", "request_extra", "max_response_len",
                "dout_iovec_count", "dout_xfer_len", "din_iovec_count", "din_xfer_len")) {
            f.add(field(n, u(b, v4(n))));
        }
        f.add(field("dout_xferp", buffer(c, b.u(v4("dout_xferp")), b.u(v4("dout_xfer_len")), b.u(v4("dout_iovec_count")))));
        f.add(field("timeout", u(b, v4("timeout"))));
        f.add(field("flags", Decode.flags("bsg_flags", b.u(v4("flags")), "BSG_FLAG_???")));
        f.add(field("usr_ptr", x(b, v4("usr_ptr"))));
        return f;
    }

    /** The response at exit, added to a request that was read in full; the request alone otherwise. */
    static Value exit(Call c, long arg, Value atEntry) {
        if (!(atEntry instanceof Value.Struct s) || s.fields().size() <= 2) {
            return atEntry;
        }
        boolean v3 = "interface_id".equals(s.fields().getFirst().name());
        Layout l = v3 ? V3 : V4;
        Bytes b = Decode.struct(c, arg, l.size());
        List<Value.Field> f = new ArrayList<>(s.fields());
        // The header gone by exit (unmapped meanwhile): strace then shows pointers it kept from entry,
        // which this decoder does not keep; it shows the request alone.
        if (b == null) {
            return atEntry;
        }
        int expected = v3 ? INTERFACE_S : GUARD_Q;
        if (b.s32(0) != expected) {
            Value.Field last = f.removeLast();
            f.add(field(last.name(), new Value.Changed(last.value(),
                    field(v3 ? "interface_id" : "guard", Value.Num.udec(b.u32(0))))));
            return new Value.Struct(f, false);
        }
        if (v3) {
            responseV3(c, b, f);
        } else {
            responseV4(c, b, f);
        }
        return new Value.Struct(f, false);
    }

    /** The length of the data that came in: less what the device did not transfer, when that makes sense. */
    private static long dataIn(long len, long resid) {
        return resid > 0 && resid <= len ? len - resid : len;
    }

    private static void responseV3(Call c, Bytes b, List<Value.Field> f) {
        long dir = b.u(v3("dxfer_direction"));
        if (dir == SG_DXFER_FROM_DEV || dir == SG_DXFER_TO_FROM_DEV) {
            long in = dataIn(b.u(v3("dxfer_len")), b.s(v3("resid")));
            Value data = buffer(c, b.u(v3("dxferp")), in, b.u(v3("iovec_count")));
            if (dir == SG_DXFER_FROM_DEV) {
                f.add(field("dxferp", data));
            } else if (in != 0) {
                Value.Field out = f.removeLast();
                f.add(field(out.name(), new Value.Changed(out.value(), field("dxferp", data))));
            }
        }
        f.add(field("status", x(b, v3("status"))));
        f.add(field("masked_status", x(b, v3("masked_status"))));
        f.add(field("msg_status", x(b, v3("msg_status"))));
        f.add(field("sb_len_wr", u(b, v3("sb_len_wr"))));
        f.add(field("sbp", buffer(c, b.u(v3("sbp")), b.u(v3("sb_len_wr")), 0)));
        f.add(field("host_status", x(b, v3("host_status"))));
        f.add(field("driver_status", x(b, v3("driver_status"))));
        f.add(field("resid", Value.Num.dec(b.s(v3("resid")))));
        f.add(field("duration", u(b, v3("duration"))));
        f.add(field("info", Decode.flags("sg_io_info", b.u(v3("info")), "SG_INFO_???")));
    }

    private static void responseV4(Call c, Bytes b, List<Value.Field> f) {
        f.add(field("response_len", u(b, v4("response_len"))));
        f.add(field("response", buffer(c, b.u(v4("response")), b.u(v4("response_len")), 0)));
        long in = dataIn(b.u(v4("din_xfer_len")), b.s(v4("din_resid")));
        f.add(field("din_xferp", buffer(c, b.u(v4("din_xferp")), in, b.u(v4("din_iovec_count")))));
        f.add(field("driver_status", x(b, v4("driver_status"))));
        f.add(field("transport_status", x(b, v4("transport_status"))));
        f.add(field("device_status", x(b, v4("device_status"))));
        f.add(field("retry_delay", u(b, v4("retry_delay"))));
        f.add(field("info", Decode.flags("sg_io_info", b.u(v4("info")), "SG_INFO_???")));
        f.add(field("duration", u(b, v4("duration"))));
        f.add(field("response_len", u(b, v4("response_len"))));
        f.add(field("din_resid", Value.Num.dec(b.s(v4("din_resid")))));
        f.add(field("dout_resid", Value.Num.dec(b.s(v4("dout_resid")))));
        f.add(field("generated_tag", x(b, v4("generated_tag"))));
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** SCSI generic requests (type 0x22), as strace's scsi.c prints them; SG_IO is {@link SgIo}. */
final class ScsiIoctls {
    private ScsiIoctls() {}

    private static final Layout ID = Layout.of("sg_scsi_id"), REQ = Layout.of("sg_req_info");
    private static final long RESET_NO_ESCALATE = 0x100;

    private static Value scsiId(Bytes b) {
        return Decode.struct(field("host_no", Value.Num.dec(b.s(ID.field("host_no")))),
                field("channel", Value.Num.dec(b.s(ID.field("channel")))),
                field("scsi_id", Value.Num.hex(b.u(ID.field("scsi_id")))), field("lun", Value.Num.dec(b.s(ID.field("lun")))),
                field("scsi_type", Value.Num.hex(b.u(ID.field("scsi_type")))),
                field("h_cmd_per_lun", Value.Num.dec(b.s(ID.field("h_cmd_per_lun")))),
                field("d_queue_depth", Value.Num.dec(b.s(ID.field("d_queue_depth")))));
    }

    private static Value reqInfo(Bytes b) {
        return Decode.struct(field("req_state", Value.Num.dec(b.s(REQ.field("req_state")))),
                field("orphan", Value.Num.dec(b.s(REQ.field("orphan")))),
                field("sg_io_owned", Value.Num.dec(b.s(REQ.field("sg_io_owned")))),
                field("problem", Value.Num.dec(b.s(REQ.field("problem")))),
                field("pack_id", Value.Num.dec(b.s(REQ.field("pack_id")))),
                field("usr_ptr", Decode.ptr(b.u(REQ.field("usr_ptr")))),
                field("duration", Value.Num.udec(b.u(REQ.field("duration")))));
    }

    /** SG_SCSI_RESET's word: the no-escalate bit by name, then the reset kind. */
    private static Value reset(long v) {
        Value kind = Decode.sym("sg_scsi_reset", v & ~RESET_NO_ESCALATE, Value.Radix.HEX, "SG_SCSI_RESET_???");
        if ((v & RESET_NO_ESCALATE) == 0) {
            return kind;
        }
        List<Value> parts = new ArrayList<>(List.of(new Value.Sym("SG_SCSI_RESET_NO_ESCALATE", RESET_NO_ESCALATE), kind));
        return new Value.Or(parts);
    }

    private static final IoctlArg SG_IO = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return SgIo.entry(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            return SgIo.exit(c, arg, atEntry);
        }
    };

    private static final RequestMap MAP = new RequestMap()
            .put(SG_IO, "SG_IO")
            .put(out(struct(ID, ScsiIoctls::scsiId)), "SG_GET_SCSI_ID")
            .put(out(struct(REQ, ScsiIoctls::reqInfo)), "SG_GET_REQUEST_TABLE")
            .put(in(IoctlArg.intBox(v -> reset(v & 0xffffffffL))), "SG_SCSI_RESET")
            .put(in(IoctlArg.INT), "SG_NEXT_CMD_LEN", "SG_SET_COMMAND_Q", "SG_SET_DEBUG", "SG_SET_FORCE_LOW_DMA",
                    "SG_SET_FORCE_PACK_ID", "SG_SET_KEEP_ORPHAN", "SG_SET_RESERVED_SIZE", "SG_SET_TIMEOUT")
            .put(out(IoctlArg.INT), "SG_EMULATED_HOST", "SG_GET_ACCESS_COUNT", "SG_GET_COMMAND_Q", "SG_GET_KEEP_ORPHAN",
                    "SG_GET_LOW_DMA", "SG_GET_NUM_WAITING", "SG_GET_PACK_ID", "SG_GET_RESERVED_SIZE",
                    "SG_GET_SG_TABLESIZE", "SG_GET_TRANSFORM", "SG_GET_VERSION_NUM")
            .put(in((c, arg) -> Value.Num.hex(arg & 0xffffffffL)), "SG_SET_TRANSFORM")
            .put(IoctlArg.NONE, "SG_GET_TIMEOUT");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

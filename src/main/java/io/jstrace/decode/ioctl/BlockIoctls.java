package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.decode.Pids;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** Block device requests (type 0x12), as strace's block.c prints them. */
final class BlockIoctls {
    private BlockIoctls() {}

    private static final Layout BLKPG = Layout.of("blkpg_ioctl_arg"), PART = Layout.of("blkpg_partition"),
            TRACE = Layout.of("blk_user_trace_setup");

    private static Value partition(Call c, long addr) {
        return struct(PART, p -> Decode.struct(field("start", Value.Num.dec(p.s(PART.field("start")))),
                field("length", Value.Num.dec(p.s(PART.field("length")))), field("pno", Value.Num.dec(p.s(PART.field("pno")))),
                field("devname", StructFields.cstring(p, PART.field("devname"))),
                field("volname", StructFields.cstring(p, PART.field("volname"))))).read(c, addr);
    }

    private static Value blkpg(Call c, Bytes b) {
        return Decode.struct(field("op", Decode.sym("blkpg_ops", b.u(BLKPG.field("op")), Value.Radix.HEX, "BLKPG_???")),
                field("flags", Value.Num.dec(b.s(BLKPG.field("flags")))),
                field("datalen", Value.Num.dec(b.s(BLKPG.field("datalen")))),
                field("data", partition(c, b.u(BLKPG.field("data")))));
    }

    /** BLKTRACESETUP: the setup asked for at entry; the name the kernel gave the trace, in the same braces, after success. */
    private static final IoctlArg TRACE_SETUP = IoctlArg.continued(TRACE, (c, b) -> {
        List<Value.Field> f = new ArrayList<>();
        for (String n : List.of("act_mask", "buf_size", "buf_nr", "start_lba", "end_lba")) {
            f.add(field(n, Value.Num.udec(b.u(TRACE.field(n)))));
        }
        f.add(field("pid", Pids.of(c, (int) b.u(TRACE.field("pid")), Pids.Type.TGID)));
        return f;
    }, (c, b) -> List.of(field("name", StructFields.cstring(b, TRACE.field("name")))));

    /** A pair of 64-bit words (printpair_int64): a range's start and length. */
    private static final IoctlArg.Reader U64_PAIR = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, 16);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.udec(b.s64(0)), Value.Num.udec(b.s64(8))), false);
    };

    /** An unsigned short the argument points to (printnum_short). */
    private static final IoctlArg.Reader USHORT = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, 2);
        return b == null ? Decode.ptr(addr) : new Value.Arr(List.of(Value.Num.udec(b.u16(0))), false);
    };

    private static final RequestMap MAP = new RequestMap()
            .put(in((c, arg) -> Value.Num.udec(arg)), "BLKRASET", "BLKFRASET")
            .put(out(USHORT), "BLKSECTGET", "BLKROTATIONAL")
            .put(out(IoctlArg.INT), "BLKROGET", "BLKBSZGET", "BLKSSZGET", "BLKALIGNOFF")
            .put(in(IoctlArg.INT), "BLKROSET", "BLKBSZSET")
            .put(out(IoctlArg.intBox(v -> Value.Num.udec(v & 0xffffffffL))), "BLKPBSZGET", "BLKIOMIN", "BLKIOOPT",
                    "BLKDISCARDZEROES", "BLKGETZONESZ", "BLKGETNRZONES")
            .put(out(IoctlArg.longBox(Value.Num::dec)), "BLKRAGET", "BLKFRAGET")
            .put(out(IoctlArg.longBox(Value.Num::udec)), "BLKGETSIZE", "BLKGETSIZE64", "BLKGETDISKSEQ")
            .put(in(U64_PAIR), "BLKDISCARD", "BLKSECDISCARD", "BLKZEROOUT")
            .put(in(structWith(BLKPG, BlockIoctls::blkpg)), "BLKPG")
            .put(TRACE_SETUP, "BLKTRACESETUP")
            .put(IoctlArg.NONE, "BLKRRPART", "BLKFLSBUF", "BLKTRACESTART", "BLKTRACESTOP", "BLKTRACETEARDOWN");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

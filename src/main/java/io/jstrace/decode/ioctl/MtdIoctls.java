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
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** Memory technology device requests (type 'M', shared with the mixer's), as strace's mtd.c prints them. */
final class MtdIoctls {
    private MtdIoctls() {}

    private static final Layout ERASE = Layout.of("erase_info_user"), ERASE64 = Layout.of("erase_info_user64"),
            OOB = Layout.of("mtd_oob_buf"), OOB64 = Layout.of("mtd_oob_buf64"), OTP = Layout.of("otp_info"),
            WRITE = Layout.of("mtd_write_req"), INFO = Layout.of("mtd_info_user"), OOBINFO = Layout.of("nand_oobinfo"),
            ECCLAYOUT = Layout.of("nand_ecclayout_user"), ECCSTATS = Layout.of("mtd_ecc_stats"),
            REGION = Layout.of("region_info_user");

    /** Members printed in hex one after another (PRINT_FIELD_X), in the layout's names. */
    private static Value hexFields(Bytes b, Layout l, String... names) {
        return new Value.Struct(hexMembers(b, l, names), false);
    }

    private static List<Value.Field> hexMembers(Bytes b, Layout l, String... names) {
        List<Value.Field> f = new ArrayList<>();
        for (String n : names) {
            f.add(field(n, Value.Num.hex(b.u(l.field(n)))));
        }
        return f;
    }

    private static Value oob(Bytes b, Layout l, String ptr) {
        return Decode.struct(field("start", Value.Num.hex(b.u(l.field("start")))),
                field("length", Value.Num.hex(b.u(l.field("length")))), field(ptr, Decode.ptr(b.u(l.field(ptr)))));
    }

    private static Value otpInfo(Bytes b) {
        return Decode.struct(field("start", Value.Num.hex(b.u(OTP.field("start")))),
                field("length", Value.Num.hex(b.u(OTP.field("length")))),
                field("locked", Value.Num.udec(b.u(OTP.field("locked")))));
    }

    private static Value writeReq(Bytes b) {
        return Decode.struct(field("start", Value.Num.hex(b.u(WRITE.field("start")))),
                field("len", Value.Num.hex(b.u(WRITE.field("len")))), field("ooblen", Value.Num.hex(b.u(WRITE.field("ooblen")))),
                field("usr_data", Decode.ptr(b.u(WRITE.field("usr_data")))),
                field("usr_oob", Decode.ptr(b.u(WRITE.field("usr_oob")))),
                field("mode", Decode.sym("mtd_mode_options", b.u(WRITE.field("mode")), Value.Radix.HEX, "MTD_OPS_???")));
    }

    private static Value info(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("type", Decode.sym("mtd_type_options", b.u(INFO.field("type")), Value.Radix.HEX, "MTD_???")));
        f.add(field("flags", Decode.flags("mtd_flags_options", b.u(INFO.field("flags")), "MTD_???")));
        for (String n : List.of("size", "erasesize", "writesize", "oobsize", "padding")) {
            f.add(field(n, Value.Num.hex(b.u(INFO.field(n)))));
        }
        return new Value.Struct(f, false);
    }

    private static Value oobinfo(Call c, Bytes b) {
        Layout.Field oobfree = OOBINFO.field("oobfree");
        return Decode.struct(field("useecc", Decode.sym("mtd_nandecc_options", b.u(OOBINFO.field("useecc")),
                        Value.Radix.HEX, "MTD_NANDECC_???")),
                field("eccbytes", Value.Num.hex(b.u(OOBINFO.field("eccbytes")))),
                field("oobfree", StructFields.array(c, b, oobfree, 8, -1,
                        pair -> StructFields.xints(c, pair, new Layout.Field("pair", 0, 8), 4, -1))),
                field("eccpos", StructFields.xints(c, b, OOBINFO.field("eccpos"), 4, -1)));
    }

    private static Value ecclayout(Call c, Bytes b) {
        return Decode.struct(field("eccbytes", Value.Num.hex(b.u(ECCLAYOUT.field("eccbytes")))),
                field("eccpos", StructFields.xints(c, b, ECCLAYOUT.field("eccpos"), 4, -1)),
                field("oobavail", Value.Num.hex(b.u(ECCLAYOUT.field("oobavail")))),
                field("oobfree", StructFields.array(c, b, ECCLAYOUT.field("oobfree"), 8, -1,
                        e -> Decode.struct(field("offset", Value.Num.hex(e.u32(0))), field("length", Value.Num.hex(e.u32(4)))))));
    }

    /** MEMGETREGIONINFO: the index asked at entry; what the region is, inside the same braces, after success. */
    private static final IoctlArg REGION_INFO = IoctlArg.continued(REGION,
            (c, b) -> hexMembers(b, REGION, "regionindex"), (c, b) -> hexMembers(b, REGION, "offset", "erasesize", "numblocks"));

    private static final RequestMap MAP = new RequestMap()
            .put(in(struct(ERASE, b -> hexFields(b, ERASE, "start", "length"))), "MEMERASE", "MEMLOCK", "MEMUNLOCK",
                    "MEMISLOCKED")
            .put(in(struct(ERASE64, b -> hexFields(b, ERASE64, "start", "length"))), "MEMERASE64")
            .put(in(struct(OOB, b -> oob(b, OOB, "ptr"))), "MEMWRITEOOB", "MEMREADOOB")
            .put(in(struct(OOB64, b -> oob(b, OOB64, "usr_ptr"))), "MEMWRITEOOB64", "MEMREADOOB64")
            .put(in(struct(WRITE, MtdIoctls::writeReq)), "MEMWRITE")
            .put(out(struct(OTP, MtdIoctls::otpInfo)), "OTPGETREGIONINFO")
            .put(in(struct(OTP, MtdIoctls::otpInfo)), "OTPLOCK")
            .put(in(IoctlArg.intBox(v -> Decode.sym("mtd_otp_options", v & 0xffffffffL, Value.Radix.HEX, "MTD_OTP_???"))),
                    "OTPSELECT")
            .put(in((c, arg) -> Decode.sym("mtd_file_mode_options", arg, Value.Radix.HEX, "MTD_FILE_MODE_???")), "MTDFILEMODE")
            .put(in(IoctlArg.longBox(Value.Num::udec)), "MEMGETBADBLOCK", "MEMSETBADBLOCK")
            .put(out(struct(INFO, MtdIoctls::info)), "MEMGETINFO")
            .put(out(structWith(OOBINFO, MtdIoctls::oobinfo)), "MEMGETOOBSEL")
            .put(out(structWith(ECCLAYOUT, MtdIoctls::ecclayout)), "ECCGETLAYOUT")
            .put(out(struct(ECCSTATS, b -> hexFields(b, ECCSTATS, "corrected", "failed", "badblocks", "bbtblocks"))),
                    "ECCGETSTATS")
            .put(out(IoctlArg.intBox(v -> Value.Num.udec(v & 0xffffffffL))), "OTPGETREGIONCOUNT")
            .put(out(IoctlArg.INT), "MEMGETREGIONCOUNT")
            .put(REGION_INFO, "MEMGETREGIONINFO");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

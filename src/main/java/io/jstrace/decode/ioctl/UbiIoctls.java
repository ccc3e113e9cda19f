package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.inOut;
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** UBI requests (types 'O' and 'o': volumes and the control device), as strace's ubi.c prints them. */
final class UbiIoctls {
    private UbiIoctls() {}

    private static final Layout MKVOL = Layout.of("ubi_mkvol_req"), RSVOL = Layout.of("ubi_rsvol_req"),
            RNVOL = Layout.of("ubi_rnvol_req"), LEB = Layout.of("ubi_leb_change_req"), ATTACH = Layout.of("ubi_attach_req"),
            MAP_REQ = Layout.of("ubi_map_req"), PROP = Layout.of("ubi_set_vol_prop_req");
    private static final Layout.Field MK_NAME = MKVOL.field("name"), MK_NAME_LEN = MKVOL.field("name_len");
    private static final Layout.Field ENTS = RNVOL.field("ents"), ENT = RNVOL.field("ents[0]"),
            ENT_VOL_ID = RNVOL.field("ents[0].vol_id"), ENT_NAME_LEN = RNVOL.field("ents[0].name_len"),
            ENT_NAME = RNVOL.field("ents[0].name");

    private static Value dataType(Bytes b, Layout.Field f) {
        return Decode.sym("ubi_data_types", b.u(f), Value.Radix.HEX, "UBI_???");
    }

    /** A volume name of name_len bytes (0 to its array's size less the NUL's byte) and the NUL after it. */
    private static Value name(Bytes b, int offset, int size, long nameLen) {
        return StructFields.cstring(b, offset, 1 + (int) Math.clamp(nameLen, 0, size - 1));
    }

    private static Value mkvol(Bytes b) {
        return Decode.struct(field("vol_id", Value.Num.dec(b.s(MKVOL.field("vol_id")))),
                field("alignment", Value.Num.dec(b.s(MKVOL.field("alignment")))),
                field("bytes", Value.Num.dec(b.s(MKVOL.field("bytes")))),
                field("vol_type", Decode.sym("ubi_volume_types", b.u(MKVOL.field("vol_type")), Value.Radix.HEX,
                        "UBI_???_VOLUME")),
                field("flags", Decode.flags("ubi_volume_flags", b.u(MKVOL.field("flags")), "UBI_VOL_???")),
                field("name_len", Value.Num.dec(b.s(MK_NAME_LEN))),
                field("name", name(b, MK_NAME.offset(), MK_NAME.size(), b.s(MK_NAME_LEN))));
    }

    /** UBI_IOCRNVOL: as many renames as count says, at most the array's. */
    private static Value rnvol(Call c, Bytes b) {
        int count = b.s32(RNVOL.field("count").offset());
        int at = ENT.offset();
        return Decode.struct(field("count", Value.Num.dec(count)),
                field("ents", StructFields.array(c, b, ENTS, ENT.size(), Math.max(0, count), e -> Decode.struct(
                        field("vol_id", Value.Num.dec(e.s32(ENT_VOL_ID.offset() - at))),
                        field("name_len", Value.Num.dec((short) e.u16(ENT_NAME_LEN.offset() - at))),
                        field("name", name(e, ENT_NAME.offset() - at, ENT_NAME.size(),
                                (short) e.u16(ENT_NAME_LEN.offset() - at)))))));
    }

    private static final IoctlArg.Reader INT = IoctlArg.INT;

    private static final RequestMap MAP = new RequestMap()
            .put(inOut(struct(MKVOL, UbiIoctls::mkvol), INT), "UBI_IOCMKVOL")
            .put(in(struct(RSVOL, b -> Decode.struct(field("bytes", Value.Num.dec(b.s(RSVOL.field("bytes")))),
                    field("vol_id", Value.Num.dec(b.s(RSVOL.field("vol_id"))))))), "UBI_IOCRSVOL")
            .put(in(structWith(RNVOL, UbiIoctls::rnvol)), "UBI_IOCRNVOL")
            .put(in(struct(LEB, b -> Decode.struct(field("lnum", Value.Num.dec(b.s(LEB.field("lnum")))),
                    field("bytes", Value.Num.dec(b.s(LEB.field("bytes")))), field("dtype", dataType(b, LEB.field("dtype")))))),
                    "UBI_IOCEBCH")
            .put(inOut(struct(ATTACH, b -> Decode.struct(field("ubi_num", Value.Num.dec(b.s(ATTACH.field("ubi_num")))),
                    field("mtd_num", Value.Num.dec(b.s(ATTACH.field("mtd_num")))),
                    field("vid_hdr_offset", Value.Num.dec(b.s(ATTACH.field("vid_hdr_offset")))),
                    field("max_beb_per1024", Value.Num.dec(b.s(ATTACH.field("max_beb_per1024")))))), INT), "UBI_IOCATT")
            .put(in(struct(MAP_REQ, b -> Decode.struct(field("lnum", Value.Num.dec(b.s(MAP_REQ.field("lnum")))),
                    field("dtype", dataType(b, MAP_REQ.field("dtype")))))), "UBI_IOCEBMAP")
            .put(in(struct(PROP, b -> Decode.struct(field("property", Decode.sym("ubi_volume_props",
                    b.u(PROP.field("property")), Value.Radix.HEX, "UBI_VOL_PROP_???")),
                    field("value", Value.Num.hex(b.u(PROP.field("value"))))))), "UBI_IOCSETVOLPROP")
            .put(in(IoctlArg.longBox(Value.Num::dec)), "UBI_IOCVOLUP")
            .put(in(INT), "UBI_IOCDET", "UBI_IOCEBER", "UBI_IOCEBISMAP", "UBI_IOCEBUNMAP", "UBI_IOCRMVOL",
                    "UBI_IOCRPEB", "UBI_IOCSPEB")
            .put(IoctlArg.NONE, "UBI_IOCVOLCRBLK", "UBI_IOCVOLRMBLK");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

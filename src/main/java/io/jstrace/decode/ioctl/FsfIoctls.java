package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** File requests of type 'f': inode flags and FIEMAP, as strace's fs_f_ioctl.c prints them. */
final class FsfIoctls {
    private FsfIoctls() {}

    private static final Layout FIEMAP = Layout.of("fiemap"), EXTENT = Layout.of("fiemap_extent");
    private static final Layout.Field FM_START = FIEMAP.field("fm_start"), FM_LENGTH = FIEMAP.field("fm_length"),
            FM_FLAGS = FIEMAP.field("fm_flags"), FM_MAPPED = FIEMAP.field("fm_mapped_extents"),
            FM_COUNT = FIEMAP.field("fm_extent_count");
    private static final Layout.Field FE_LOGICAL = EXTENT.field("fe_logical"), FE_PHYSICAL = EXTENT.field("fe_physical"),
            FE_LENGTH = EXTENT.field("fe_length"), FE_FLAGS = EXTENT.field("fe_flags");

    private static Value fmFlags(Bytes b) {
        return Decode.flags("fiemap_flags", b.u(FM_FLAGS), "FIEMAP_FLAG_???");
    }

    private static Value extent(Bytes b) {
        return Decode.struct(field("fe_logical", Value.Num.udec(b.u(FE_LOGICAL))),
                field("fe_physical", Value.Num.udec(b.u(FE_PHYSICAL))), field("fe_length", Value.Num.udec(b.u(FE_LENGTH))),
                field("fe_flags", Decode.flags("fiemap_extent_flags", b.u(FE_FLAGS), "FIEMAP_EXTENT_???")));
    }

    /** FS_IOC_FIEMAP: the request at entry; after {@code =>} the flags, the count and (with -v) the extents. */
    private static final IoctlArg FIEMAP_ARG = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return IoctlArg.struct(FIEMAP, b -> Decode.struct(field("fm_start", Value.Num.udec(b.u(FM_START))),
                    field("fm_length", Value.Num.udec(b.u(FM_LENGTH))), field("fm_flags", fmFlags(b)),
                    field("fm_extent_count", Value.Num.udec(b.u(FM_COUNT))))).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (c.failed() || !(atEntry instanceof Value.Struct)) {
                return atEntry;
            }
            return new Value.Changed(atEntry, IoctlArg.struct(FIEMAP, b -> {
                List<Value.Field> f = new ArrayList<>(List.of(field("fm_flags", fmFlags(b)),
                        field("fm_mapped_extents", Value.Num.udec(b.u(FM_MAPPED)))));
                if (!c.options.verbose()) {
                    return new Value.Struct(f, true);
                }
                // The extents follow the header (fm_extents, a flexible array member).
                f.add(field("fm_extents", IoArrays.array(c, arg + FIEMAP.size(), b.u(FM_MAPPED), EXTENT.size(),
                        FsfIoctls::extent)));
                return new Value.Struct(f, false);
            }).read(c, arg));
        }
    };

    private static final IoctlArg.Reader INODE_FLAGS = IoctlArg.intBox(v -> Decode.flags("fs_ioc_flags", v & 0xffffffffL, "FS_???_FL"));

    private static final RequestMap MAP = new RequestMap()
            .put(FIEMAP_ARG, "FS_IOC_FIEMAP")
            .put(out(INODE_FLAGS), "FS_IOC_GETFLAGS", "FS_IOC32_GETFLAGS")
            .put(in(INODE_FLAGS), "FS_IOC_SETFLAGS", "FS_IOC32_SETFLAGS");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

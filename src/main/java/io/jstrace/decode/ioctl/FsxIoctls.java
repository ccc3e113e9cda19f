package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** File system requests of type 'X' (FITRIM, freeze, thaw, extended attributes), as strace's fs_x_ioctl.c. */
final class FsxIoctls {
    private FsxIoctls() {}

    private static final Layout RANGE = Layout.of("fstrim_range"), FSXATTR = Layout.of("fsxattr");
    private static final Layout.Field START = RANGE.field("start"), LEN = RANGE.field("len"), MINLEN = RANGE.field("minlen");
    private static final Layout.Field XFLAGS = FSXATTR.field("fsx_xflags"), EXTSIZE = FSXATTR.field("fsx_extsize"),
            NEXTENTS = FSXATTR.field("fsx_nextents"), PROJID = FSXATTR.field("fsx_projid"),
            COWEXTSIZE = FSXATTR.field("fsx_cowextsize");

    private static Value range(Bytes b) {
        return Decode.struct(field("start", Value.Num.hex(b.u(START))), field("len", Value.Num.udec(b.u(LEN))),
                field("minlen", Value.Num.udec(b.u(MINLEN))));
    }

    /** struct fsxattr; fsx_nextents only as the kernel reports it (FS_IOC_FSGETXATTR). */
    private static Value fsxattr(Bytes b, boolean got) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("fsx_xflags", Decode.flags("fs_xflags", b.u(XFLAGS), "FS_XFLAG_???")));
        f.add(field("fsx_extsize", Value.Num.udec(b.u(EXTSIZE))));
        if (got) {
            f.add(field("fsx_nextents", Value.Num.udec(b.u(NEXTENTS))));
        }
        f.add(field("fsx_projid", Value.Num.hex(b.u(PROJID))));
        f.add(field("fsx_cowextsize", Value.Num.udec(b.u(COWEXTSIZE))));
        return new Value.Struct(f, false);
    }

    private static final RequestMap MAP = new RequestMap()
            .put(in(struct(RANGE, FsxIoctls::range)), "FITRIM")
            .put(out(struct(FSXATTR, b -> fsxattr(b, true))), "FS_IOC_FSGETXATTR")
            .put(in(struct(FSXATTR, b -> fsxattr(b, false))), "FS_IOC_FSSETXATTR")
            .put(IoctlArg.NONE, "FIFREEZE", "FITHAW");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

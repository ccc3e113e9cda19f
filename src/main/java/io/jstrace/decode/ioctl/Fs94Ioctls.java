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
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/**
 * The generic file requests of type 0x94 that btrfs introduced (clone, dedupe, file system
 * label), as strace's fs_0x94_ioctl.c prints them; the rest of the type is btrfs's own.
 */
final class Fs94Ioctls {
    private Fs94Ioctls() {}

    private static final Layout CLONE = Layout.of("file_clone_range"), DEDUPE = Layout.of("file_dedupe_range"),
            DEST = Layout.of("file_dedupe_range_info");
    private static final Layout.Field SRC_FD = CLONE.field("src_fd"), CLONE_SRC_OFFSET = CLONE.field("src_offset"),
            CLONE_SRC_LENGTH = CLONE.field("src_length"), DEST_OFFSET = CLONE.field("dest_offset");
    private static final Layout.Field SRC_OFFSET = DEDUPE.field("src_offset"), SRC_LENGTH = DEDUPE.field("src_length"),
            DEST_COUNT = DEDUPE.field("dest_count");
    private static final Layout.Field DEST_FD = DEST.field("dest_fd"), DEST_DEST_OFFSET = DEST.field("dest_offset"),
            BYTES_DEDUPED = DEST.field("bytes_deduped"), STATUS = DEST.field("status");
    /** FSLABEL_MAX of linux/fs.h: the label's char array. */
    private static final int FSLABEL_MAX = 256;
    /** Destinations strace shows without -v. */
    private static final int DESTS_SHOWN = 2;

    private static Value cloneRange(Call c, Bytes b) {
        return Decode.struct(field("src_fd", Decode.fd(c, (int) b.s(SRC_FD))),
                field("src_offset", Value.Num.udec(b.u(CLONE_SRC_OFFSET))),
                field("src_length", Value.Num.udec(b.u(CLONE_SRC_LENGTH))),
                field("dest_offset", Value.Num.udec(b.u(DEST_OFFSET))));
    }

    /** The destinations after the header: at most two without -v, then {@code ...}. */
    private static Value destinations(Call c, long arg, long count, IoArrays.Element show) {
        long addr = arg + DEDUPE.size();
        if (c.options.verbose() || count <= DESTS_SHOWN) {
            return IoArrays.array(c, addr, count, DEST.size(), show);
        }
        // strace reads the third before it gives up on it, so an unreadable third still shows as such.
        Value v = IoArrays.array(c, addr, DESTS_SHOWN + 1, DEST.size(), show);
        if (v instanceof Value.Arr a && a.items().size() == DESTS_SHOWN + 1
                && !(a.items().getLast() instanceof Value.Commented)) {
            return new Value.Arr(a.items().subList(0, DESTS_SHOWN), true);
        }
        return v;
    }

    /** FIDEDUPERANGE: the range and destinations in; each destination's outcome out. */
    private static final IoctlArg DEDUPE_RANGE = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return structWith(DEDUPE, (cc, b) -> Decode.struct(field("src_offset", Value.Num.udec(b.u(SRC_OFFSET))),
                    field("src_length", Value.Num.udec(b.u(SRC_LENGTH))), field("dest_count", Value.Num.udec(b.u(DEST_COUNT))),
                    field("info", destinations(cc, arg, b.u(DEST_COUNT), e -> Decode.struct(
                            field("dest_fd", Decode.fd(cc, (int) e.s(DEST_FD))),
                            field("dest_offset", Value.Num.udec(e.u(DEST_DEST_OFFSET)))))))).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            // strace goes on at exit only when it could show every destination asked for at entry.
            if (c.failed() || !(atEntry instanceof Value.Struct s) || !(s.fields().getLast().value() instanceof Value.Arr a)
                    || a.items().isEmpty() || a.items().getLast() instanceof Value.Commented) {
                return atEntry;
            }
            return new Value.Changed(atEntry, structWith(DEDUPE, (cc, b) -> Decode.struct(field("info",
                    destinations(cc, arg, b.u(DEST_COUNT), e -> Decode.struct(
                            field("bytes_deduped", Value.Num.udec(e.u(BYTES_DEDUPED))),
                            field("status", Value.Num.dec(e.s(STATUS)))))))).read(c, arg));
        }
    };

    private static final IoctlArg.Reader LABEL = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, FSLABEL_MAX);
        return b == null ? Decode.ptr(addr) : StructFields.cstring(b, new Layout.Field("label", 0, FSLABEL_MAX));
    };

    private static final RequestMap MAP = new RequestMap()
            .put(in((c, arg) -> Value.Num.dec((int) arg)), "FICLONE")
            .put(in(structWith(CLONE, Fs94Ioctls::cloneRange)), "FICLONERANGE")
            .put(DEDUPE_RANGE, "FIDEDUPERANGE")
            .put(out(LABEL), "FS_IOC_GETFSLABEL")
            .put(in(LABEL), "FS_IOC_SETFSLABEL");

    static IoctlArg arg(long code) {
        IoctlArg a = MAP.get(code);
        return a != null ? a : BtrfsIoctls.arg(code);
    }
}

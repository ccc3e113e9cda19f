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
import static io.jstrace.decode.ioctl.IoctlArg.inOut;
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/**
 * The btrfs requests that look things up: tree searches, inode lookups, inode paths, logical
 * inodes and space info. What they find is shown after {@code =>}, in full only with -v.
 */
final class BtrfsQueries {
    private BtrfsQueries() {}

    private static final Layout KEY = Layout.of("btrfs_ioctl_search_key"), SEARCH = Layout.of("btrfs_ioctl_search_args"),
            SEARCH2 = Layout.of("btrfs_ioctl_search_args_v2"), LOOKUP = Layout.of("btrfs_ioctl_ino_lookup_args"),
            PATHS = Layout.of("btrfs_ioctl_ino_path_args"), LOGICAL = Layout.of("btrfs_ioctl_logical_ino_args"),
            CONTAINER = Layout.of("btrfs_data_container"), SPACE = Layout.of("btrfs_ioctl_space_args"),
            SPACE_INFO = Layout.of("btrfs_ioctl_space_info");
    private static final Layout.Field SEARCH_BUF = SEARCH.field("buf"), SEARCH2_KEY = SEARCH2.field("key"),
            SEARCH2_BUF_SIZE = SEARCH2.field("buf_size");
    private static final Layout.Field TREEID = LOOKUP.field("treeid"), OBJECTID = LOOKUP.field("objectid"),
            LOOKUP_NAME = LOOKUP.field("name");
    private static final Layout.Field INUM = PATHS.field("inum"), PATHS_SIZE = PATHS.field("size"),
            FSPATH = PATHS.field("fspath");
    private static final Layout.Field LOGICAL_ADDR = LOGICAL.field("logical"), LOGICAL_SIZE = LOGICAL.field("size"),
            RESERVED = LOGICAL.field("reserved"), LOGICAL_FLAGS = LOGICAL.field("flags"), INODES = LOGICAL.field("inodes");
    private static final Layout.Field BYTES_LEFT = CONTAINER.field("bytes_left"),
            BYTES_MISSING = CONTAINER.field("bytes_missing"), ELEM_CNT = CONTAINER.field("elem_cnt"),
            ELEM_MISSED = CONTAINER.field("elem_missed");
    private static final Layout.Field SPACE_SLOTS = SPACE.field("space_slots"), TOTAL_SPACES = SPACE.field("total_spaces");
    private static final Layout.Field SI_FLAGS = SPACE_INFO.field("flags"), SI_TOTAL = SPACE_INFO.field("total_bytes"),
            SI_USED = SPACE_INFO.field("used_bytes");
    private static final long EOVERFLOW = 75;
    /** A logical inode's record in the container: inum, offset, root. */
    private static final int INODE_RECORD = 3 * 8;

    /** {@code f} and what the search found at {@code buf}: its items with -v, else {@code ...}. */
    private static Value found(Call c, List<Value.Field> f, long buf, long size, long nrItems) {
        if (!c.options.verbose()) {
            return new Value.Struct(f, true);
        }
        f.add(field("buf", BtrfsValues.searchBuffer(c, buf, size, nrItems)));
        return new Value.Struct(f, false);
    }

    /** TREE_SEARCH: the key in; the number of items and the items out (the key alone is read each time). */
    private static final IoctlArg TREE_SEARCH = inOut(
            structWith(KEY, (c, b) -> Decode.struct(field("key", BtrfsValues.searchKey(c, b, true)))),
            (c, addr) -> {
                Bytes b = Decode.struct(c, addr, KEY.size());
                if (b == null) {
                    return Decode.ptr(addr);
                }
                List<Value.Field> f = new ArrayList<>(List.of(field("key", BtrfsValues.searchKey(c, b, false))));
                return found(c, f, addr + SEARCH_BUF.offset(), SEARCH_BUF.size(), BtrfsValues.nrItems(b));
            });

    /** TREE_SEARCH_V2: as TREE_SEARCH with the buffer's size; EOVERFLOW still reports the size it needs. */
    private static final IoctlArg TREE_SEARCH_V2 = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return structWith(SEARCH2, (cc, b) -> Decode.struct(field("key", BtrfsValues.searchKey(cc, b.slice(SEARCH2_KEY), true)),
                    field("buf_size", Value.Num.udec(b.u(SEARCH2_BUF_SIZE))))).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (atEntry instanceof Value.Addr || c.failed() && -c.ret() != EOVERFLOW) {
                return atEntry;
            }
            Bytes b = Decode.struct(c, arg, SEARCH2.size());
            Value now;
            if (b == null) {
                now = Decode.ptr(arg);
            } else if (c.failed()) {
                now = Decode.struct(field("buf_size", Value.Num.udec(b.u(SEARCH2_BUF_SIZE))));
            } else {
                Bytes key = b.slice(SEARCH2_KEY);
                List<Value.Field> f = new ArrayList<>(List.of(field("key", BtrfsValues.searchKey(c, key, false)),
                        field("buf_size", Value.Num.udec(b.u(SEARCH2_BUF_SIZE)))));
                now = found(c, f, arg + SEARCH2.size(), b.u(SEARCH2_BUF_SIZE), BtrfsValues.nrItems(key));
            }
            return new Value.Changed(atEntry, now);
        }
    };

    /**
     * INO_LOOKUP: the tree and object in; the path out, after the tree the kernel chose when the
     * program left it 0 (the containing subvolume).
     */
    private static final IoctlArg INO_LOOKUP = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return struct(LOOKUP, b -> Decode.struct(field("treeid", BtrfsValues.objectid(b.u(TREEID))),
                    field("objectid", BtrfsValues.objectid(b.u(OBJECTID))))).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (c.failed() || !(atEntry instanceof Value.Struct s)) {
                return atEntry;
            }
            boolean chosen = s.fields().getFirst().value() instanceof Value.Num n && n.value() == 0;
            return new Value.Changed(atEntry, struct(LOOKUP, b -> {
                List<Value.Field> f = new ArrayList<>();
                if (chosen) {
                    f.add(field("treeid", BtrfsValues.objectid(b.u(TREEID))));
                }
                f.add(field("name", StructFields.cstring(b, LOOKUP_NAME)));
                return new Value.Struct(f, false);
            }).read(c, arg));
        }
    };

    /** A btrfs_data_container's counts, then with -v its {@code count} elements of {@code size} bytes. */
    private static Value container(Call c, long addr, IoArrays.Element element, long count, int size) {
        Bytes b = Decode.struct(c, addr, CONTAINER.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>(List.of(field("bytes_left", Value.Num.udec(b.u(BYTES_LEFT))),
                field("bytes_missing", Value.Num.udec(b.u(BYTES_MISSING))), field("elem_cnt", Value.Num.udec(b.u(ELEM_CNT))),
                field("elem_missed", Value.Num.udec(b.u(ELEM_MISSED)))));
        if (!c.options.verbose()) {
            return new Value.Struct(f, true);
        }
        long n = count < 0 ? b.u(ELEM_CNT) : count;
        f.add(field("val", IoArrays.array(c, addr + CONTAINER.size(), n, size, element)));
        return new Value.Struct(f, false);
    }

    /** INO_PATHS' paths: offsets from the start of val[] to each NUL-terminated path. */
    private static Value paths(Call c, long addr) {
        long val = addr + CONTAINER.size();
        return container(c, addr, e -> Decode.path(c, val + e.s64(0)), -1, 8);
    }

    /** LOGICAL_INO's records: elem_cnt counts words, three to a record. */
    private static Value inodes(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, CONTAINER.size());
        long records = b == null ? 0 : b.u(ELEM_CNT) / 3;
        return container(c, addr, e -> Decode.struct(field("inum", Value.Num.udec(e.s64(0))),
                field("offset", Value.Num.udec(e.s64(8))), field("root", Value.Num.udec(e.s64(16)))), records, INODE_RECORD);
    }

    private static final IoctlArg INO_PATHS = inOut(
            struct(PATHS, b -> Decode.struct(field("inum", Value.Num.udec(b.u(INUM))),
                    field("size", Value.Num.udec(b.u(PATHS_SIZE))), field("fspath", Decode.ptr(b.u(FSPATH))))),
            structWith(PATHS, (c, b) -> Decode.struct(field("fspath", paths(c, b.u(FSPATH))))));

    private static Value logicalIn(Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(field("logical", Value.Num.udec(b.u(LOGICAL_ADDR))),
                field("size", Value.Num.udec(b.u(LOGICAL_SIZE)))));
        if (!StructFields.zero(b, RESERVED)) {
            List<Value> words = new ArrayList<>();
            Bytes r = b.slice(RESERVED);
            for (int i = 0; i < RESERVED.size(); i += 8) {
                words.add(Value.Num.hex(r.s64(i)));
            }
            f.add(field("reserved", new Value.Arr(words, false)));
        }
        f.add(field("flags", Decode.flags("btrfs_logical_ino_args_flags", b.u(LOGICAL_FLAGS), "BTRFS_LOGICAL_INO_ARGS_???")));
        f.add(field("inodes", Decode.ptr(b.u(INODES))));
        return new Value.Struct(f, false);
    }

    private static final IoctlArg LOGICAL_INO = inOut(struct(LOGICAL, BtrfsQueries::logicalIn),
            structWith(LOGICAL, (c, b) -> Decode.struct(field("inodes", inodes(c, b.u(INODES))))));

    /** SPACE_INFO: the slots offered in; the spaces out, with -v each of them. */
    private static Value spacesOut(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, SPACE.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long total = b.u(TOTAL_SPACES);
        List<Value.Field> f = new ArrayList<>(List.of(field("total_spaces", Value.Num.udec(total))));
        if (b.u(SPACE_SLOTS) == 0 && total != 0) {
            return new Value.Struct(f, false);
        }
        if (!c.options.verbose()) {
            return new Value.Struct(f, true);
        }
        f.add(field("spaces", IoArrays.array(c, addr + SPACE.size(), total, SPACE_INFO.size(), e -> Decode.struct(
                field("flags", Decode.flags("btrfs_space_info_flags", e.u(SI_FLAGS), "BTRFS_SPACE_INFO_???")),
                field("total_bytes", Value.Num.udec(e.u(SI_TOTAL))), field("used_bytes", Value.Num.udec(e.u(SI_USED)))))));
        return new Value.Struct(f, false);
    }

    private static final IoctlArg SPACE_INFO_ARG = inOut(
            struct(SPACE, b -> Decode.struct(field("space_slots", Value.Num.udec(b.u(SPACE_SLOTS))))),
            BtrfsQueries::spacesOut);

    private static final RequestMap MAP = new RequestMap()
            .put(TREE_SEARCH, "BTRFS_IOC_TREE_SEARCH")
            .put(TREE_SEARCH_V2, "BTRFS_IOC_TREE_SEARCH_V2")
            .put(INO_LOOKUP, "BTRFS_IOC_INO_LOOKUP")
            .put(INO_PATHS, "BTRFS_IOC_INO_PATHS")
            .put(LOGICAL_INO, "BTRFS_IOC_LOGICAL_INO")
            .put(SPACE_INFO_ARG, "BTRFS_IOC_SPACE_INFO");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

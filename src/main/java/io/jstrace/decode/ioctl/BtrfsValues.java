package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.decode.TimeDecoder;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/** The members btrfs structs share, printed as strace's btrfs.c prints them. */
final class BtrfsValues {
    private BtrfsValues() {}

    private static final Layout LIMIT = Layout.of("btrfs_qgroup_limit"), BALANCE_ARGS = Layout.of("btrfs_balance_args"),
            FEATURES = Layout.of("btrfs_ioctl_feature_flags"), KEY = Layout.of("btrfs_ioctl_search_key"),
            HEADER = Layout.of("btrfs_ioctl_search_header"), SCRUB = Layout.of("btrfs_scrub_progress");
    private static final Layout.Field LIM_FLAGS = LIMIT.field("flags"), MAX_RFER = LIMIT.field("max_rfer"),
            MAX_EXCL = LIMIT.field("max_excl"), RSV_RFER = LIMIT.field("rsv_rfer"), RSV_EXCL = LIMIT.field("rsv_excl");
    private static final Layout.Field PROFILES = BALANCE_ARGS.field("profiles"), USAGE = BALANCE_ARGS.field("usage"),
            DEVID = BALANCE_ARGS.field("devid"), PSTART = BALANCE_ARGS.field("pstart"), PEND = BALANCE_ARGS.field("pend"),
            VSTART = BALANCE_ARGS.field("vstart"), VEND = BALANCE_ARGS.field("vend"), TARGET = BALANCE_ARGS.field("target"),
            BA_FLAGS = BALANCE_ARGS.field("flags");
    private static final Layout.Field COMPAT = FEATURES.field("compat_flags"), COMPAT_RO = FEATURES.field("compat_ro_flags"),
            INCOMPAT = FEATURES.field("incompat_flags");
    private static final Layout.Field TREE_ID = KEY.field("tree_id"), MIN_OBJECTID = KEY.field("min_objectid"),
            MAX_OBJECTID = KEY.field("max_objectid"), MIN_OFFSET = KEY.field("min_offset"),
            MAX_OFFSET = KEY.field("max_offset"), MIN_TRANSID = KEY.field("min_transid"),
            MAX_TRANSID = KEY.field("max_transid"), MIN_TYPE = KEY.field("min_type"), MAX_TYPE = KEY.field("max_type"),
            NR_ITEMS = KEY.field("nr_items");
    private static final Layout.Field H_TRANSID = HEADER.field("transid"), H_OBJECTID = HEADER.field("objectid"),
            H_OFFSET = HEADER.field("offset"), H_TYPE = HEADER.field("type"), H_LEN = HEADER.field("len");
    private static final String[] SCRUB_FIELDS = {"data_extents_scrubbed", "tree_extents_scrubbed",
        "data_bytes_scrubbed", "tree_bytes_scrubbed", "read_errors", "csum_errors", "verify_errors", "no_csum",
        "csum_discards", "super_errors", "malloc_errors", "uncorrectable_errors", "corrected_errors", "last_physical",
        "unverified_errors"};

    static final long FIRST_FREE_OBJECTID = 256, LAST_FREE_OBJECTID = -256;

    /** PRINT_FIELD_U64: unsigned, or UINT64_MAX by name (-X raw the number, -X verbose both). */
    static Value u64(long v) {
        return v == -1 ? new Value.Decoded(v, Value.Radix.UDEC, new Value.Sym("UINT64_MAX", v), true) : Value.Num.udec(v);
    }

    /** A tree's object id: named when strace knows it, else unsigned. */
    static Value objectid(long v) {
        return Decode.sym("btrfs_tree_objectids", v, Value.Radix.UDEC, null, true);
    }

    static Value keyType(long v) {
        return Decode.sym("btrfs_key_types", v, Value.Radix.UDEC, null, true);
    }

    /** A 16-byte UUID as strace's PRINT_FIELD_UUID prints it: {@code 01234567-89ab-cdef-fedc-ba9876543210}. */
    static Value uuid(Bytes b, Layout.Field f) {
        String hex = HexFormat.of().formatHex(b.b(), f.offset(), f.offset() + 16);
        return new Value.Name(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    /** {sec=, nsec=} with the time as a comment (print_btrfs_timespec). */
    static Value timespec(long sec, long nsec) {
        Value ts = Decode.struct(field("sec", Value.Num.udec(sec)), field("nsec", Value.Num.udec(nsec)));
        String when = TimeDecoder.isoTimeNs(sec, nsec);
        return when == null ? ts : new Value.Commented(ts, when);
    }

    static Value qgroupLimit(Bytes b) {
        return Decode.struct(field("flags", Decode.flags("btrfs_qgroup_limit_flags", b.u(LIM_FLAGS), "BTRFS_QGROUP_LIMIT_???")),
                field("max_rfer", Value.Num.udec(b.u(MAX_RFER))), field("max_excl", Value.Num.udec(b.u(MAX_EXCL))),
                field("rsv_rfer", Value.Num.udec(b.u(RSV_RFER))), field("rsv_excl", Value.Num.udec(b.u(RSV_EXCL))));
    }

    static Value balanceArgs(Bytes b) {
        return Decode.struct(field("profiles", Decode.flags("btrfs_space_info_flags", b.u(PROFILES), "BTRFS_BLOCK_GROUP_???")),
                field("usage", u64(b.u(USAGE))), field("devid", Decode.dev(b.u(DEVID))), field("pstart", u64(b.u(PSTART))),
                field("pend", u64(b.u(PEND))), field("vstart", u64(b.u(VSTART))), field("vend", u64(b.u(VEND))),
                field("target", u64(b.u(TARGET))),
                field("flags", Decode.flags("btrfs_balance_args", b.u(BA_FLAGS), "BTRFS_BALANCE_ARGS_???")));
    }

    static Value features(Bytes b) {
        return Decode.struct(field("compat_flags", Decode.flags("btrfs_features_compat", b.u(COMPAT), "BTRFS_FEATURE_COMPAT_???")),
                field("compat_ro_flags", Decode.flags("btrfs_features_compat_ro", b.u(COMPAT_RO), "BTRFS_FEATURE_COMPAT_RO_???")),
                field("incompat_flags", Decode.flags("btrfs_features_incompat", b.u(INCOMPAT), "BTRFS_FEATURE_INCOMPAT_???")));
    }

    /** {@code count} feature sets in a row, each with its comment when {@code comments} names them. */
    static Value featureSets(Bytes b, int count, String... comments) {
        List<Value> sets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Value set = features(b.slice(i * FEATURES.size(), FEATURES.size()));
            sets.add(comments.length > i ? new Value.Commented(set, comments[i]) : set);
        }
        return new Value.Arr(sets, false);
    }

    /**
     * A tree search's key: the whole range asked for at entry (the object ids only when not the
     * defaults, unless -v), only the number of items found at exit.
     */
    static Value searchKey(Call c, Bytes b, boolean entry) {
        List<Value.Field> f = new ArrayList<>();
        if (entry) {
            f.add(field("tree_id", objectid(b.u(TREE_ID))));
            if (b.u(MIN_OBJECTID) != FIRST_FREE_OBJECTID || c.options.verbose()) {
                f.add(field("min_objectid", objectid(b.u(MIN_OBJECTID))));
            }
            if (b.u(MAX_OBJECTID) != LAST_FREE_OBJECTID || c.options.verbose()) {
                f.add(field("max_objectid", objectid(b.u(MAX_OBJECTID))));
            }
            f.add(field("min_offset", u64(b.u(MIN_OFFSET))));
            f.add(field("max_offset", u64(b.u(MAX_OFFSET))));
            f.add(field("min_transid", u64(b.u(MIN_TRANSID))));
            f.add(field("max_transid", u64(b.u(MAX_TRANSID))));
            f.add(field("min_type", keyType(b.u(MIN_TYPE))));
            f.add(field("max_type", keyType(b.u(MAX_TYPE))));
        }
        f.add(field("nr_items", Value.Num.udec(b.u(NR_ITEMS))));
        return new Value.Struct(f, false);
    }

    static long nrItems(Bytes key) {
        return key.u(NR_ITEMS);
    }

    /**
     * The items a search found in {@code size} bytes at {@code addr}: each header, the item's data
     * skipped; {@code ...} after -s items, where the buffer ends, or where memory ends (with the address).
     */
    static Value searchBuffer(Call c, long addr, long size, long nrItems) {
        List<Value> items = new ArrayList<>();
        long off = 0;
        for (long i = 0; i < nrItems; i++) {
            long at = addr + off;
            if (Long.compareUnsigned(at, addr) < 0 || Long.compareUnsigned(off + HEADER.size(), size) > 0
                    || i > c.options.stringLimit()) {
                return new Value.Arr(items, true);
            }
            Bytes h = Decode.struct(c, at, HEADER.size());
            if (h == null) {
                items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(at)));
                break;
            }
            items.add(Decode.struct(field("transid", Value.Num.udec(h.u(H_TRANSID))),
                    field("objectid", objectid(h.u(H_OBJECTID))), field("offset", Value.Num.udec(h.u(H_OFFSET))),
                    field("type", keyType(h.u(H_TYPE))), field("len", Value.Num.udec(h.u(H_LEN)))));
            off += HEADER.size() + h.u(H_LEN);
        }
        return new Value.Arr(items, false);
    }

    static Value scrubProgress(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        for (String name : SCRUB_FIELDS) {
            f.add(field(name, Value.Num.udec(b.u(SCRUB.field(name)))));
        }
        return new Value.Struct(f, false);
    }
}

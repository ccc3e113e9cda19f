package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.decode.TimeDecoder;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.inOut;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/**
 * btrfs requests (type 0x94), as strace's btrfs.c prints them: what the program asks at entry,
 * and after {@code =>} what the kernel answered when the call succeeded. The searches, the
 * inode lookups and the containers they fill in are in {@link BtrfsQueries}.
 */
final class BtrfsIoctls {
    private BtrfsIoctls() {}

    private static final Layout VOL = Layout.of("btrfs_ioctl_vol_args"), VOL2 = Layout.of("btrfs_ioctl_vol_args_v2"),
            INHERIT = Layout.of("btrfs_qgroup_inherit"), BALANCE = Layout.of("btrfs_ioctl_balance_args"),
            DEFRAG = Layout.of("btrfs_ioctl_defrag_range_args"), DEV_INFO = Layout.of("btrfs_ioctl_dev_info_args"),
            REPLACE = Layout.of("btrfs_ioctl_dev_replace_args"), FS_INFO = Layout.of("btrfs_ioctl_fs_info_args"),
            STATS = Layout.of("btrfs_ioctl_get_dev_stats"), ASSIGN = Layout.of("btrfs_ioctl_qgroup_assign_args"),
            CREATE = Layout.of("btrfs_ioctl_qgroup_create_args"), QLIMIT = Layout.of("btrfs_ioctl_qgroup_limit_args"),
            QUOTA_CTL = Layout.of("btrfs_ioctl_quota_ctl_args"), RESCAN = Layout.of("btrfs_ioctl_quota_rescan_args"),
            RECEIVED = Layout.of("btrfs_ioctl_received_subvol_args"), SCRUB = Layout.of("btrfs_ioctl_scrub_args"),
            SEND = Layout.of("btrfs_ioctl_send_args"), FEATURES = Layout.of("btrfs_ioctl_feature_flags");
    private static final Layout.Field VOL_FD = VOL.field("fd"), VOL_NAME = VOL.field("name");
    private static final Layout.Field V2_FD = VOL2.field("fd"), V2_TRANSID = VOL2.field("transid"),
            V2_FLAGS = VOL2.field("flags"), V2_SIZE = VOL2.field("size"), V2_INHERIT = VOL2.field("qgroup_inherit"),
            V2_NAME = VOL2.field("name");
    private static final Layout.Field QI_FLAGS = INHERIT.field("flags"), QI_NUM = INHERIT.field("num_qgroups"),
            QI_REF = INHERIT.field("num_ref_copies"), QI_EXCL = INHERIT.field("num_excl_copies"), QI_LIM = INHERIT.field("lim");
    private static final Layout.Field BAL_FLAGS = BALANCE.field("flags"), BAL_STATE = BALANCE.field("state"),
            BAL_DATA = BALANCE.field("data"), BAL_META = BALANCE.field("meta"), BAL_SYS = BALANCE.field("sys");
    private static final Layout.Field DF_START = DEFRAG.field("start"), DF_LEN = DEFRAG.field("len"),
            DF_FLAGS = DEFRAG.field("flags"), DF_THRESH = DEFRAG.field("extent_thresh"),
            DF_COMPRESS = DEFRAG.field("compress_type");
    private static final Layout.Field DI_DEVID = DEV_INFO.field("devid"), DI_UUID = DEV_INFO.field("uuid"),
            DI_USED = DEV_INFO.field("bytes_used"), DI_TOTAL = DEV_INFO.field("total_bytes"), DI_PATH = DEV_INFO.field("path");
    private static final Layout.Field R_CMD = REPLACE.field("cmd"), R_RESULT = REPLACE.field("result"),
            R_SRCDEVID = REPLACE.field("start.srcdevid"), R_MODE = REPLACE.field("start.cont_reading_from_srcdev_mode"),
            R_SRCNAME = REPLACE.field("start.srcdev_name"), R_TGTNAME = REPLACE.field("start.tgtdev_name"),
            R_STATE = REPLACE.field("status.replace_state"), R_PROGRESS = REPLACE.field("status.progress_1000"),
            R_STARTED = REPLACE.field("status.time_started"), R_STOPPED = REPLACE.field("status.time_stopped"),
            R_WRITE_ERRORS = REPLACE.field("status.num_write_errors"),
            R_READ_ERRORS = REPLACE.field("status.num_uncorrectable_read_errors");
    private static final Layout.Field FI_MAX_ID = FS_INFO.field("max_id"), FI_NUM = FS_INFO.field("num_devices"),
            FI_FSID = FS_INFO.field("fsid"), FI_NODESIZE = FS_INFO.field("nodesize"),
            FI_SECTORSIZE = FS_INFO.field("sectorsize"), FI_ALIGN = FS_INFO.field("clone_alignment"),
            FI_CSUM_TYPE = FS_INFO.field("csum_type"), FI_CSUM_SIZE = FS_INFO.field("csum_size"),
            FI_FLAGS = FS_INFO.field("flags"), FI_GENERATION = FS_INFO.field("generation"),
            FI_METADATA_UUID = FS_INFO.field("metadata_uuid");
    private static final Layout.Field ST_DEVID = STATS.field("devid"), ST_NR = STATS.field("nr_items"),
            ST_FLAGS = STATS.field("flags"), ST_VALUES = STATS.field("values");
    private static final Layout.Field RV_UUID = RECEIVED.field("uuid"), RV_STRANSID = RECEIVED.field("stransid"),
            RV_RTRANSID = RECEIVED.field("rtransid"), RV_STIME_SEC = RECEIVED.field("stime.sec"),
            RV_STIME_NSEC = RECEIVED.field("stime.nsec"), RV_RTIME_SEC = RECEIVED.field("rtime.sec"),
            RV_RTIME_NSEC = RECEIVED.field("rtime.nsec"), RV_FLAGS = RECEIVED.field("flags");
    private static final Layout.Field SC_DEVID = SCRUB.field("devid"), SC_START = SCRUB.field("start"),
            SC_END = SCRUB.field("end"), SC_FLAGS = SCRUB.field("flags"), SC_PROGRESS = SCRUB.field("progress");
    private static final Layout.Field SEND_FD = SEND.field("send_fd"), SEND_COUNT = SEND.field("clone_sources_count"),
            SEND_SOURCES = SEND.field("clone_sources"), SEND_PARENT = SEND.field("parent_root"),
            SEND_FLAGS = SEND.field("flags");

    private static final long SUBVOL_QGROUP_INHERIT = 4, BALANCE_DATA = 1, BALANCE_SYSTEM = 2, BALANCE_METADATA = 4,
            REPLACE_CMD_START = 0, REPLACE_CMD_STATUS = 1, FS_INFO_CSUM = 1, FS_INFO_GENERATION = 2,
            FS_INFO_METADATA_UUID = 4;

    private static Value subvolFlags(long flags) {
        return Decode.flags("btrfs_snap_flags_v2", flags, "BTRFS_SUBVOL_???");
    }

    private static Value volArgs(Call c, Bytes b) {
        return Decode.struct(field("fd", Decode.fd(c, (int) b.u(VOL_FD))), field("name", StructFields.cstring(b, VOL_NAME)));
    }

    /** struct btrfs_qgroup_inherit at {@code addr}; its qgroups only with -v. */
    private static Value qgroupInherit(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, INHERIT.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>(List.of(
                field("flags", Decode.flags("btrfs_qgroup_inherit_flags", b.u(QI_FLAGS), "BTRFS_QGROUP_INHERIT_???")),
                field("num_qgroups", Value.Num.udec(b.u(QI_NUM))), field("num_ref_copies", Value.Num.udec(b.u(QI_REF))),
                field("num_excl_copies", Value.Num.udec(b.u(QI_EXCL))),
                field("lim", BtrfsValues.qgroupLimit(b.slice(QI_LIM)))));
        if (!c.options.verbose()) {
            return new Value.Struct(f, true);
        }
        f.add(field("qgroups", IoArrays.array(c, addr + INHERIT.size(), b.u(QI_NUM), 8, e -> Value.Num.udec(e.s64(0)))));
        return new Value.Struct(f, false);
    }

    /** SNAP_CREATE_V2, SUBVOL_CREATE_V2: the request; the inherited qgroups only when the flags say so. */
    private static Value volArgsV2(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("fd", Decode.fd(c, (int) b.u(V2_FD))));
        f.add(field("flags", subvolFlags(b.u(V2_FLAGS))));
        if ((b.u(V2_FLAGS) & SUBVOL_QGROUP_INHERIT) != 0) {
            f.add(field("size", Value.Num.udec(b.u(V2_SIZE))));
            f.add(field("qgroup_inherit", qgroupInherit(c, b.u(V2_INHERIT))));
        }
        f.add(field("name", StructFields.cstring(b, V2_NAME)));
        return new Value.Struct(f, false);
    }

    /** struct btrfs_ioctl_balance_args: the state only as the kernel reports it; a filter per type the flags name. */
    private static Value balance(Bytes b, boolean out) {
        long flags = b.u(BAL_FLAGS);
        List<Value.Field> f = new ArrayList<>();
        f.add(field("flags", Decode.flags("btrfs_balance_flags", flags, "BTRFS_BALANCE_???")));
        if (out) {
            f.add(field("state", Decode.flags("btrfs_balance_state", b.u(BAL_STATE), "BTRFS_BALANCE_STATE_???")));
        }
        if ((flags & BALANCE_DATA) != 0) {
            f.add(field("data", BtrfsValues.balanceArgs(b.slice(BAL_DATA))));
        }
        if ((flags & BALANCE_METADATA) != 0) {
            f.add(field("meta", BtrfsValues.balanceArgs(b.slice(BAL_META))));
        }
        if ((flags & BALANCE_SYSTEM) != 0) {
            f.add(field("sys", BtrfsValues.balanceArgs(b.slice(BAL_SYS))));
        }
        return new Value.Struct(f, false);
    }

    private static Value defragRange(Bytes b) {
        return Decode.struct(field("start", Value.Num.udec(b.u(DF_START))), field("len", BtrfsValues.u64(b.u(DF_LEN))),
                field("flags", Decode.flags("btrfs_defrag_flags", b.u(DF_FLAGS), "BTRFS_DEFRAG_RANGE_???")),
                field("extent_thresh", Value.Num.udec(b.u(DF_THRESH))),
                field("compress_type", Decode.sym("btrfs_compress_types", b.u(DF_COMPRESS), Value.Radix.HEX,
                        "BTRFS_COMPRESS_???")));
    }

    private static Value devInfoIn(Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(field("devid", Decode.dev(b.u(DI_DEVID)))));
        if (!StructFields.zero(b, DI_UUID)) {
            f.add(field("uuid", BtrfsValues.uuid(b, DI_UUID)));
        }
        return new Value.Struct(f, false);
    }

    private static Value devInfoOut(Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        if (!StructFields.zero(b, DI_UUID)) {
            f.add(field("uuid", BtrfsValues.uuid(b, DI_UUID)));
        }
        f.add(field("bytes_used", Value.Num.udec(b.u(DI_USED))));
        f.add(field("total_bytes", Value.Num.udec(b.u(DI_TOTAL))));
        f.add(field("path", StructFields.cstring(b, DI_PATH)));
        return new Value.Struct(f, false);
    }

    private static Value replaceCmd(Bytes b) {
        return Decode.sym("btrfs_dev_replace_cmds", b.u(R_CMD), Value.Radix.HEX, "BTRFS_IOCTL_DEV_REPLACE_CMD_???");
    }

    private static Value replaceIn(Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(field("cmd", replaceCmd(b))));
        if (b.u(R_CMD) == REPLACE_CMD_START) {
            f.add(field("start", Decode.struct(field("srcdevid", Decode.dev(b.u(R_SRCDEVID))),
                    field("cont_reading_from_srcdev_mode", Decode.sym("btrfs_cont_reading_from_srcdev_mode", b.u(R_MODE),
                            Value.Radix.HEX, "BTRFS_IOCTL_DEV_REPLACE_CONT_READING_FROM_SRCDEV_MODE_???")),
                    field("srcdev_name", StructFields.cstring(b, R_SRCNAME)),
                    field("tgtdev_name", StructFields.cstring(b, R_TGTNAME)))));
        }
        return new Value.Struct(f, false);
    }

    /** A time in seconds with its date as a comment (strace's sprinttime: none for 0). */
    private static Value seconds(long t) {
        return t == 0 ? Value.Num.udec(t) : new Value.Commented(Value.Num.udec(t), TimeDecoder.isoTimeNs(t, 0));
    }

    private static Value replaceOut(Bytes b) {
        List<Value.Field> f = new ArrayList<>(List.of(field("result", Decode.sym("btrfs_dev_replace_results",
                b.u(R_RESULT), Value.Radix.HEX, "BTRFS_IOCTL_DEV_REPLACE_RESULT_???"))));
        if (b.u(R_CMD) == REPLACE_CMD_STATUS) {
            long progress = b.u(R_PROGRESS);
            Value permille = Value.Num.udec(progress);
            if (Long.compareUnsigned(progress, 1000) <= 0) {
                permille = new Value.Commented(permille, progress / 10 + "." + progress % 10 + "%");
            }
            f.add(field("status", Decode.struct(field("replace_state", Decode.sym("btrfs_dev_replace_state",
                            b.u(R_STATE), Value.Radix.HEX, "BTRFS_IOCTL_DEV_REPLACE_STATE_???")),
                    field("progress_1000", permille), field("time_started", seconds(b.u(R_STARTED))),
                    field("time_stopped", seconds(b.u(R_STOPPED))),
                    field("num_write_errors", Value.Num.udec(b.u(R_WRITE_ERRORS))),
                    field("num_uncorrectable_read_errors", Value.Num.udec(b.u(R_READ_ERRORS))))));
        }
        return new Value.Struct(f, false);
    }

    private static Value fsInfo(Bytes b) {
        long flags = b.u(FI_FLAGS);
        List<Value.Field> f = new ArrayList<>(List.of(field("max_id", Value.Num.udec(b.u(FI_MAX_ID))),
                field("num_devices", Value.Num.udec(b.u(FI_NUM))), field("fsid", BtrfsValues.uuid(b, FI_FSID)),
                field("nodesize", Value.Num.udec(b.u(FI_NODESIZE))), field("sectorsize", Value.Num.udec(b.u(FI_SECTORSIZE))),
                field("clone_alignment", Value.Num.udec(b.u(FI_ALIGN)))));
        if ((flags & FS_INFO_CSUM) != 0) {
            f.add(field("csum_type", Decode.sym("btrfs_csum_types", b.u(FI_CSUM_TYPE), Value.Radix.HEX,
                    "BTRFS_CSUM_TYPE_???")));
            f.add(field("csum_size", Value.Num.udec(b.u(FI_CSUM_SIZE))));
        }
        f.add(field("flags", Decode.flags("btrfs_fs_info_flags", flags, "BTRFS_FS_INFO_FLAG_???")));
        if ((flags & FS_INFO_GENERATION) != 0) {
            f.add(field("generation", Value.Num.udec(b.u(FI_GENERATION))));
        }
        if ((flags & FS_INFO_METADATA_UUID) != 0) {
            f.add(field("metadata_uuid", BtrfsValues.uuid(b, FI_METADATA_UUID)));
        }
        return new Value.Struct(f, false);
    }

    private static Value devStatsFlags(Bytes b) {
        return Decode.flags("btrfs_dev_stats_flags", b.u(ST_FLAGS), "BTRFS_DEV_STATS_???");
    }

    /** GET_DEV_STATS' answer: the counters by name, as many as nr_items says (at most the array's). */
    private static Value devStatsOut(Bytes b) {
        long n = b.u(ST_NR);
        int max = ST_VALUES.size() / 8;
        Bytes counters = b.slice(ST_VALUES);
        List<Value> values = new ArrayList<>();
        for (long i = 0; Long.compareUnsigned(i, n) < 0 && i < max; i++) {
            values.add(new Value.Indexed(Decode.sym("btrfs_dev_stats_values", i, Value.Radix.UDEC, null, true),
                    Value.Num.udec(counters.s64((int) i * 8))));
        }
        return Decode.struct(field("nr_items", Value.Num.udec(n)), field("flags", devStatsFlags(b)),
                field(null, new Value.Arr(values, Long.compareUnsigned(n, max) > 0)));
    }

    private static Value received(Bytes b) {
        return Decode.struct(field("uuid", BtrfsValues.uuid(b, RV_UUID)), field("stransid", Value.Num.udec(b.u(RV_STRANSID))),
                field("stime", BtrfsValues.timespec(b.u(RV_STIME_SEC), b.u(RV_STIME_NSEC))),
                field("flags", Value.Num.udec(b.u(RV_FLAGS))));
    }

    private static Value scrubIn(Bytes b, boolean range) {
        List<Value.Field> f = new ArrayList<>(List.of(field("devid", Decode.dev(b.u(SC_DEVID)))));
        if (range) {
            f.add(field("start", Value.Num.udec(b.u(SC_START))));
            f.add(field("end", BtrfsValues.u64(b.u(SC_END))));
            f.add(field("flags", Decode.flags("btrfs_scrub_flags", b.u(SC_FLAGS), "BTRFS_SCRUB_???")));
        }
        return new Value.Struct(f, false);
    }

    /** SEND: the clone sources' ids only with -v, else their address. */
    private static Value send(Call c, Bytes b) {
        long sources = b.u(SEND_SOURCES);
        Value cloneSources = c.options.verbose()
                ? IoArrays.array(c, sources, b.u(SEND_COUNT), 8, e -> BtrfsValues.objectid(e.s64(0)))
                : Decode.ptr(sources);
        return Decode.struct(field("send_fd", Decode.fd(c, (int) b.u(SEND_FD))),
                field("clone_sources_count", Value.Num.udec(b.u(SEND_COUNT))), field("clone_sources", cloneSources),
                field("parent_root", BtrfsValues.objectid(b.u(SEND_PARENT))),
                field("flags", Decode.flags("btrfs_send_flags", b.u(SEND_FLAGS), "BTRFS_SEND_FLAGS_???")));
    }

    /** {@code count} feature sets in a row (SET_FEATURES: the mask, then the bits; GET_SUPPORTED_FEATURES: three). */
    private static IoctlArg.Reader featureSets(int count, String... comments) {
        return (c, addr) -> {
            Bytes b = Decode.struct(c, addr, count * FEATURES.size());
            return b == null ? Decode.ptr(addr) : BtrfsValues.featureSets(b, count, comments);
        };
    }

    /** A struct read at entry and, after a successful call, at exit: each time shown its own way. */
    private static IoctlArg inOutStruct(Layout l, BiFunction<Call, Bytes, Value> entry, BiFunction<Call, Bytes, Value> exit) {
        return inOut(structWith(l, entry), structWith(l, exit));
    }

    private static final IoctlArg.Reader U64_BOX = IoctlArg.longBox(Value.Num::udec);
    private static final IoctlArg.Reader SUBVOL_FLAGS = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, 8);
        return b == null ? Decode.ptr(addr) : subvolFlags(b.s64(0));
    };

    private static final RequestMap MAP = new RequestMap()
            .put(IoctlArg.NONE, "BTRFS_IOC_TRANS_START", "BTRFS_IOC_TRANS_END", "BTRFS_IOC_SYNC", "BTRFS_IOC_SCRUB_CANCEL",
                    "BTRFS_IOC_QUOTA_RESCAN_WAIT", "BTRFS_IOC_DEFRAG", "BTRFS_IOC_BALANCE")
            .put(in((c, arg) -> Decode.sym("btrfs_balance_ctl_cmds", arg, Value.Radix.HEX, "BTRFS_BALANCE_CTL_???")),
                    "BTRFS_IOC_BALANCE_CTL")
            .put(out(U64_BOX), "BTRFS_IOC_START_SYNC")
            .put(in(U64_BOX), "BTRFS_IOC_DEFAULT_SUBVOL", "BTRFS_IOC_WAIT_SYNC")
            .put(out(SUBVOL_FLAGS), "BTRFS_IOC_SUBVOL_GETFLAGS")
            .put(in(SUBVOL_FLAGS), "BTRFS_IOC_SUBVOL_SETFLAGS")
            .put(inOutStruct(BALANCE, (c, b) -> balance(b, false), (c, b) -> balance(b, true)), "BTRFS_IOC_BALANCE_V2")
            .put(out(struct(BALANCE, b -> balance(b, true))), "BTRFS_IOC_BALANCE_PROGRESS")
            .put(in(struct(DEFRAG, BtrfsIoctls::defragRange)), "BTRFS_IOC_DEFRAG_RANGE")
            .put(inOutStruct(DEV_INFO, (c, b) -> devInfoIn(b), (c, b) -> devInfoOut(b)), "BTRFS_IOC_DEV_INFO")
            .put(inOutStruct(REPLACE, (c, b) -> replaceIn(b), (c, b) -> replaceOut(b)), "BTRFS_IOC_DEV_REPLACE")
            .put(out(struct(FEATURES, BtrfsValues::features)), "BTRFS_IOC_GET_FEATURES")
            .put(in(featureSets(2)), "BTRFS_IOC_SET_FEATURES")
            .put(out(featureSets(3, "supported", "safe to set", "safe to clear")), "BTRFS_IOC_GET_SUPPORTED_FEATURES")
            .put(out(struct(FS_INFO, BtrfsIoctls::fsInfo)), "BTRFS_IOC_FS_INFO")
            .put(inOutStruct(STATS, (c, b) -> Decode.struct(field("devid", Decode.dev(b.u(ST_DEVID))),
                    field("nr_items", Value.Num.udec(b.u(ST_NR))), field("flags", devStatsFlags(b))),
                    (c, b) -> devStatsOut(b)), "BTRFS_IOC_GET_DEV_STATS")
            .put(in(struct(ASSIGN, b -> Decode.struct(field("assign", Value.Num.udec(b.u(ASSIGN.field("assign")))),
                    field("src", Value.Num.udec(b.u(ASSIGN.field("src")))),
                    field("dst", Value.Num.udec(b.u(ASSIGN.field("dst"))))))), "BTRFS_IOC_QGROUP_ASSIGN")
            .put(in(struct(CREATE, b -> Decode.struct(field("create", Value.Num.udec(b.u(CREATE.field("create")))),
                    field("qgroupid", Value.Num.udec(b.u(CREATE.field("qgroupid"))))))), "BTRFS_IOC_QGROUP_CREATE")
            .put(out(struct(QLIMIT, b -> Decode.struct(field("qgroupid", Value.Num.udec(b.u(QLIMIT.field("qgroupid")))),
                    field("lim", BtrfsValues.qgroupLimit(b.slice(QLIMIT.field("lim"))))))), "BTRFS_IOC_QGROUP_LIMIT")
            .put(in(struct(QUOTA_CTL, b -> Decode.struct(field("cmd", Decode.sym("btrfs_qgroup_ctl_cmds",
                    b.u(QUOTA_CTL.field("cmd")), Value.Radix.HEX, "BTRFS_QUOTA_CTL_???"))))), "BTRFS_IOC_QUOTA_CTL")
            .put(in(struct(RESCAN, b -> Decode.struct(field("flags", Value.Num.udec(b.u(RESCAN.field("flags"))))))),
                    "BTRFS_IOC_QUOTA_RESCAN")
            .put(out(struct(RESCAN, b -> Decode.struct(field("flags", Value.Num.udec(b.u(RESCAN.field("flags")))),
                    field("progress", BtrfsValues.objectid(b.u(RESCAN.field("progress"))))))), "BTRFS_IOC_QUOTA_RESCAN_STATUS")
            .put(inOutStruct(RECEIVED, (c, b) -> received(b), (c, b) -> Decode.struct(
                    field("rtransid", Value.Num.udec(b.u(RV_RTRANSID))),
                    field("rtime", BtrfsValues.timespec(b.u(RV_RTIME_SEC), b.u(RV_RTIME_NSEC))))),
                    "BTRFS_IOC_SET_RECEIVED_SUBVOL")
            .put(inOutStruct(SCRUB, (c, b) -> scrubIn(b, true), (c, b) -> scrubProgress(b)), "BTRFS_IOC_SCRUB")
            .put(inOutStruct(SCRUB, (c, b) -> scrubIn(b, false), (c, b) -> scrubProgress(b)), "BTRFS_IOC_SCRUB_PROGRESS")
            .put(in(structWith(SEND, BtrfsIoctls::send)), "BTRFS_IOC_SEND")
            .put(in(structWith(VOL, BtrfsIoctls::volArgs)), "BTRFS_IOC_SNAP_CREATE", "BTRFS_IOC_RESIZE", "BTRFS_IOC_SCAN_DEV",
                    "BTRFS_IOC_FORGET_DEV", "BTRFS_IOC_ADD_DEV", "BTRFS_IOC_RM_DEV", "BTRFS_IOC_SUBVOL_CREATE",
                    "BTRFS_IOC_SNAP_DESTROY", "BTRFS_IOC_DEVICES_READY")
            .put(inOutStruct(VOL2, BtrfsIoctls::volArgsV2, (c, b) -> Decode.struct(
                    field("transid", Value.Num.udec(b.u(V2_TRANSID))))), "BTRFS_IOC_SNAP_CREATE_V2", "BTRFS_IOC_SUBVOL_CREATE_V2");

    private static Value scrubProgress(Bytes b) {
        return Decode.struct(field("progress", BtrfsValues.scrubProgress(b.slice(SC_PROGRESS))));
    }

    static IoctlArg arg(long code) {
        IoctlArg a = MAP.get(code);
        return a != null ? a : BtrfsQueries.arg(code);
    }
}

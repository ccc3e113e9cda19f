package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** btrfs's requests and the generic ones of type 0x94 (clone, dedupe, label), entry and exit. */
class BtrfsIoctlsTest {
    private static final long SNAP_CREATE = 0x50009401L, SNAP_CREATE_V2 = 0x50009417L, TREE_SEARCH = 0xd0009411L,
            TREE_SEARCH_V2 = 0xc0709411L, INO_LOOKUP = 0xd0009412L, GET_DEV_STATS = 0xc4089434L,
            SPACE_INFO = 0xc0109414L, FIDEDUPERANGE = 0xc0189436L, GET_SUPPORTED_FEATURES = 0x80489439L,
            DEFRAG_RANGE = 0x40309410L, SETFSLABEL = 0x41009432L, FICLONE = 0x40049409L;
    private static final long EBADF = -9, EOVERFLOW = -75;

    private static ByteBuffer withName(int size, int at, String name) {
        ByteBuffer b = IoctlCalls.le(size);
        b.put(at, name.getBytes(StandardCharsets.US_ASCII));
        return b;
    }

    @Test
    void volumeArgsAndLabel() {
        IoctlCalls m = new IoctlCalls();
        long vol = m.put(withName(4096, 8, "snap").putLong(0, 3).array());
        assertEquals("BTRFS_IOC_SNAP_CREATE, {fd=3, name=\"snap\"}", m.call(SNAP_CREATE, vol, EBADF));
        assertEquals("BTRFS_IOC_SNAP_CREATE, NULL", m.call(SNAP_CREATE, 0, EBADF));
        long label = m.put(withName(256, 0, "data").array());
        assertEquals("FS_IOC_SETFSLABEL, \"data\"", m.call(SETFSLABEL, label, EBADF));
        assertEquals("BTRFS_IOC_CLONE or FICLONE, -1", m.call(FICLONE, 0xffffffffL, EBADF));
    }

    @Test
    void subvolumeWithInheritedQgroupsAndItsTransid() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer inherit = IoctlCalls.le(72 + 16).putLong(0, 1).putLong(8, 2).putLong(32, 1).putLong(40, 4096)
                .putLong(72, 257).putLong(80, 258);
        long qgi = m.put(inherit.array());
        long args = m.put(withName(4096, 56, "sub").putLong(0, 5).putLong(16, 4 | 2).putLong(24, 88).putLong(32, qgi).array());
        m.fillAtExit(args, withName(4096, 56, "sub").putLong(0, 5).putLong(8, 77).putLong(16, 6).array());
        String head = "BTRFS_IOC_SNAP_CREATE_V2, {fd=5, flags=BTRFS_SUBVOL_RDONLY|BTRFS_SUBVOL_QGROUP_INHERIT, size=88, "
                + "qgroup_inherit={flags=BTRFS_QGROUP_INHERIT_SET_LIMITS, num_qgroups=2, num_ref_copies=0, num_excl_copies=0, "
                + "lim={flags=BTRFS_QGROUP_LIMIT_MAX_RFER, max_rfer=4096, max_excl=0, rsv_rfer=0, rsv_excl=0}";
        assertEquals(head + ", ...}, name=\"sub\"} => {transid=77}", m.call(SNAP_CREATE_V2, args, 0));
        IoctlCalls v = new IoctlCalls().verbose();
        long again = v.put(withName(4096, 56, "sub").putLong(0, 5).putLong(16, 4 | 2).putLong(24, 88)
                .putLong(32, v.put(inherit.array())).array());
        assertEquals(head + ", qgroups=[257, 258]}, name=\"sub\"}", v.call(SNAP_CREATE_V2, again, EBADF));
    }

    /** A search key over the whole fs tree, {@code found} items at exit. */
    private static ByteBuffer key(int size, int found) {
        return IoctlCalls.le(size).putLong(0, 5).putLong(8, 256).putLong(16, -256).putLong(32, -1).putLong(48, -1)
                .putInt(56, 1).putInt(60, -1).putInt(64, found);
    }

    @Test
    void treeSearchFoundItemsOnlyWithVerbose() {
        IoctlCalls m = new IoctlCalls();
        long args = m.put(key(4096, 10).array());
        ByteBuffer out = key(4096, 2);
        out.putLong(104, 7).putLong(112, 256).putInt(128, 1).putInt(132, 8);
        out.putLong(104 + 40, 8).putLong(112 + 40, 257).putInt(128 + 40, 12).putInt(132 + 40, 0);
        m.fillAtExit(args, out.array());
        String in = "BTRFS_IOC_TREE_SEARCH, {key={tree_id=BTRFS_FS_TREE_OBJECTID, min_offset=0, max_offset=UINT64_MAX, "
                + "min_transid=0, max_transid=UINT64_MAX, min_type=BTRFS_INODE_ITEM_KEY, max_type=UINT32_MAX, nr_items=10}}";
        assertEquals(in + " => {key={nr_items=2}, ...}", m.call(TREE_SEARCH, args, 0));
        assertEquals(in, m.call(TREE_SEARCH, m.put(key(4096, 10).array()), EBADF));
        IoctlCalls v = new IoctlCalls().verbose();
        long again = v.put(key(4096, 10).array());
        v.fillAtExit(again, out.array());
        String verbose = v.call(TREE_SEARCH, again, 0);
        assertEquals("BTRFS_IOC_TREE_SEARCH, {key={tree_id=BTRFS_FS_TREE_OBJECTID, min_objectid=BTRFS_FIRST_FREE_OBJECTID, "
                + "max_objectid=BTRFS_LAST_FREE_OBJECTID, min_offset=0, max_offset=UINT64_MAX, min_transid=0, "
                + "max_transid=UINT64_MAX, min_type=BTRFS_INODE_ITEM_KEY, max_type=UINT32_MAX, nr_items=10}} => "
                + "{key={nr_items=2}, buf=[{transid=7, objectid=BTRFS_FIRST_FREE_OBJECTID, offset=0, "
                + "type=BTRFS_INODE_ITEM_KEY, len=8}, {transid=8, objectid=257, offset=0, type=BTRFS_INODE_REF_KEY, len=0}]}",
                verbose);
    }

    @Test
    void treeSearchV2ReportsTheSizeItNeedsOnOverflow() {
        IoctlCalls m = new IoctlCalls();
        long args = m.put(key(112, 1).putLong(104, 16).array());
        m.fillAtExit(args, key(112, 1).putLong(104, 4096).array());
        assertEquals("0xc0709411 /* BTRFS_IOC_TREE_SEARCH_V2 */, {key={tree_id=5 /* BTRFS_FS_TREE_OBJECTID */, "
                + "min_offset=0, max_offset=18446744073709551615 /* UINT64_MAX */, min_transid=0, "
                + "max_transid=18446744073709551615 /* UINT64_MAX */, min_type=1 /* BTRFS_INODE_ITEM_KEY */, "
                + "max_type=4294967295 /* UINT32_MAX */, nr_items=1}, buf_size=16} => {buf_size=4096}",
                m.call(TREE_SEARCH_V2, args, EOVERFLOW, DecodeOptions.Xstyle.VERBOSE));
    }

    @Test
    void inodeLookupShowsTheTreeTheKernelChose() {
        IoctlCalls m = new IoctlCalls();
        long args = m.put(IoctlCalls.le(4096).putLong(8, 256).array());
        m.fillAtExit(args, withName(4096, 16, "dir/file").putLong(0, 257).putLong(8, 256).array());
        assertEquals("BTRFS_IOC_INO_LOOKUP, {treeid=0, objectid=BTRFS_FIRST_FREE_OBJECTID} => {treeid=257, "
                + "name=\"dir/file\"}", m.call(INO_LOOKUP, args, 0));
        long given = m.put(IoctlCalls.le(4096).putLong(0, 5).putLong(8, 256).array());
        m.fillAtExit(given, withName(4096, 16, "f").putLong(0, 5).array());
        assertEquals("BTRFS_IOC_INO_LOOKUP, {treeid=BTRFS_FS_TREE_OBJECTID, objectid=BTRFS_FIRST_FREE_OBJECTID} => "
                + "{name=\"f\"}", m.call(INO_LOOKUP, given, 0));
    }

    @Test
    void deviceStatsByName() {
        IoctlCalls m = new IoctlCalls();
        long args = m.put(IoctlCalls.le(1032).putLong(0, 0x801).putLong(8, 6).putLong(16, 1).array());
        m.fillAtExit(args, IoctlCalls.le(1032).putLong(8, 6).putLong(24, 3).putLong(56, 9).array());
        assertEquals("BTRFS_IOC_GET_DEV_STATS, {devid=makedev(0x8, 0x1), nr_items=6, flags=BTRFS_DEV_STATS_RESET} => "
                + "{nr_items=6, flags=0, [[BTRFS_DEV_STAT_WRITE_ERRS]=3, [BTRFS_DEV_STAT_READ_ERRS]=0, "
                + "[BTRFS_DEV_STAT_FLUSH_ERRS]=0, [BTRFS_DEV_STAT_CORRUPTION_ERRS]=0, [BTRFS_DEV_STAT_GENERATION_ERRS]=9, ...]}",
                m.call(GET_DEV_STATS, args, 0));
    }

    @Test
    void spaceInfo() {
        IoctlCalls m = new IoctlCalls();
        long count = m.put(IoctlCalls.le(16).array());
        m.fillAtExit(count, IoctlCalls.le(16).putLong(8, 3).array());
        assertEquals("BTRFS_IOC_SPACE_INFO, {space_slots=0} => {total_spaces=3}", m.call(SPACE_INFO, count, 0));
        long spaces = m.put(IoctlCalls.le(16 + 24).putLong(0, 1).array());
        m.fillAtExit(spaces, IoctlCalls.le(16 + 24).putLong(0, 1).putLong(8, 1).putLong(16, 1).putLong(24, 100)
                .putLong(32, 50).array());
        assertEquals("BTRFS_IOC_SPACE_INFO, {space_slots=1} => {total_spaces=1, ...}", m.call(SPACE_INFO, spaces, 0));
        assertEquals("BTRFS_IOC_SPACE_INFO, {space_slots=1} => {total_spaces=1, spaces=[{flags=BTRFS_BLOCK_GROUP_DATA, "
                + "total_bytes=100, used_bytes=50}]}", m.verbose().call(SPACE_INFO, spaces, 0));
    }

    @Test
    void dedupeShowsTwoDestinationsWithoutVerbose() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer in = IoctlCalls.le(24 + 3 * 32).putLong(0, 1024).putLong(8, 4096).putShort(16, (short) 3);
        for (int i = 0; i < 3; i++) {
            in.putLong(24 + i * 32, 4).putLong(24 + i * 32 + 8, i * 4096L);
        }
        long args = m.put(in.array());
        ByteBuffer out = ByteBuffer.wrap(in.array().clone()).order(in.order());
        out.putLong(24 + 16, 4096).putInt(24 + 24, 0).putLong(24 + 32 + 16, 0).putInt(24 + 32 + 24, 1);
        m.fillAtExit(args, out.array());
        assertEquals("BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=1024, src_length=4096, dest_count=3, "
                + "info=[{dest_fd=4, dest_offset=0}, {dest_fd=4, dest_offset=4096}, ...]} => {info=[{bytes_deduped=4096, "
                + "status=0}, {bytes_deduped=0, status=1}, ...]}", m.call(FIDEDUPERANGE, args, 0));
        long none = m.put(IoctlCalls.le(24).putLong(0, 1).array());
        assertEquals("BTRFS_IOC_FILE_EXTENT_SAME or FIDEDUPERANGE, {src_offset=1, src_length=0, dest_count=0, info=[]}",
                m.call(FIDEDUPERANGE, none, 0));
    }

    @Test
    void supportedFeaturesAndDefrag() {
        IoctlCalls m = new IoctlCalls();
        long features = m.put(new byte[72]);
        m.fillAtExit(features, IoctlCalls.le(72).putLong(8, 1).putLong(16, 0x10).putLong(24 + 8, 2).array());
        assertEquals("BTRFS_IOC_GET_SUPPORTED_FEATURES, [{compat_flags=0, compat_ro_flags=BTRFS_FEATURE_COMPAT_RO_FREE_SPACE_TREE, "
                + "incompat_flags=BTRFS_FEATURE_INCOMPAT_COMPRESS_ZSTD} /* supported */, {compat_flags=0, "
                + "compat_ro_flags=BTRFS_FEATURE_COMPAT_RO_FREE_SPACE_TREE_VALID, incompat_flags=0} /* safe to set */, "
                + "{compat_flags=0, compat_ro_flags=0, incompat_flags=0} /* safe to clear */]",
                m.call(GET_SUPPORTED_FEATURES, features, 0));
        assertEquals("BTRFS_IOC_GET_SUPPORTED_FEATURES, 0x" + Long.toHexString(features),
                m.call(GET_SUPPORTED_FEATURES, features, EBADF));
        long defrag = m.put(IoctlCalls.le(48).putLong(8, -1).putLong(16, 1).putInt(24, 65536).putInt(28, 9).array());
        assertEquals("BTRFS_IOC_DEFRAG_RANGE, {start=0, len=UINT64_MAX, flags=BTRFS_DEFRAG_RANGE_COMPRESS, "
                + "extent_thresh=65536, compress_type=0x9 /* BTRFS_COMPRESS_??? */}", m.call(DEFRAG_RANGE, defrag, EBADF));
    }
}

/*
 * Block and storage ioctls as tools such as losetup and btrfs-progs make them, on a regular file (which answers
 * ENOTTY) and on a bad fd, with filled, NULL and unreadable arguments: tracers print what the
 * program passed, and what it got only when the call succeeded.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/blkpg.h>
#include <linux/btrfs.h>
#include <linux/dm-ioctl.h>
#include <linux/nbd.h>
#include <linux/btrfs_tree.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <mtd/mtd-abi.h>
#include <mtd/ubi-user.h>
#include <linux/bsg.h>
#include <scsi/sg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static void loop_ioctls(int file) {
    struct loop_info64 info64;
    memset(&info64, 0, sizeof(info64));
    info64.lo_offset = 4096;
    info64.lo_sizelimit = 1 << 20;
    info64.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR | 0x100;
    strcpy((char *) info64.lo_file_name, "/tmp/disk.img");
    ioctl(file, LOOP_GET_STATUS64, &info64);
    ioctl(file, LOOP_SET_STATUS64, &info64);
    info64.lo_encrypt_type = LO_CRYPT_XOR;
    info64.lo_encrypt_key_size = 3;
    memcpy(info64.lo_encrypt_key, "k\0y", 3);
    strcpy((char *) info64.lo_crypt_name, "xor");
    ioctl(-1, LOOP_SET_STATUS64, &info64);

    struct loop_info info;
    memset(&info, 0xa5, sizeof(info));
    info.lo_encrypt_type = LO_CRYPT_NONE;
    strcpy(info.lo_name, "old-style");
    ioctl(file, LOOP_SET_STATUS, &info);
    ioctl(file, LOOP_GET_STATUS, &info);

    struct loop_config config;
    memset(&config, 0, sizeof(config));
    config.fd = file;
    config.block_size = 512;
    config.info = info64;
    ioctl(-1, LOOP_CONFIGURE, &config);
    config.__reserved[3] = 0xfeed;
    ioctl(-1, LOOP_CONFIGURE, &config);

    ioctl(-1, LOOP_SET_FD, file);
    ioctl(-1, LOOP_CHANGE_FD, -1);
    ioctl(-1, LOOP_CLR_FD);
    ioctl(-1, LOOP_SET_CAPACITY);
    ioctl(-1, LOOP_SET_DIRECT_IO, 1UL);
    ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096UL);
    ioctl(-1, LOOP_CTL_ADD, 7);
    ioctl(-1, LOOP_CTL_REMOVE, -2);
    ioctl(-1, LOOP_CTL_GET_FREE);
    ioctl(-1, LOOP_SET_STATUS, NULL);
    ioctl(-1, LOOP_GET_STATUS64, NULL);
}

/*
 * btrfs requests as btrfs-progs makes them: those that change a file system only on a bad fd
 * (a label set on the temporary file would rename the file system it lives on), the rest on the
 * temporary file too, where another file system answers ENOTTY.
 */
static void btrfs_ioctls(int file) {
    struct btrfs_ioctl_vol_args vol;
    memset(&vol, 0, sizeof(vol));
    vol.fd = file;
    strcpy(vol.name, "snapshot");
    ioctl(-1, BTRFS_IOC_SNAP_CREATE, &vol);
    ioctl(-1, BTRFS_IOC_SCAN_DEV, &vol);

    struct {
        struct btrfs_qgroup_inherit head;
        uint64_t qgroups[2];
    } inherit;
    memset(&inherit, 0, sizeof(inherit));
    inherit.head.flags = BTRFS_QGROUP_INHERIT_SET_LIMITS;
    inherit.head.num_qgroups = 2;
    inherit.head.lim.flags = BTRFS_QGROUP_LIMIT_MAX_RFER;
    inherit.head.lim.max_rfer = 1 << 30;
    inherit.qgroups[0] = 257;
    inherit.qgroups[1] = 1UL << 48 | 5;
    struct btrfs_ioctl_vol_args_v2 vol2;
    memset(&vol2, 0, sizeof(vol2));
    vol2.fd = file;
    vol2.flags = BTRFS_SUBVOL_RDONLY | BTRFS_SUBVOL_QGROUP_INHERIT;
    vol2.size = sizeof(inherit);
    vol2.qgroup_inherit = &inherit.head;
    strcpy(vol2.name, "subvolume");
    ioctl(-1, BTRFS_IOC_SUBVOL_CREATE_V2, &vol2);
    uint64_t flags = BTRFS_SUBVOL_RDONLY;
    ioctl(-1, BTRFS_IOC_SUBVOL_SETFLAGS, &flags);
    ioctl(file, BTRFS_IOC_SUBVOL_GETFLAGS, &flags);

    struct btrfs_ioctl_search_args_v2 search;
    memset(&search, 0, sizeof(search));
    search.key.tree_id = BTRFS_FS_TREE_OBJECTID;
    search.key.min_objectid = BTRFS_FIRST_FREE_OBJECTID;
    search.key.max_objectid = (uint64_t) -1;
    search.key.max_offset = (uint64_t) -1;
    search.key.max_transid = (uint64_t) -1;
    search.key.min_type = BTRFS_INODE_ITEM_KEY;
    search.key.max_type = BTRFS_INODE_REF_KEY;
    search.key.nr_items = 16;
    search.buf_size = 0;
    ioctl(file, BTRFS_IOC_TREE_SEARCH_V2, &search);

    struct btrfs_ioctl_balance_args balance;
    memset(&balance, 0, sizeof(balance));
    balance.flags = BTRFS_BALANCE_DATA | BTRFS_BALANCE_METADATA;
    balance.data.flags = BTRFS_BALANCE_ARGS_USAGE;
    balance.data.usage = 50;
    balance.meta.profiles = BTRFS_BLOCK_GROUP_DUP;
    balance.meta.pend = (uint64_t) -1;
    ioctl(-1, BTRFS_IOC_BALANCE_V2, &balance);
    ioctl(-1, BTRFS_IOC_BALANCE_CTL, BTRFS_BALANCE_CTL_PAUSE);

    struct btrfs_ioctl_dev_info_args dev;
    memset(&dev, 0, sizeof(dev));
    dev.devid = 1;
    memcpy(dev.uuid, "\x01\x23\x45\x67\x89\xab\xcd\xef\xfe\xdc\xba\x98\x76\x54\x32\x10", 16);
    ioctl(-1, BTRFS_IOC_DEV_INFO, &dev);

    struct btrfs_ioctl_received_subvol_args received;
    memset(&received, 0, sizeof(received));
    received.stransid = 42;
    received.stime.sec = 1463193386;
    received.stime.nsec = 12345;
    ioctl(-1, BTRFS_IOC_SET_RECEIVED_SUBVOL, &received);

    __u64 sources[] = {BTRFS_FIRST_FREE_OBJECTID, 300};
    struct btrfs_ioctl_send_args send;
    memset(&send, 0, sizeof(send));
    send.send_fd = file;
    send.clone_sources_count = 2;
    send.clone_sources = sources;
    send.flags = BTRFS_SEND_FLAG_NO_FILE_DATA;
    ioctl(-1, BTRFS_IOC_SEND, &send);

    struct btrfs_ioctl_defrag_range_args defrag;
    memset(&defrag, 0, sizeof(defrag));
    defrag.len = (uint64_t) -1;
    defrag.flags = BTRFS_DEFRAG_RANGE_COMPRESS;
    defrag.compress_type = 3;
    ioctl(file, BTRFS_IOC_DEFRAG_RANGE, &defrag);

    struct btrfs_ioctl_get_dev_stats stats;
    memset(&stats, 0, sizeof(stats));
    stats.devid = 1;
    stats.nr_items = BTRFS_DEV_STAT_VALUES_MAX;
    ioctl(-1, BTRFS_IOC_GET_DEV_STATS, &stats);
    struct btrfs_ioctl_space_args space = {0};
    ioctl(file, BTRFS_IOC_SPACE_INFO, &space);
    ioctl(file, BTRFS_IOC_SYNC);
    ioctl(file, BTRFS_IOC_FS_INFO, NULL);

    ioctl(-1, FICLONE, file);
    struct file_clone_range clone = {.src_fd = file, .src_offset = 4096, .src_length = 8192, .dest_offset = 0};
    ioctl(file, FICLONERANGE, &clone);
    struct {
        struct file_dedupe_range head;
        struct file_dedupe_range_info info[3];
    } dedupe;
    memset(&dedupe, 0, sizeof(dedupe));
    dedupe.head.src_length = 4096;
    dedupe.head.dest_count = 3;
    for (int i = 0; i < 3; i++) {
        dedupe.info[i].dest_fd = file;
        dedupe.info[i].dest_offset = i * 4096;
    }
    ioctl(file, FIDEDUPERANGE, &dedupe);
    char label[FSLABEL_MAX] = "backup";
    ioctl(-1, FS_IOC_SETFSLABEL, label);
    ioctl(file, FS_IOC_GETFSLABEL, label);
}

/* Flash (MTD) requests as mtd-utils makes them; on the temporary file they fail with ENOTTY. */
static void mtd_ioctls(int file) {
    struct mtd_info_user info;
    ioctl(file, MEMGETINFO, &info);
    struct erase_info_user erase = {.start = 0x20000, .length = 0x20000};
    ioctl(-1, MEMERASE, &erase);
    struct erase_info_user64 erase64 = {.start = 1ULL << 33, .length = 0x40000};
    ioctl(-1, MEMERASE64, &erase64);
    unsigned char oob[64];
    struct mtd_oob_buf64 oobbuf = {.start = 0x800, .length = sizeof(oob), .usr_ptr = (uintptr_t) oob};
    ioctl(-1, MEMREADOOB64, &oobbuf);
    struct mtd_write_req req = {.start = 0x1000, .len = 2048, .ooblen = 64, .usr_data = (uintptr_t) oob,
                                .mode = MTD_OPS_AUTO_OOB};
    ioctl(-1, MEMWRITE, &req);
    loff_t block = 0x40000;
    ioctl(file, MEMGETBADBLOCK, &block);
    int mode = MTD_OTP_USER;
    ioctl(-1, OTPSELECT, &mode);
    ioctl(-1, MTDFILEMODE, MTD_FILE_MODE_RAW);
    struct region_info_user region = {.regionindex = 1};
    ioctl(file, MEMGETREGIONINFO, &region);
    struct otp_info otp = {.start = 0, .length = 64, .locked = 1};
    ioctl(-1, OTPLOCK, &otp);
    int count;
    ioctl(file, OTPGETREGIONCOUNT, &count);
    struct mtd_ecc_stats stats;
    ioctl(file, ECCGETSTATS, &stats);
}

/* UBI requests as ubimkvol, ubirename and ubiattach make them, on a bad fd. */
static void ubi_ioctls(void) {
    struct ubi_mkvol_req mkvol = {.vol_id = UBI_VOL_NUM_AUTO, .alignment = 1, .bytes = 1 << 20,
                                  .vol_type = UBI_DYNAMIC_VOLUME, .name_len = 6};
    strcpy(mkvol.name, "rootfs");
    ioctl(-1, UBI_IOCMKVOL, &mkvol);
    struct ubi_rnvol_req rename;
    memset(&rename, 0, sizeof(rename));
    rename.count = 2;
    rename.ents[0].vol_id = 0;
    rename.ents[0].name_len = 3;
    strcpy(rename.ents[0].name, "old");
    rename.ents[1].vol_id = 1;
    rename.ents[1].name_len = 2;
    strcpy(rename.ents[1].name, "new");
    ioctl(-1, UBI_IOCRNVOL, &rename);
    struct ubi_attach_req attach = {.ubi_num = UBI_DEV_NUM_AUTO, .mtd_num = 3};
    ioctl(-1, UBI_IOCATT, &attach);
    struct ubi_rsvol_req resize = {.bytes = 1 << 22, .vol_id = 2};
    ioctl(-1, UBI_IOCRSVOL, &resize);
    int32_t volume = 2;
    ioctl(-1, UBI_IOCRMVOL, &volume);
    int64_t bytes = 4096;
    ioctl(-1, UBI_IOCVOLUP, &bytes);
    struct ubi_set_vol_prop_req prop = {.property = UBI_VOL_PROP_DIRECT_WRITE, .value = 1};
    ioctl(-1, UBI_IOCSETVOLPROP, &prop);
    ioctl(-1, UBI_IOCVOLCRBLK, NULL);
}

/* SCSI generic requests as sg3_utils makes them: SG_IO in both header versions, on the file (ENOTTY) and a bad fd. */
static void scsi_ioctls(int file) {
    unsigned char inquiry[6] = {0x12, 0, 0, 0, 96, 0}, reply[96], sense[32];
    memset(reply, 0x5a, sizeof(reply));
    memset(sense, 0, sizeof(sense));
    struct sg_io_hdr v3;
    memset(&v3, 0, sizeof(v3));
    v3.interface_id = 'S';
    v3.dxfer_direction = SG_DXFER_FROM_DEV;
    v3.cmd_len = sizeof(inquiry);
    v3.cmdp = inquiry;
    v3.mx_sb_len = sizeof(sense);
    v3.sbp = sense;
    v3.dxfer_len = sizeof(reply);
    v3.dxferp = reply;
    v3.timeout = 20000;
    ioctl(file, SG_IO, &v3);
    v3.dxfer_direction = SG_DXFER_TO_DEV;
    v3.dxfer_len = 4;
    memcpy(reply, "\x01\x02\x03\x04", 4);
    v3.flags = SG_FLAG_DIRECT_IO;
    ioctl(-1, SG_IO, &v3);

    struct sg_io_v4 v4;
    memset(&v4, 0, sizeof(v4));
    v4.guard = 'Q';
    v4.protocol = BSG_PROTOCOL_SCSI;
    v4.subprotocol = BSG_SUB_PROTOCOL_SCSI_CMD;
    v4.request_len = sizeof(inquiry);
    v4.request = (uintptr_t) inquiry;
    v4.max_response_len = sizeof(sense);
    v4.response = (uintptr_t) sense;
    v4.din_xfer_len = sizeof(reply);
    v4.din_xferp = (uintptr_t) reply;
    ioctl(-1, SG_IO, &v4);
    int unknown = 'Z';
    ioctl(-1, SG_IO, &unknown);

    int version;
    ioctl(file, SG_GET_VERSION_NUM, &version);
    int timeout = 30;
    ioctl(-1, SG_SET_TIMEOUT, &timeout);
    int reset = SG_SCSI_RESET_DEVICE | 0x100;
    ioctl(-1, SG_SCSI_RESET, &reset);
    struct sg_scsi_id id;
    ioctl(file, SG_GET_SCSI_ID, &id);
}

/* Block device requests as blockdev, blkdiscard and partx make them; on the temporary file they fail. */
static void block_ioctls(int file) {
    unsigned long long size64;
    ioctl(file, BLKGETSIZE64, &size64);
    int ssz;
    ioctl(file, BLKSSZGET, &ssz);
    unsigned short sect;
    ioctl(file, BLKSECTGET, &sect);
    int ro = 1;
    ioctl(-1, BLKROSET, &ro);
    uint64_t range[2] = {0, 1 << 20};
    ioctl(-1, BLKDISCARD, range);
    ioctl(-1, BLKRASET, 256UL);
    struct blkpg_partition part = {.start = 1 << 20, .length = 1 << 30, .pno = 1};
    strcpy(part.devname, "sda1");
    struct blkpg_ioctl_arg pg = {.op = BLKPG_ADD_PARTITION, .datalen = sizeof(part), .data = &part};
    ioctl(-1, BLKPG, &pg);
    ioctl(-1, BLKFLSBUF);
    ioctl(-1, NBD_SET_SOCK, file);
    ioctl(-1, NBD_SET_SIZE, 1UL << 30);
    ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | NBD_FLAG_SEND_TRIM | 0x10000);
    ioctl(-1, NBD_DO_IT);
}

/* Device mapper requests as libdevmapper makes them, on a bad fd: a header, and a table after it. */
static void dm_ioctls(void) {
    struct {
        struct dm_ioctl head;
        struct dm_target_spec spec;
        char params[16];
    } dm;
    memset(&dm, 0, sizeof(dm));
    dm.head.version[0] = DM_VERSION_MAJOR;
    dm.head.version[1] = 4;
    dm.head.data_size = sizeof(dm);
    dm.head.data_start = sizeof(dm.head);
    ioctl(-1, DM_VERSION, &dm.head);
    strcpy(dm.head.name, "vg-root");
    dm.head.dev = 0xfd01;
    ioctl(-1, DM_DEV_STATUS, &dm.head);
    dm.head.target_count = 1;
    dm.spec.length = 2048;
    strcpy(dm.spec.target_type, "linear");
    strcpy(dm.params, "8:1 0");
    ioctl(-1, DM_TABLE_LOAD, &dm.head);
    dm.head.flags = DM_SUSPEND_FLAG;
    ioctl(-1, DM_DEV_SUSPEND, &dm.head);
    dm.head.version[0] = 3;
    ioctl(-1, DM_LIST_DEVICES, &dm.head);
}

int main(void) {
    char path[] = "/tmp/blockioctls-XXXXXX";
    int file = mkstemp(path);
    if (file < 0) {
        return 2;
    }
    unlink(path);
    /* An argument that ends where readable memory ends. */
    char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page + 4096, 4096);
    loop_ioctls(file);
    btrfs_ioctls(file);
    mtd_ioctls(file);
    ubi_ioctls();
    scsi_ioctls(file);
    block_ioctls(file);
    dm_ioctls();
    ioctl(-1, LOOP_SET_STATUS64, page + 4096 - 8);
    ioctl(-1, LOOP_CONFIGURE, page + 4096 - 8);
    ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, page + 4096 - 8);
    ioctl(-1, FIDEDUPERANGE, page + 4096 - 24);
    close(file);
    return 0;
}

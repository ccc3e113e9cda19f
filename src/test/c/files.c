/* A tracee making file, filesystem and I/O calls, their edge cases included, so that jstrace's
 * lines can be compared with strace's on the same run: openat2 with newer fields, statx flags,
 * poll's negative fds, fcntl commands, the mount API, quotactl, io_uring, AIO, memfd, fanotify,
 * lookup_dcookie.
 * Calls that need privileges fail the same way under both tracers. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/io_uring.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <linux/quota.h>
#include <sys/fanotify.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    /* openat2: an open_how as large as a newer caller's, its extra bytes non-zero */
    char how_buf[32] = {0};
    struct open_how *how = (struct open_how *) how_buf;
    how->flags = O_RDONLY | O_CLOEXEC;
    syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", how, sizeof(struct open_how));
    how_buf[30] = 1;
    syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", how, sizeof how_buf);

    /* statx: both sync types, an unknown mask bit */
    struct statx stx;
    syscall(SYS_statx, AT_FDCWD, "/etc", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, STATX_ALL, &stx);
    syscall(SYS_statx, AT_FDCWD, "/etc", AT_SYMLINK_NOFOLLOW, 0x80000000u, &stx);

    /* poll: a negative fd has no events; select with sets read back empty */
    int fds[2];
    pipe2(fds, O_CLOEXEC);
    write(fds[1], "x", 1);
    struct pollfd p[3] = {{-1, POLLIN, 0}, {fds[0], POLLIN, 0}, {fds[1], POLLOUT | 0x4000, 0}};
    poll(p, 3, 0);
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fds[0], &set);
    struct timeval tv = {0, 0};
    fd_set set2 = set, set3 = set;
    select(fds[0] + 1, &set, &set2, &set3, &tv);
    struct timespec ts = {0, 999999999};
    syscall(SYS_ppoll, NULL, 0, &ts, NULL, 8);

    /* fcntl: every kind of argument */
    fcntl(fds[0], F_NOTIFY, DN_ACCESS | DN_MULTISHOT);
    fcntl(fds[0], F_GETLEASE);
    fcntl(fds[0], F_SETFD, 2);
    fcntl(fds[0], F_GETPIPE_SZ);
    fcntl(fds[0], 0x7ff, 10);
    struct flock fl = {F_RDLCK, SEEK_SET, 0, 100, 0};
    fcntl(fds[0], F_GETLK, &fl);

    /* epoll: DEL ignores the event; pwait2's timeout and mask */
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {EPOLLIN, {.u64 = 7}};
    epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev);
    epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], &ev);
    uint64_t mask = 0;
    syscall(SYS_epoll_pwait2, ep, &ev, 1, &ts, &mask, 8);

    /* sendfile with an offset that moves */
    int f = open("/etc/passwd", O_RDONLY);
    off_t off = 2;
    sendfile(fds[1], f, &off, 3);

    /* umode_t, mknod's device, paths */
    syscall(SYS_mkdir, "no-such-dir/x", 0xffff0755);
    syscall(SYS_mknod, "no-such-dir/x", S_IFCHR | 0600, 0xdeadbeef00000103);
    syscall(SYS_utimensat, AT_FDCWD, "no-such-file",
            (struct timespec[]) {{1, UTIME_NOW}, {2, UTIME_OMIT}}, AT_SYMLINK_NOFOLLOW);
    syscall(SYS_faccessat2, AT_FDCWD, "/etc/passwd", R_OK, 0x1);
    syscall(SYS_close_range, 1000, 1001, 0x8);
    syscall(SYS_dup3, fds[0], 100, 0x1);
    syscall(SYS_fadvise64, f, 0, 10, 0x1234);
    syscall(SYS_ustat, 0x103, NULL);

    /* mount, umount2 and the mount API, failing where privileges or devices are missing */
    syscall(SYS_mount, "none", "no-such-dir", "tmpfs", 0xc0ed0000 | MS_RDONLY, "size=1k");
    syscall(SYS_mount, "none", "no-such-dir", "tmpfs", MS_REMOUNT, NULL);
    syscall(SYS_mount, "none", "no-such-dir", NULL, MS_BIND | MS_REC, NULL);
    syscall(SYS_umount2, "no-such-dir", 0x100);
    syscall(SYS_fsopen, "no-such-fs", FSOPEN_CLOEXEC);
    syscall(SYS_fspick, AT_FDCWD, "no-such-dir", FSPICK_CLOEXEC | 0x100);
    syscall(SYS_open_tree, -1, "no-such-dir", OPEN_TREE_CLONE | AT_RECURSIVE);
    syscall(SYS_move_mount, AT_FDCWD, "a", AT_FDCWD, "b", MOVE_MOUNT_F_EMPTY_PATH);
    syscall(SYS_fsconfig, -1, FSCONFIG_SET_STRING, "source", "none", 0);
    syscall(SYS_fsconfig, -1, FSCONFIG_SET_PATH, "source", "/etc", AT_FDCWD);
    syscall(SYS_fsmount, -1, 0, MOUNT_ATTR_RDONLY);
    struct mount_attr attr = {MOUNT_ATTR_NOSUID, MOUNT_ATTR_NODEV, MS_SLAVE, 0};
    syscall(SYS_mount_setattr, -1, "", AT_EMPTY_PATH, &attr, sizeof attr);

    /* quotactl by command */
    struct if_dqblk dq = {0};
    syscall(SYS_quotactl, QCMD(Q_GETQUOTA, USRQUOTA), "/dev/no-such-dev", 0, &dq);
    syscall(SYS_quotactl, QCMD(Q_QUOTAON, GRPQUOTA), "/dev/no-such-dev", QFMT_VFS_V1, "/no-such-file");
    syscall(SYS_quotactl, QCMD(Q_SYNC, USRQUOTA), NULL);
    syscall(SYS_quotactl, 0xbadc0ded, NULL, 0, NULL);

    /* memfd: the name, huge page sizes; its fd under -y is a deleted file */
    int m = syscall(SYS_memfd_create, "jstrace", MFD_CLOEXEC);
    fsync(m);
    syscall(SYS_memfd_create, "x", MFD_HUGETLB | (21u << 26) /* MFD_HUGE_SHIFT */ | 0x100);

    /* io_uring: a real ring, a probe the kernel fills, a bad opcode */
    struct io_uring_params params = {0};
    int ring = syscall(SYS_io_uring_setup, 4, &params);
    char probe[sizeof(struct io_uring_probe) + 4 * sizeof(struct io_uring_probe_op)] = {0};
    syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, probe, 4);
    syscall(SYS_io_uring_register, ring, 0xbadc0ded, NULL, 0);
    syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS | 0x100, NULL, 8);

    /* AIO: a read submitted and reaped */
    aio_context_t ctx = 0;
    syscall(SYS_io_setup, 4, &ctx);
    char buf[16];
    struct iocb cb = {.aio_data = 42, .aio_lio_opcode = IOCB_CMD_PREAD, .aio_fildes = f,
                      .aio_buf = (uintptr_t) buf, .aio_nbytes = sizeof buf};
    struct iocb *cbs[1] = {&cb};
    syscall(SYS_io_submit, ctx, 1, cbs);
    struct io_event events[1];
    syscall(SYS_io_getevents, ctx, 1, 1, events, NULL);
    syscall(SYS_io_destroy, ctx);

    /* fanotify: privileged, and a mark on a bad fd */
    syscall(SYS_fanotify_init, FAN_CLASS_NOTIF | FAN_CLOEXEC, O_RDONLY);
    syscall(SYS_fanotify_mark, -1, FAN_MARK_ADD, FAN_OPEN | FAN_ONDIR, -1, NULL);

    /* lookup_dcookie: the cookie unsigned, the buffer's address when the call fails */
    syscall(SYS_lookup_dcookie, 0xf157feeddeadfaceULL, buf, 4096);
    syscall(SYS_lookup_dcookie, 0, NULL, -1L);
    return 0;
}

# files syscalls: name  return-kind  argument-kinds...  (kinds: io.jstrace.decode.*Kinds)
open              fd     path open_flags open_mode
openat            fd     dirfd path open_flags open_mode
openat2           fd     dirfd path open_how ulong
creat             fd     path oct
close             dec    fd
access            dec    path access_mode
faccessat         dec    dirfd path access_mode
faccessat2        dec    dirfd path access_mode flags32:faccessat_flags
stat              dec    path stat
lstat             dec    path stat
fstat             dec    fd stat
newfstatat        dec    dirfd path stat flags32:at_flags
statx             dec    dirfd path statx_flags flags32:statx_masks statx
statfs            dec    path statfs
fstatfs           dec    fd statfs
readlink          dec    path rbuf ulong
readlinkat        dec    dirfd path rbuf ulong
getdents64        dec    fd dirents uint
getcwd            dec    cwd_buf ulong
chdir             dec    path
fchdir            dec    fd
chroot            dec    path
mkdir             dec    path oct
mkdirat           dec    dirfd path oct
rmdir             dec    path
unlink            dec    path
unlinkat          dec    dirfd path flags32:at_flags
rename            dec    path path
renameat          dec    dirfd path dirfd path
renameat2         dec    dirfd path dirfd path flags32:renameat2_flags
link              dec    path path
linkat            dec    dirfd path dirfd path flags32:at_flags
symlink           dec    link_target path
symlinkat         dec    link_target dirfd path
chmod             dec    path oct
fchmod            dec    fd oct
fchmodat          dec    dirfd path oct
chown             dec    path file_id file_id
fchown            dec    fd file_id file_id
lchown            dec    path file_id file_id
fchownat          dec    dirfd path file_id file_id flags32:at_flags
umask             oct    oct
truncate          dec    path long
ftruncate         dec    fd long
utimensat         dec    dirfd path utimes flags32:at_flags
utimes            dec    path utimes_tv
futimesat         dec    dirfd path utimes_tv
utime             dec    path utimbuf
lseek             dec    fd long file_whence
dup               fd     fd
dup2              fd     fd fd
dup3              fd     fd fd flags32:open_mode_flags
pipe              dec    pipefds
pipe2             dec    pipefds flags32:open_mode_flags
fcntl             fcntl  fd fcntl_cmd fcntl_arg
flock             dec    fd flock_op
fsync             dec    fd
fdatasync         dec    fd
syncfs            dec    fd
sync              dec
fallocate         dec    fd flags32:falloc_flags long long
fadvise64         dec    fd long long file_advice
sendfile          dec    fd fd sendfile_off ulong
copy_file_range   dec    fd loff_in fd loff_in ulong uint
splice            dec    fd loff_in fd loff_in ulong flags32:splice_flags
tee               dec    fd fd ulong flags32:splice_flags
ioctl             dec    fd ioctl_req ioctl_arg
inotify_init      fd
inotify_init1     fd     flags32:inotify_init_flags
inotify_add_watch dec    fd path flags32:inotify_flags
inotify_rm_watch  dec    fd int
setxattr          dec    path str xattr_in ulong flags32:xattrflags
lsetxattr         dec    path str xattr_in ulong flags32:xattrflags
fsetxattr         dec    fd str xattr_in ulong flags32:xattrflags
getxattr          dec    path str xattr_val ulong
lgetxattr         dec    path str xattr_val ulong
fgetxattr         dec    fd str xattr_val ulong
listxattr         dec    path xattr_out ulong
llistxattr        dec    path xattr_out ulong
flistxattr        dec    fd xattr_out ulong
removexattr       dec    path str
lremovexattr      dec    path str
fremovexattr      dec    fd str
mknod             dec    path file_mode file_dev
mknodat           dec    dirfd path file_mode file_dev
umount2           dec    path flags32:umount_flags
getdents          dec    fd dirents_old uint
close_range       dec    uint uint flags32:close_range_flags
mount             dec    mount_source path mount_type mount_flags mount_data
readahead         dec    fd long ulong
sync_file_range   dec    fd long long flags32:sync_file_range_flags

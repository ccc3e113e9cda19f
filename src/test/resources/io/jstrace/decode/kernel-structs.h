/*
 * Structs the kernel's ABI has but no installed header declares, as the kernel defines them
 * (the layout files that name them include this; LayoutHeadersTest and tools/layout add its
 * directory to the include path).
 */
#ifndef JSTRACE_KERNEL_STRUCTS_H
#define JSTRACE_KERNEL_STRUCTS_H

/* fs/readdir.c: getdents' entry; d_type is the record's last byte. */
struct linux_dirent {
	unsigned long d_ino;
	unsigned long d_off;
	unsigned short d_reclen;
	char d_name[1];
};

/* fs/select.c's struct sigset_argpack and fs/aio.c's struct __aio_sigset: a mask and its size. */
struct kernel_sigset_arg {
	const void *sigmask;
	unsigned long sigsetsize;
};

/*
 * TEE_IOC_SHM_REGISTER_FD's argument, from the Linaro OP-TEE kernels (never in mainline's
 * <linux/tee.h>); strace decodes it all the same.
 */
struct tee_ioctl_shm_register_fd_data {
	long long fd;
	unsigned long long size;
	unsigned int flags;
	unsigned char _pad1[4];
	int id;
	unsigned char _pad2[4];
} __attribute__((aligned(8)));

#endif

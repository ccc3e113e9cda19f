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

#endif

/*
 * Block and storage ioctls as tools such as losetup make them, on a regular file (which answers
 * ENOTTY) and on a bad fd, with filled, NULL and unreadable arguments: tracers print what the
 * program passed, and what it got only when the call succeeded.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/loop.h>
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
    ioctl(-1, LOOP_SET_STATUS64, page + 4096 - 8);
    ioctl(-1, LOOP_CONFIGURE, page + 4096 - 8);
    close(file);
    return 0;
}

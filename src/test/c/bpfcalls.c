/*
 * bpf(2) calls for StraceCompareIT: a map created (or refused with EPERM without privilege), its
 * elements, its info, a program loaded, an ID walk, and attrs strace shows in its other forms
 * (cut by a short size, with bytes past what it knows, unreadable, an unknown command). What it
 * creates it closes.
 */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static long sys_bpf(unsigned int cmd, void *attr, unsigned int size) {
    return syscall(__NR_bpf, cmd, attr, size);
}

#define END(member) (offsetof(union bpf_attr, member) + sizeof(((union bpf_attr *) 0)->member))

int main(void) {
    union bpf_attr a;
    memset(&a, 0, sizeof(a));
    a.map_type = BPF_MAP_TYPE_ARRAY;
    a.key_size = 4;
    a.value_size = 8;
    a.max_entries = 1;
    strcpy(a.map_name, "jstrace_map");
    int map = sys_bpf(BPF_MAP_CREATE, &a, END(map_extra));

    uint32_t key = 0, next = 0;
    uint64_t value = 42;
    memset(&a, 0, sizeof(a));
    a.map_fd = map;
    a.key = (uintptr_t) &key;
    a.value = (uintptr_t) &value;
    a.flags = BPF_EXIST;
    sys_bpf(BPF_MAP_UPDATE_ELEM, &a, END(flags));
    a.flags = 0;
    sys_bpf(BPF_MAP_LOOKUP_ELEM, &a, END(flags));
    a.next_key = (uintptr_t) &next;
    sys_bpf(BPF_MAP_GET_NEXT_KEY, &a, END(next_key));

    struct bpf_map_info info;
    memset(&info, 0, sizeof(info));
    memset(&a, 0, sizeof(a));
    a.info.bpf_fd = map;
    a.info.info_len = sizeof(info);
    a.info.info = (uintptr_t) &info;
    sys_bpf(BPF_OBJ_GET_INFO_BY_FD, &a, END(info.info));

    struct bpf_insn insns[] = {
        {.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0},
        {.code = BPF_JMP | BPF_EXIT},
    };
    char log[64] = "";
    memset(&a, 0, sizeof(a));
    a.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
    a.insn_cnt = 2;
    a.insns = (uintptr_t) insns;
    a.license = (uintptr_t) "GPL";
    a.log_level = 1;
    a.log_size = sizeof(log);
    a.log_buf = (uintptr_t) log;
    a.kern_version = (6 << 16) | (1 << 8) | 2;
    strcpy(a.prog_name, "jstrace_prog");
    int prog = sys_bpf(BPF_PROG_LOAD, &a, END(fd_array));
    if (prog >= 0) {
        close(prog);
    }

    /* The first map id there is, with the size that leaves open_flags out. */
    memset(&a, 0, sizeof(a));
    sys_bpf(BPF_MAP_GET_NEXT_ID, &a, 8);

    /* A map create cut after max_entries, one with a byte past map_extra, one at a page's end. */
    memset(&a, 0, sizeof(a));
    a.map_type = BPF_MAP_TYPE_HASH;
    sys_bpf(BPF_MAP_CREATE, &a, END(max_entries));
    ((unsigned char *) &a)[END(map_extra)] = 1;
    sys_bpf(BPF_MAP_CREATE, &a, END(map_extra) + 1);
    unsigned char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page + 4096, 4096);
    sys_bpf(BPF_MAP_CREATE, page + 4096 - 4, 8);
    munmap(page, 4096);

    memset(&a, 0, sizeof(a));
    a.pathname = (uintptr_t) "/nonexistent/jstrace";
    a.file_flags = BPF_F_RDONLY;
    sys_bpf(BPF_OBJ_GET, &a, END(file_flags));
    sys_bpf(0xfacefeed, &a, 16);

    if (map >= 0) {
        close(map);
    }
    return 0;
}

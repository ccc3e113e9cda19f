/*
 * Character-device ioctls (PTP clocks, real-time clocks, watchdogs, /dev/random, inotify, infrared
 * remotes, userfaultfd, KVM, TEE, V4L2) on a bad fd: every call fails with EBADF, so tracers show what each request was given at
 * entry and the address of what it would have filled in. Then namespace requests on this process's
 * namespace files, a userfaultfd handshake and a KVM virtual machine whose one vCPU runs an out and a
 * hlt (when /dev/kvm opens).
 */
#include <fcntl.h>
#include <linux/kvm.h>
#include <linux/lirc.h>
#include <linux/nsfs.h>
#include <linux/ptp_clock.h>
#include <linux/random.h>
#include <linux/watchdog.h>
#include <stdlib.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef INOTIFY_IOC_SETNEXTWD /* <linux/inotify.h>'s, which clashes with <fcntl.h> */
#define INOTIFY_IOC_SETNEXTWD _IOW('I', 0, int)
#endif
#include <linux/rtc.h>
#include <linux/tee.h>
#include <linux/videodev2.h>
#include <linux/userfaultfd.h>
#include <string.h>
#include <sys/ioctl.h>

static void ptp(void) {
    struct ptp_clock_caps caps;
    ioctl(-1, PTP_CLOCK_GETCAPS, &caps);
    ioctl(-1, PTP_CLOCK_GETCAPS2, NULL);
    struct ptp_extts_request extts = {.index = 1, .flags = PTP_ENABLE_FEATURE | PTP_RISING_EDGE | 0x100};
    ioctl(-1, PTP_EXTTS_REQUEST, &extts);
    extts.rsv[1] = 7;
    ioctl(-1, PTP_EXTTS_REQUEST2, &extts);
    struct ptp_perout_request perout = {.start = {.sec = 1700000000, .nsec = 5}, .period = {.sec = 1}, .index = 2};
    ioctl(-1, PTP_PEROUT_REQUEST, &perout);
    perout.flags = PTP_PEROUT_DUTY_CYCLE | PTP_PEROUT_PHASE;
    perout.on.sec = 3;
    ioctl(-1, PTP_PEROUT_REQUEST2, &perout);
    ioctl(-1, PTP_ENABLE_PPS, 1);
    struct ptp_sys_offset off = {.n_samples = 3, .rsv = {0, 9}};
    ioctl(-1, PTP_SYS_OFFSET, &off);
    struct ptp_sys_offset_extended ext = {.n_samples = 2};
    ioctl(-1, PTP_SYS_OFFSET_EXTENDED2, &ext);
    struct ptp_sys_offset_precise precise;
    ioctl(-1, PTP_SYS_OFFSET_PRECISE, &precise);
    struct ptp_pin_desc pin = {.index = 1, .func = PTP_PF_PEROUT, .chan = 2, .rsv = {5}};
    strcpy(pin.name, "pin");
    ioctl(-1, PTP_PIN_GETFUNC2, &pin);
    ioctl(-1, PTP_PIN_SETFUNC, &pin);
    ioctl(-1, PTP_PIN_SETFUNC2, &pin);
}

static void rtc(void) {
    ioctl(-1, RTC_AIE_ON);
    ioctl(-1, RTC_UIE_OFF);
    ioctl(-1, RTC_IRQP_SET, 64);
    unsigned long rate;
    ioctl(-1, RTC_IRQP_READ, &rate);
    struct rtc_time t = {.tm_sec = 1, .tm_min = 2, .tm_hour = 3, .tm_mday = 4, .tm_mon = 5, .tm_year = 124, .tm_wday = 1};
    ioctl(-1, RTC_SET_TIME, &t);
    ioctl(-1, RTC_RD_TIME, &t);
    struct rtc_wkalrm alarm = {.enabled = 1, .time = t};
    ioctl(-1, RTC_WKALM_SET, &alarm);
    struct rtc_pll_info pll = {.pll_value = -3, .pll_clock = 32768};
    ioctl(-1, RTC_PLL_SET, &pll);
    unsigned int vl;
    ioctl(-1, RTC_VL_READ, &vl);
    struct rtc_param param = {.param = RTC_PARAM_FEATURES, .uvalue = 0x21, .index = 1};
    ioctl(-1, RTC_PARAM_SET, &param);
    ioctl(-1, RTC_PARAM_GET, &param);
    param.param = RTC_PARAM_BACKUP_SWITCH_MODE;
    param.uvalue = RTC_BSM_LEVEL;
    ioctl(-1, RTC_PARAM_SET, &param);
}

static void misc(void) {
    int n = 30;
    ioctl(-1, WDIOC_SETTIMEOUT, &n);
    ioctl(-1, WDIOC_GETTIMELEFT, &n);
    ioctl(-1, WDIOC_KEEPALIVE, 0);
    ioctl(-1, RNDADDTOENTCNT, &n);
    ioctl(-1, RNDGETENTCNT, &n);
    struct rand_pool_info *pool = malloc(sizeof(*pool) + 8);
    pool->entropy_count = 3;
    pool->buf_size = 6;
    memcpy(pool->buf, "seed\0\1", 6);
    ioctl(-1, RNDADDENTROPY, pool);
    ioctl(-1, RNDCLEARPOOL);
    ioctl(-1, INOTIFY_IOC_SETNEXTWD, -5);
    unsigned int lirc = LIRC_MODE_SCANCODE;
    ioctl(-1, LIRC_SET_SEND_MODE, &lirc);
    ioctl(-1, LIRC_GET_FEATURES, &lirc);
    lirc = 38000;
    ioctl(-1, LIRC_SET_SEND_CARRIER, &lirc);
    ioctl(-1, LIRC_SET_TRANSMITTER_MASK, &lirc);
    free(pool);
}

static void uffd(void) {
    struct uffdio_api api = {.api = UFFD_API, .features = UFFD_FEATURE_EVENT_FORK};
    ioctl(-1, UFFDIO_API, &api);
    struct uffdio_register reg = {.range = {.start = 0x10000, .len = 0x1000}, .mode = UFFDIO_REGISTER_MODE_MISSING | 8};
    ioctl(-1, UFFDIO_REGISTER, &reg);
    struct uffdio_copy copy = {.dst = 0x10000, .src = 0x20000, .len = 0x1000, .mode = UFFDIO_COPY_MODE_DONTWAKE};
    ioctl(-1, UFFDIO_COPY, &copy);
    struct uffdio_zeropage zero = {.range = reg.range, .mode = UFFDIO_ZEROPAGE_MODE_DONTWAKE};
    ioctl(-1, UFFDIO_ZEROPAGE, &zero);
    ioctl(-1, UFFDIO_WAKE, &reg.range);
    ioctl(-1, UFFDIO_UNREGISTER, NULL);
    int fd = syscall(SYS_userfaultfd, 0);
    if (fd >= 0) {
        api.features = 0;
        ioctl(fd, UFFDIO_API, &api);
        close(fd);
    }
}

static void kvm(void) {
    ioctl(-1, KVM_CHECK_EXTENSION, KVM_CAP_USER_MEMORY);
    ioctl(-1, KVM_CHECK_EXTENSION, 0xbeef);
    struct kvm_userspace_memory_region region = {.slot = 1, .flags = KVM_MEM_READONLY, .guest_phys_addr = 0x1000,
                                                 .memory_size = 4096, .userspace_addr = 0x10000};
    ioctl(-1, KVM_SET_USER_MEMORY_REGION, &region);
    struct kvm_regs regs = {.rax = 2, .rbx = 3, .rip = 0x1000, .rflags = 2};
    ioctl(-1, KVM_SET_REGS, &regs);
    ioctl(-1, KVM_GET_REGS, &regs);
    struct kvm_sregs sregs = {.cs = {.base = 0x1000, .limit = 0xffff, .type = 11, .present = 1}, .apic_base = 0xfee00900};
    ioctl(-1, KVM_SET_SREGS, &sregs);
    struct {
        struct kvm_cpuid2 head;
        struct kvm_cpuid_entry2 entries[2];
    } cpuid = {.head = {.nent = 2}, .entries = {{.function = 0, .eax = 0x1c}, {.function = 1, .flags = 1, .ecx = 5}}};
    ioctl(-1, KVM_SET_CPUID2, &cpuid);
    ioctl(-1, KVM_GET_SUPPORTED_CPUID, &cpuid);
    int dev = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (dev < 0) {
        return;
    }
    ioctl(dev, KVM_GET_API_VERSION, 0);
    int vm = ioctl(dev, KVM_CREATE_VM, 0);
    /* Guest code at 0x1000: out %al, (%dx); hlt. */
    unsigned char *guest = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    const unsigned char code[] = {0xba, 0xf8, 0x03, 0xee, 0xf4};
    memcpy(guest, code, sizeof(code));
    region.slot = 0;
    region.flags = 0;
    region.userspace_addr = (unsigned long) guest;
    ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region);
    int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
    int size = ioctl(dev, KVM_GET_VCPU_MMAP_SIZE, 0);
    void *run = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
    ioctl(vcpu, KVM_GET_SREGS, &sregs);
    sregs.cs.base = 0;
    sregs.cs.selector = 0;
    ioctl(vcpu, KVM_SET_SREGS, &sregs);
    ioctl(vcpu, KVM_GET_REGS, &regs);
    memset(&regs, 0, sizeof(regs));
    regs.rip = 0x1000;
    regs.rflags = 2;
    ioctl(vcpu, KVM_SET_REGS, &regs);
    if (run != MAP_FAILED) {
        ioctl(vcpu, KVM_RUN, 0);
        ioctl(vcpu, KVM_RUN, 0);
        munmap(run, size);
    }
    munmap(guest, 4096);
    close(vcpu);
    close(vm);
    close(dev);
}

static void tee(void) {
    struct tee_ioctl_cancel_arg cancel = {.cancel_id = 7, .session = 0xabc};
    ioctl(-1, TEE_IOC_CANCEL, &cancel);
    struct tee_ioctl_close_session_arg close_session = {.session = 0xabc};
    ioctl(-1, TEE_IOC_CLOSE_SESSION, &close_session);
    struct tee_ioctl_version_data version;
    ioctl(-1, TEE_IOC_VERSION, &version);
    struct tee_ioctl_shm_alloc_data alloc = {.size = 0x1000, .flags = 0x81};
    ioctl(-1, TEE_IOC_SHM_ALLOC, &alloc);
    struct tee_ioctl_shm_register_data reg = {.addr = 0x10000, .length = 0x2000};
    ioctl(-1, TEE_IOC_SHM_REGISTER, &reg);
    struct {
        struct tee_ioctl_open_session_arg arg;
        struct tee_ioctl_param params[2];
    } open_session = {.arg = {.uuid = {0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                              .clnt_login = TEE_IOCTL_LOGIN_GROUP, .clnt_uuid = {100}, .cancel_id = 3, .num_params = 2},
                      .params = {{.attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT, .a = 1, .b = 2, .c = 3},
                                 {.attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT | TEE_IOCTL_PARAM_ATTR_META, .b = 16}}};
    struct tee_ioctl_buf_data buf = {.buf_ptr = (unsigned long) &open_session, .buf_len = sizeof(open_session)};
    ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);
    open_session.arg.clnt_login = 0x33;
    ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);
    buf.buf_len = 8;
    ioctl(-1, TEE_IOC_OPEN_SESSION, &buf);
    ioctl(-1, TEE_IOC_SUPPL_SEND, NULL);
    ioctl(-1, TEE_IOC_VERSION, NULL);
}

/* With -e verbose=none strace shows PTP and V4L2 arguments as raw numbers (0 for NULL), the others as NULL. */
static void v4l2(void) {
    struct v4l2_capability cap;
    ioctl(-1, VIDIOC_QUERYCAP, &cap);
    ioctl(-1, VIDIOC_QUERYCAP, NULL);
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    ioctl(-1, VIDIOC_STREAMON, &type);
    ioctl(-1, VIDIOC_STREAMOFF, NULL);
}

static void nsfs(void) {
    int user = open("/proc/self/ns/user", O_RDONLY);
    int uts = open("/proc/self/ns/uts", O_RDONLY);
    ioctl(user, NS_GET_NSTYPE);
    ioctl(uts, NS_GET_NSTYPE);
    unsigned int uid;
    ioctl(user, NS_GET_OWNER_UID, &uid);
    int owner = ioctl(uts, NS_GET_USERNS);
    ioctl(user, NS_GET_PARENT);
    ioctl(-1, NS_GET_USERNS);
    close(owner);
    close(uts);
    close(user);
}

int main(void) {
    ptp();
    rtc();
    misc();
    nsfs();
    uffd();
    kvm();
    tee();
    v4l2();
    return 0;
}

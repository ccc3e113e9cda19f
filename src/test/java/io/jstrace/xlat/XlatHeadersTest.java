package io.jstrace.xlat;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Checks every xlat table against the C headers installed here: a generated C program prints
 * {@code NAME value} for each constant it knows and the test compares.
 *
 * <p>Two programs are built, one on glibc's headers and one on the kernel's uapi headers only,
 * because strace uses the kernel ABI value where the two disagree (O_LARGEFILE is 0 in glibc on
 * x86_64, F_GETLK64 is F_GETLK there, glibc's __O_TMPFILE includes O_DIRECTORY). A value passes if
 * either program agrees. Constants that neither program defines must be listed in
 * {@link #NOT_IN_HEADERS}; enum-only ones cannot be probed with {@code #ifdef}, so they are listed
 * in {@link #ENUMS} and printed without a guard.
 */
class XlatHeadersTest {

    private static final Path TABLES = Path.of("src/main/resources/io/jstrace/xlat");
    private static final Path WORK = Path.of("target/xlat-headers");

    /** Headers of ioctl families' constants that need glibc's (they include sys/time.h). */
    private static final String IOCTL_LIBC_HEADERS = """
            #include <linux/input.h>
            #include <linux/videodev2.h>
            #include <scsi/sg.h>
            """;

    /** The uapi headers of ioctl families' constants (kept apart so families and syscalls add headers independently). */
    private static final String IOCTL_KERNEL_HEADERS = """
            #include <linux/hdreg.h>
            #include <linux/audit.h>
            #include <linux/counter.h>
            #include <linux/gpio.h>
            #include <linux/kd.h>
            #include <linux/keyboard.h>
            #include <linux/loop.h>
            #include <linux/ptp_clock.h>
            #include <linux/rtc.h>
            #include <linux/btrfs.h>
            #include <linux/btrfs_tree.h>
            #include <linux/lirc.h>
            #include <linux/kvm.h>
            #include <linux/tee.h>
            #include <mtd/mtd-abi.h>
            #include <mtd/ubi-user.h>
            #include <linux/bsg.h>
            #include <linux/blkpg.h>
            #include <linux/nbd.h>
            #include <linux/dm-ioctl.h>
            """;

    /** Socket option names of the levels strace knows: the headers that go with glibc's ... */
    private static final String SOCKOPT_LIBC_HEADERS = """
            #include <netax25/ax25.h>
            #include <netipx/ipx.h>
            #include <linux/icmp.h>
            #include <linux/llc.h>
            #include <linux/phonet.h>
            #include <linux/sctp.h>
            #include <linux/netfilter_ipv4/ip_tables.h>
            #include <linux/netfilter_ipv6/ip6_tables.h>
            #include <linux/netfilter_arp/arp_tables.h>
            """;

    /** ... and the uapi ones that go without. */
    private static final String SOCKOPT_KERNEL_HEADERS = """
            #include <linux/tls.h>
            #include <linux/rds.h>
            #include <linux/tipc.h>
            #include <linux/rxrpc.h>
            #include <linux/kcm.h>
            #include <linux/if_alg.h>
            #include <linux/dccp.h>
            #include <linux/if_pppol2tp.h>
            #include <linux/caif/caif_socket.h>
            #include <linux/ip_vs.h>
            """;

    private static final String LIBC_HEADERS = """
            #include <stdio.h>
            #include <string.h>
            #include <errno.h>
            #include <fcntl.h>
            #include <unistd.h>
            #include <signal.h>
            #include <poll.h>
            #include <sched.h>
            #include <time.h>
            #include <asm/termbits.h>
            #include <linux/serial.h>
            #include <sys/mman.h>
            #include <sys/socket.h>
            #include <sys/prctl.h>
            #include <sys/resource.h>
            #include <sys/epoll.h>
            #include <sys/eventfd.h>
            #include <sys/timerfd.h>
            #include <sys/inotify.h>
            #include <sys/ioctl.h>
            #include <sys/wait.h>
            #include <sys/stat.h>
            #include <sys/file.h>
            #include <sys/time.h>
            #include <sys/timex.h>
            #include <sys/personality.h>
            #include <sys/random.h>
            #include <sys/xattr.h>
            #include <sys/ptrace.h>
            #include <elf.h>
            #include <netinet/in.h>
            #include <netinet/tcp.h>
            #include <netinet/udp.h>
            #include <linux/can.h>
            #include <linux/can/raw.h>
            #include <linux/futex.h>
            #include <linux/membarrier.h>
            #include <linux/seccomp.h>
            #include <linux/netlink.h>
            #include <linux/falloc.h>
            #include <dirent.h>
            #include <linux/if_ether.h>
            #include <linux/magic.h>
            #include <linux/tty.h>
            #include <sys/statvfs.h>
            #include <sys/mount.h>
            #include <sys/signalfd.h>
            #include <sys/ipc.h>
            #include <sys/shm.h>
            #include <sys/sem.h>
            #include <sys/msg.h>
            #include <linux/if_arp.h>
            #include <linux/if_packet.h>
            #include <linux/if_xdp.h>
            #include <linux/nfc.h>
            #include <linux/vm_sockets.h>
            #include <linux/qrtr.h>
            #include <linux/mctp.h>
            #include <sys/swap.h>
            """ + IOCTL_LIBC_HEADERS + SOCKOPT_LIBC_HEADERS;

    /* uapi only: no glibc header may come in, or the kernel definitions clash with glibc's. */
    private static final String KERNEL_HEADERS = """
            #include <stdio.h>
            #include <linux/types.h>
            #include <linux/errno.h>
            #include <linux/fcntl.h>
            #include <linux/stat.h>
            #include <linux/sched.h>
            #include <linux/futex.h>
            #include <linux/prctl.h>
            #include <linux/capability.h>
            #include <linux/mempolicy.h>
            #include <linux/ioprio.h>
            #include <asm/prctl.h>
            #include <asm/signal.h>
            #include <asm/siginfo.h>
            #include <linux/mman.h>
            #include <linux/userfaultfd.h>
            #include <linux/eventpoll.h>
            #include <linux/poll.h>
            #include <linux/socket.h>
            #include <asm/socket.h>
            #include <linux/in.h>
            #include <linux/in6.h>
            #include <linux/tcp.h>
            #include <linux/net.h>
            #include <linux/netlink.h>
            #include <linux/inotify.h>
            #include <linux/memfd.h>
            #include <linux/membarrier.h>
            #include <linux/personality.h>
            #include <linux/seccomp.h>
            #include <linux/landlock.h>
            #include <linux/kexec.h>
            #include <linux/elf.h>
            #include <linux/module.h>
            #include <linux/ptrace.h>
            #include <linux/perf_event.h>
            #include <linux/hw_breakpoint.h>
            #include <linux/resource.h>
            #include <linux/time.h>
            #include <linux/wait.h>
            #include <linux/xattr.h>
            #include <linux/falloc.h>
            #include <linux/random.h>
            #include <linux/fs.h>
            #include <linux/fiemap.h>
            #include <asm/termbits.h>
            #include <asm/ioctls.h>
            #include <asm/termios.h>
            #include <linux/serial.h>
            #include <linux/sockios.h>
            #include <linux/rseq.h>
            #include <linux/soundcard.h>
            #include <linux/signal.h>
            #include <linux/signalfd.h>
            #include <linux/bpf.h>
            #include <linux/filter.h>
            #include <linux/securebits.h>
            #include <linux/reboot.h>
            #include <linux/kcmp.h>
            #include <linux/pidfd.h>
            #include <linux/keyctl.h>
            #include <linux/quota.h>
            #include <linux/dqblk_xfs.h>
            #include <linux/io_uring.h>
            #include <linux/fanotify.h>
            #include <linux/aio_abi.h>
            """ + IOCTL_KERNEL_HEADERS + SOCKOPT_KERNEL_HEADERS;

    /** Kernel-internal or otherwise unexported names that strace knows with a fixed value. */
    private static final Set<String> NOT_IN_HEADERS = Set.of(
            // include/linux/errno.h: never seen by user space except through ptrace
            "ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND", "ENOIOCTLCMD", "ERESTART_RESTARTBLOCK",
            "EPROBE_DEFER", "EOPENSTALE", "EBADHANDLE", "ENOTSYNC", "EBADCOOKIE", "ENOTSUPP",
            "ETOOSMALL", "ESERVERFAULT", "EBADTYPE", "EJUKEBOX", "EIOCBQUEUED", "ERECALLCONFLICT",
            // include/linux/socket.h
            "MSG_PROBE", "MSG_SENDPAGE_NOTLAST", "MSG_NO_SHARED_FRAGS", "MSG_CMSG_COMPAT",
            "SOL_SCTP", "SOL_UDPLITE", "SOL_IPX", "SOL_AX25", "SOL_ATALK", "SOL_NETROM", "SOL_ROSE",
            // BSD name strace knows, Linux never defined
            "IPV6_USE_MIN_MTU",
            // include/linux/numa.h: the "no NUMA node" a BPF map's numa_node may hold
            "NUMA_NO_NODE",
            // sockaddr values from kernel-internal headers: fs/afs (RxRPC services), net/af_ieee802154.h,
            // include/linux/crypto.h, include/net/nfc/llcp.h
            "CM_SERVICE", "YFS_FS_SERVICE", "YFS_CM_SERVICE", "YFS_VL_SERVICE",
            "IEEE802154_ADDR_NONE", "IEEE802154_ADDR_SHORT", "IEEE802154_ADDR_LONG", "IEEE802154_ADDR_UNDEF",
            "IEEE802154_ADDR_BROADCAST", "IEEE802154_PANID_BROADCAST", "CRYPTO_ALG_KERN_DRIVER_ONLY",
            "LLCP_SAP_SDP", "LLCP_SAP_IP", "LLCP_SAP_OBEX", "LLCP_SAP_SNEP", "LLCP_SAP_MAX",
            // powerpc's asm/mman.h only; strace's table has it on every architecture
            "PKEY_DISABLE_EXECUTE",
            // include/linux/sched/coredump.h and include/linux/posix-timers.h
            "SUID_DUMP_DISABLE", "SUID_DUMP_USER", "SUID_DUMP_ROOT",
            "CPUCLOCK_PROF", "CPUCLOCK_VIRT", "CPUCLOCK_SCHED",
            // magics of file systems outside uapi (fs/*/), statfs flags from include/linux/statfs.h,
            // SCM_SECURITY from include/linux/socket.h, line disciplines uapi dropped
            "MQUEUE_MAGIC", "SMB2_MAGIC_NUMBER", "ZFS_SUPER_MAGIC", "CONFIGFS_MAGIC",
            "ST_VALID", "ST_NOSYMFOLLOW", "SCM_SECURITY", "N_TRACE_ROUTER", "N_TRACE_SINK",
            // netlink tables: TCP states (include/net/tcp_states.h), shutdown bits (include/net/sock.h),
            // IPv6 interface flags (include/net/if_inet6.h), SMC states and decline codes
            // (net/smc/), bonding statistics newer than these headers, an audit type uapi dropped
            "TCP_ESTABLISHED", "TCP_SYN_SENT", "TCP_SYN_RECV", "TCP_FIN_WAIT1", "TCP_FIN_WAIT2",
            "TCP_TIME_WAIT", "TCP_CLOSE", "TCP_CLOSE_WAIT", "TCP_LAST_ACK", "TCP_LISTEN", "TCP_CLOSING",
            "TCP_NEW_SYN_RECV", "RCV_SHUTDOWN", "SEND_SHUTDOWN",
            "IF_RS_SENT", "IF_RA_RCVD", "IF_RA_MANAGED", "IF_RA_OTHERCONF", "IF_READY",
            "SMC_ACTIVE", "SMC_INIT", "SMC_CLOSED", "SMC_LISTEN", "SMC_PEERCLOSEWAIT1", "SMC_PEERCLOSEWAIT2",
            "SMC_APPFINCLOSEWAIT", "SMC_APPCLOSEWAIT1", "SMC_APPCLOSEWAIT2", "SMC_PEERFINCLOSEWAIT",
            "SMC_PEERABORTWAIT", "SMC_PROCESSABORT", "SMC_CLNT", "SMC_SERV",
            "SMC_CLC_DECL_MEM", "SMC_CLC_DECL_TIMEOUT_CL", "SMC_CLC_DECL_TIMEOUT_AL", "SMC_CLC_DECL_CNFERR",
            "SMC_CLC_DECL_PEERNOSMC", "SMC_CLC_DECL_IPSEC", "SMC_CLC_DECL_NOSMCDEV", "SMC_CLC_DECL_MODEUNSUPP",
            "SMC_CLC_DECL_RMBE_EC", "SMC_CLC_DECL_OPTUNSUPP", "SMC_CLC_DECL_SYNCERR", "SMC_CLC_DECL_PEERDECL",
            "SMC_CLC_DECL_INTERR", "SMC_CLC_DECL_ERR_RTOK", "SMC_CLC_DECL_ERR_RDYLNK", "SMC_CLC_DECL_ERR_REGRMB",
            "BOND_XSTATS_UNSPEC", "BOND_XSTATS_3AD", "BOND_3AD_STAT_LACPDU_RX", "BOND_3AD_STAT_LACPDU_TX",
            "BOND_3AD_STAT_LACPDU_UNKNOWN_RX", "BOND_3AD_STAT_LACPDU_ILLEGAL_RX", "BOND_3AD_STAT_MARKER_RX",
            "BOND_3AD_STAT_MARKER_TX", "BOND_3AD_STAT_MARKER_RESP_RX", "BOND_3AD_STAT_MARKER_RESP_TX",
            "BOND_3AD_STAT_MARKER_UNKNOWN_RX", "BOND_3AD_STAT_PAD", "AUDIT_FS_WATCH",
            // include/linux/swap.h
            "SWAP_FLAG_DISCARD_ONCE", "SWAP_FLAG_DISCARD_PAGES",
            // quotactl's commands of the v1 and v2 formats, gone from uapi (strace keeps their numbers)
            "Q_V1_QUOTAON", "Q_V1_QUOTAOFF", "Q_V1_GETQUOTA", "Q_V1_SETQUOTA", "Q_V1_SETUSE", "Q_V1_SYNC",
            "Q_SETQLIM", "Q_V1_GETSTATS", "Q_V1_RSQUASH", "Q_V2_GETQUOTA", "Q_V2_SETQUOTA", "Q_V2_SETUSE",
            "Q_V2_GETINFO", "Q_V2_SETINFO", "Q_V2_SETGRACE", "Q_V2_SETFLAGS", "Q_V2_GETSTATS",
            // fanotify's directory modification event, which uapi dropped before it shipped; the
            // AIO command uapi keeps in a comment
            "FAN_DIR_MODIFY", "IOCB_CMD_PREADX",
            // linux/netfilter_bridge/ebtables.h brings glibc's net/if_arp.h, which clashes with
            // linux/if_arp.h in one program and glibc's other headers in the other
            "EBT_SO_SET_ENTRIES", "EBT_SO_SET_COUNTERS", "EBT_SO_GET_INFO", "EBT_SO_GET_ENTRIES",
            "EBT_SO_GET_INIT_INFO", "EBT_SO_GET_INIT_ENTRIES",
            // socket options uapi dropped that strace still names
            "RDS_BARRIER", "RDS_INFO_FLOWS", "SCTP_GET_PEER_ADDRS_NUM_OLD", "SCTP_GET_PEER_ADDRS_OLD",
            "SCTP_GET_LOCAL_ADDRS_NUM_OLD", "SCTP_GET_LOCAL_ADDRS_OLD");

    /**
     * Tables of kernel-internal constants, none of them in uapi: their values are those strace's
     * xlat files give. ATA commands (include/linux/ata.h), the x86 XSAVE feature bits
     * (arch/x86/include/asm/fpu/types.h), the pid types of include/linux/pid.h, syslog's actions and
     * console levels (include/linux/syslog.h, kern_levels.h), key permissions (include/linux/key.h).
     */
    /** The same for ioctl families' constants (kept apart so families and syscalls add them independently). */
    private static final Set<String> IOCTL_NOT_IN_HEADERS = Set.of(
            // include/linux/kd.h's internal font flag
            "KD_FONT_FLAG_OLD",
            // <linux/loop.h> dropped it in 3.2
            "LO_FLAGS_USE_AOPS",
            // the kernel's <scsi/sg.h> has them, glibc's older copy of it not
            "SG_FLAG_UNUSED_LUN_INHIBIT", "SG_FLAG_MMAP_IO", "SG_FLAG_Q_AT_TAIL", "SG_FLAG_Q_AT_HEAD",
            "SG_SCSI_RESET_TARGET", "SG_SCSI_RESET_NO_ESCALATE",
            // NBD protocol flags <linux/nbd.h> leaves out (the client passes them on)
            "NBD_FLAG_ROTATIONAL", "NBD_FLAG_SEND_WRITE_ZEROES", "NBD_FLAG_SEND_DF", "NBD_FLAG_SEND_RESIZE",
            "NBD_FLAG_SEND_CACHE",
            // <linux/dm-ioctl.h> dropped it
            "DM_EXISTS_FLAG");

    private static final Set<String> TABLES_NOT_IN_HEADERS = Set.of("hdio_drive_cmds",
            // btrfs's compression types are the kernel's (fs/btrfs/compression.h)
            "btrfs_compress_types",
            // UBI's data type hints, which <mtd/ubi-user.h> dropped
            "ubi_data_types", "x86_xfeatures",
            "x86_xfeature_bits", "pr_sched_core_pidtypes", "syslog_action_type",
            "syslog_console_levels", "key_perms",
            // socket options of IrDA (uapi dropped it), Bluetooth (BlueZ's headers, not installed)
            // and s390's IUCV (net/iucv/af_iucv.h)
            "sock_irda_options", "sock_bluetooth_options", "sock_iucv_options",
            // TEE shared memory flags (drivers/tee/tee_private.h) and OP-TEE's client API return origins
            "tee_ioctl_shm_flags", "tee_ioctl_origins");

    /**
     * Enum-only constants the libc program must print (or that both define differently); other
     * enum constants are found by {@link #probeEnums}.
     */
    private static final Map<String, String> ENUMS = enums();

    /* errno entries whose description is strace's own text rather than strerror(). */
    private static final Set<Long> STRACE_ERRNO_TEXTS = Set.of(512L, 513L, 514L, 516L);

    private static Map<String, String> enums() {
        Map<String, String> m = new HashMap<>();
        for (String n : List.of("PTRACE_PEEKUSER", "PTRACE_POKEUSER")) {
            m.put(n, "libc"); // <sys/ptrace.h>; the kernel spells them PTRACE_PEEKUSR/POKEUSR
        }
        for (String n : List.of("RSEQ_FLAG_UNREGISTER",
                "MEMBARRIER_CMD_QUERY", "MEMBARRIER_CMD_GLOBAL", "MEMBARRIER_CMD_GLOBAL_EXPEDITED",
                "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED", "MEMBARRIER_CMD_PRIVATE_EXPEDITED",
                "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED", "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE",
                "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE",
                "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ", "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ", "MEMBARRIER_CMD_FLAG_CPU",
                "UNAME26", "ADDR_NO_RANDOMIZE", "FDPIC_FUNCPTRS", "MMAP_PAGE_ZERO", "ADDR_COMPAT_LAYOUT",
                "READ_IMPLIES_EXEC", "ADDR_LIMIT_32BIT", "SHORT_INODE", "WHOLE_SECONDS", "STICKY_TIMEOUTS",
                "ADDR_LIMIT_3GB", "PER_LINUX", "PER_LINUX_32BIT", "PER_LINUX_FDPIC", "PER_SVR4", "PER_SVR3",
                "PER_SCOSVR3", "PER_OSR5", "PER_WYSEV386", "PER_ISCR4", "PER_BSD", "PER_SUNOS", "PER_XENIX",
                "PER_LINUX32", "PER_LINUX32_3GB", "PER_IRIX32", "PER_IRIXN32", "PER_IRIX64", "PER_RISCOS",
                "PER_SOLARIS", "PER_UW7", "PER_OSF4", "PER_HPUX", "PER_MASK",
                "MPOL_DEFAULT", "MPOL_PREFERRED", "MPOL_BIND", "MPOL_INTERLEAVE", "MPOL_LOCAL", "MPOL_PREFERRED_MANY",
                "IOPRIO_WHO_PROCESS", "IOPRIO_WHO_PGRP", "IOPRIO_WHO_USER",
                "IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT", "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE")) {
            // <linux/membarrier.h>, <linux/rseq.h>, <linux/personality.h>, <linux/mempolicy.h>, <linux/ioprio.h>
            m.put(n, "kernel");
        }
        for (String table : List.of("bpf_commands", "bpf_map_types", "bpf_prog_types", "bpf_helpers")) {
            Xlat.of(table).entries().forEach(e -> m.put(e.name(), "kernel")); // <linux/bpf.h>'s enums
        }
        for (String table : List.of("uring_ops", "uring_register_opcodes", "uring_restriction_opcodes", "uring_iowq_acct",
                "aio_cmds")) {
            Xlat.of(table).entries().forEach(e -> m.put(e.name(), "kernel")); // <linux/io_uring.h>'s, <linux/aio_abi.h>'s enums
        }
        m.remove("IOCB_CMD_PREADX"); // commented out in <linux/aio_abi.h>: NOT_IN_HEADERS
        return Map.copyOf(m);
    }

    @Test
    void valuesMatchInstalledHeaders() throws Exception {
        assumeTrue(gccAvailable(), "gcc not available");
        List<String> tables = tableNames();
        assertTrue(tables.size() > 50, "tables found: " + tables);

        Set<String> names = new TreeSet<>();
        for (String t : tables) {
            // Nothing to find for kernel-internal tables, whose names may be no C identifiers (LOGLEVEL_DEBUG+1).
            if (NETLINK_TABLES.contains(t) || TABLES_NOT_IN_HEADERS.contains(t)) {
                continue;
            }
            for (Xlat.Entry e : Xlat.of(t).entries()) {
                names.addAll(List.of(e.name().split("\\|")));
            }
        }
        Xlat errno = Xlat.of("errno");
        StringBuilder strerror = new StringBuilder();
        for (Xlat.Entry e : errno.entries()) {
            strerror.append("printf(\"#strerror %d %s\\n\", ").append(e.value())
                    .append(", strerror(").append(e.value()).append("));\n");
        }
        Map<String, Long> libc = new HashMap<>();
        Map<Long, String> texts = new HashMap<>();
        run("libc", LIBC_HEADERS, names, strerror.toString(), libc, texts);
        Map<String, Long> kernel = new HashMap<>();
        run("kernel", KERNEL_HEADERS, names, "", kernel, new HashMap<>());
        Set<String> unseen = new TreeSet<>(names);
        unseen.removeAll(libc.keySet());
        unseen.removeAll(kernel.keySet());
        unseen.removeAll(NOT_IN_HEADERS);
        unseen.removeAll(IOCTL_NOT_IN_HEADERS);
        probeEnums("kernel", KERNEL_HEADERS, unseen, kernel);
        unseen.removeAll(kernel.keySet());
        probeEnums("libc", LIBC_HEADERS, unseen, libc);

        List<String> failures = new ArrayList<>();
        for (String t : tables) {
            if (NETLINK_TABLES.contains(t)) {
                continue;
            }
            for (Xlat.Entry e : Xlat.of(t).entries()) {
                check(t, e, libc, kernel, failures);
            }
        }
        checkNetlink(failures);
        for (Xlat.Entry e : errno.entries()) {
            if (!STRACE_ERRNO_TEXTS.contains(e.value()) && !texts.get(e.value()).equals(e.description())) {
                failures.add("errno: " + e.name() + " description \"" + e.description()
                        + "\", strerror says \"" + texts.get(e.value()) + "\"");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /* A composite name (FUTEX_WAIT|FUTEX_CLOCK_REALTIME) is checked as the OR of its parts. */
    private static void check(String table, Xlat.Entry e, Map<String, Long> libc,
                              Map<String, Long> kernel, List<String> failures) {
        long viaKernel = 0;
        long viaLibc = 0;
        for (String part : e.name().split("\\|")) {
            Long k = kernel.get(part);
            Long l = libc.get(part);
            if (k == null && l == null) {
                if (!NOT_IN_HEADERS.contains(part) && !IOCTL_NOT_IN_HEADERS.contains(part)
                        && !TABLES_NOT_IN_HEADERS.contains(table)) {
                    failures.add(table + ": " + part + " is in no header and not on the allowed list");
                }
                return;
            }
            viaKernel |= k != null ? k : l;
            viaLibc |= l != null ? l : k;
        }
        // A C int constant with bit 31 set prints negative; the table keeps it as the unsigned word.
        if (e.value() != viaKernel && e.value() != viaLibc
                && e.value() != (viaKernel & 0xffffffffL) && e.value() != (viaLibc & 0xffffffffL)) {
            failures.add(table + ": " + e.name() + " = " + e.value() + ", headers say "
                    + (viaKernel == viaLibc ? viaKernel : viaKernel + " (kernel) / " + viaLibc + " (libc)"));
        }
    }

    /**
     * Tables of netlink constants, written by tools/xlat-from-strace.py, say so in their first
     * line; they are checked in one program on {@code netlink-headers.h}, every name printed as
     * the C expression it is (strace names some entries {@code 1<<TCP_LISTEN} or
     * {@code IPV4_DEVCONF_FORWARDING-1}), most of them enum members. Names of
     * {@link #NOT_IN_HEADERS} are defined first with the tables' own values.
     */
    private static final Set<String> NETLINK_TABLES = netlinkTables();

    private static Set<String> netlinkTables() {
        try {
            Set<String> out = new TreeSet<>();
            for (String t : tableNames()) {
                String first = Files.readAllLines(TABLES.resolve(t + ".xlat")).get(0);
                if (first.contains("netlink-headers.h")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void checkNetlink(List<String> failures) throws Exception {
        assertTrue(NETLINK_TABLES.size() > 100, "netlink tables found: " + NETLINK_TABLES);
        StringBuilder c = new StringBuilder(Files.readString(Path.of("src/test/resources/io/jstrace/xlat/netlink-headers.h")));
        Map<String, Long> defined = new HashMap<>();
        List<String[]> checked = new ArrayList<>();
        for (String t : NETLINK_TABLES) {
            for (Xlat.Entry e : Xlat.of(t).entries()) {
                if (NOT_IN_HEADERS.contains(e.name())) {
                    defined.putIfAbsent(e.name(), e.value());
                } else {
                    checked.add(new String[] {t, e.name(), Long.toString(e.value())});
                }
            }
        }
        defined.forEach((n, v) -> c.append("#define ").append(n).append(" (").append(v).append(")\n"));
        c.append("int main(void)\n{\n");
        for (String[] e : checked) {
            c.append("printf(\"%lld\\n\", (long long) (").append(e[1]).append("));\n");
        }
        c.append("return 0;\n}\n");
        Files.createDirectories(WORK);
        Path src = WORK.resolve("netlink.c");
        Path exe = WORK.resolve("netlink");
        Files.writeString(src, c);
        exec(List.of("gcc", "-w", "-o", exe.toString(), src.toString()));
        String[] got = exec(List.of(exe.toAbsolutePath().toString())).split("\n");
        for (int i = 0; i < checked.size(); i++) {
            long v = Long.parseLong(got[i]);
            long want = Long.parseLong(checked.get(i)[2]);
            if (v != want && (v & 0xffffffffL) != want) {
                failures.add(checked.get(i)[0] + ": " + checked.get(i)[1] + " = " + want + ", headers say " + v);
            }
        }
    }

    private static void run(String label, String headers, Set<String> names, String extra,
                            Map<String, Long> values, Map<Long, String> texts) throws Exception {
        StringBuilder c = new StringBuilder(headers).append("\nint main(void)\n{\n");
        for (String n : names) {
            String print = "printf(\"" + n + " %lld\\n\", (long long) (" + n + "));\n";
            String enumHome = ENUMS.get(n);
            if (enumHome != null) {
                if (enumHome.equals(label)) {
                    c.append(print);
                }
            } else {
                c.append("#ifdef ").append(n).append('\n').append(print).append("#endif\n");
            }
        }
        c.append(extra).append("return 0;\n}\n");

        Files.createDirectories(WORK);
        Path src = WORK.resolve(label + ".c");
        Path exe = WORK.resolve(label);
        Files.writeString(src, c);
        exec(List.of("gcc", "-w", "-D_GNU_SOURCE", "-o", exe.toString(), src.toString()));
        for (String line : exec(List.of(exe.toAbsolutePath().toString())).split("\n")) {
            if (line.startsWith("#strerror ")) {
                String[] f = line.split(" ", 3);
                texts.put(Long.parseLong(f[1]), f[2]);
            } else if (!line.isEmpty()) {
                String[] f = line.split(" ");
                values.put(f[0], Long.parseLong(f[1]));
            }
        }
    }

    /**
     * Enum constants cannot be probed with {@code #ifdef}: prints {@code names} unguarded, drops
     * those the compiler reports undeclared, and repeats until the program builds.
     */
    private static void probeEnums(String label, String headers, Set<String> names, Map<String, Long> values)
            throws Exception {
        Set<String> left = new TreeSet<>(names);
        java.util.regex.Pattern undeclared = java.util.regex.Pattern.compile("[\u2018']([A-Za-z_][A-Za-z0-9_]*)[\u2019'] undeclared");
        while (!left.isEmpty()) {
            StringBuilder c = new StringBuilder(headers).append("\nint main(void)\n{\n");
            for (String n : left) {
                c.append("printf(\"").append(n).append(" %lld\\n\", (long long) (").append(n).append("));\n");
            }
            c.append("return 0;\n}\n");
            Path src = WORK.resolve(label + "-enums.c");
            Path exe = WORK.resolve(label + "-enums");
            Files.writeString(src, c);
            Process p = new ProcessBuilder("gcc", "-w", "-D_GNU_SOURCE", "-o", exe.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                for (String line : exec(List.of(exe.toAbsolutePath().toString())).split("\n")) {
                    String[] f = line.split(" ");
                    values.put(f[0], Long.parseLong(f[1]));
                }
                return;
            }
            java.util.regex.Matcher m = undeclared.matcher(out);
            int before = left.size();
            while (m.find()) {
                // A name may be an expression (KVAL(K_F1), LED_SCR<<4): it goes with any identifier in it.
                String missing = m.group(1);
                left.removeIf(n -> n.equals(missing) || java.util.Arrays.asList(n.split("[^A-Za-z0-9_]+")).contains(missing));
            }
            if (left.size() == before) {
                throw new AssertionError("enum probe does not build:\n" + out);
            }
        }
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new AssertionError(String.join(" ", cmd) + " exited " + rc + ":\n" + out);
        }
        return out;
    }

    private static boolean gccAvailable() {
        try {
            return new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static List<String> tableNames() throws IOException {
        try (Stream<Path> files = Files.list(TABLES)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".xlat"))
                    .map(n -> n.substring(0, n.length() - ".xlat".length()))
                    // strace's whole ioctl table spans headers no system installs (drm, sound,
                    // kvm...): IoctlNamesIT checks it against strace itself instead.
                    .filter(n -> !n.equals("ioctl_requests"))
                    .sorted()
                    .toList();
        }
    }
}

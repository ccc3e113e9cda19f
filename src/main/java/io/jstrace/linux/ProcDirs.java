package io.jstrace.linux;

import io.jstrace.syscalls.SyscallTable;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The /proc directory of a thread jstrace knows by its id in jstrace's PID namespace. /proc may
 * belong to an ancestor namespace (jstrace started by {@code unshare -pf} without a /proc of its
 * own): its directories are then named by the ancestor's ids, and the thread's is the one whose
 * NSpid line (the ids from /proc's namespace down to the thread's own) holds the thread's id at
 * jstrace's level, as strace's get_proc_pid finds it. Found directories are remembered and
 * checked again on each use (ids are reused).
 */
public final class ProcDirs {
    private ProcDirs() {}

    /** Where jstrace's ids are in NSpid lines: 0 when /proc is of jstrace's namespace. */
    private static final int LEVEL = Math.max(0, nsPids("self").length - 1);
    private static final String OWN_NS = "/proc/self/ns/pid";
    private static final SyscallTable TABLE = SyscallTable.x86_64();
    private static final int NR_OPEN = TABLE.number("open"), NR_IOCTL = TABLE.number("ioctl"),
            NR_CLOSE = TABLE.number("close"), NR_FSTAT = TABLE.number("fstat");
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    /** NS_GET_PARENT, _IO(0xb7, 0x2): a new fd on the namespace's parent; EPERM above the caller's own. */
    private static final long NS_GET_PARENT = 0xb702;
    /** struct stat's st_dev and st_ino: what tells namespaces apart. */
    private static final int STAT_SIZE = 144, ST_INO = 8;
    private static final Map<Integer, Integer> FOUND = new ConcurrentHashMap<>();

    /** Where jstrace's own ids are in the NSpid, NStgid, NSpgid and NSsid lines of /proc's status files. */
    public static int level() {
        return LEVEL;
    }

    /** {@code /proc/ID} for thread {@code tid} of jstrace's namespace ({@code /proc/0}, which no read finds, if none). */
    public static String of(int tid) {
        return "/proc/" + procId(tid);
    }

    /** The id /proc names thread {@code tid} of jstrace's namespace by; 0 if none. */
    public static int procId(int tid) {
        if (LEVEL == 0 || tid <= 0) {
            return tid;
        }
        Integer cached = FOUND.get(tid);
        if (cached != null && ours(cached.toString()) == tid && inOurNamespace(cached.toString())) {
            return cached;
        }
        FOUND.remove(tid);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                    for (Path task : tasks) {
                        String id = task.getFileName().toString();
                        if (ours(id) == tid && inOurNamespace(id)) {
                            FOUND.put(tid, Integer.parseInt(id));
                            return Integer.parseInt(id);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The process went away while listed.
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Whether the thread /proc names {@code id} is in jstrace's PID namespace or one below it: a
     * thread of a sibling namespace (another jstrace's under its own {@code unshare -pf}) has an
     * id at jstrace's level too, of another namespace. Walks the thread's namespace up with
     * NS_GET_PARENT until it meets jstrace's or the kernel refuses to go above the caller's.
     */
    private static boolean inOurNamespace(String id) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(STAT_SIZE, 8);
            long own = OwnNamespace.INODE;
            long fd = Sys.syscall(NR_OPEN, arena.allocateFrom("/proc/" + id + "/ns/pid").address(), O_RDONLY_CLOEXEC);
            if (own < 0 || fd < 0) {
                return own < 0; // no namespace files to tell by: as before, the id alone
            }
            for (int depth = 0; depth < 33; depth++) {
                long ino = Sys.syscall(NR_FSTAT, fd, st.address()) < 0 ? -1 : st.get(JAVA_LONG, ST_INO);
                long parent = ino == own || ino < 0 ? -1 : Sys.syscall(NR_IOCTL, fd, NS_GET_PARENT);
                Sys.syscall(NR_CLOSE, fd);
                if (ino == own) {
                    return true;
                }
                if (parent < 0) {
                    return false;
                }
                fd = parent;
            }
            Sys.syscall(NR_CLOSE, fd);
            return false;
        }
    }

    /** jstrace's own PID namespace's inode, read once, when a lookup first needs it; -1 if unreadable. */
    private static final class OwnNamespace {
        static final long INODE = nsInode(OWN_NS);
    }

    private static long nsInode(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment st = arena.allocate(STAT_SIZE, 8);
            long fd = Sys.syscall(NR_OPEN, arena.allocateFrom(path).address(), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                return -1;
            }
            long r = Sys.syscall(NR_FSTAT, fd, st.address());
            Sys.syscall(NR_CLOSE, fd);
            return r < 0 ? -1 : st.get(JAVA_LONG, ST_INO);
        }
    }

    /** The id at jstrace's level of the thread /proc names {@code id}; 0 if none (gone, not of jstrace's namespace). */
    private static int ours(String id) {
        int[] ids = nsPids(id);
        return ids.length > LEVEL ? ids[LEVEL] : 0;
    }

    /** The NSpid line of /proc/DIR/status; empty when not readable. */
    private static int[] nsPids(String dir) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + dir + "/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("NSpid:")) {
                    String[] words = line.substring(6).trim().split("\\s+");
                    int[] ids = new int[words.length];
                    for (int i = 0; i < words.length; i++) {
                        ids[i] = Integer.parseInt(words[i]);
                    }
                    return ids;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone or unreadable.
        }
        return new int[0];
    }
}

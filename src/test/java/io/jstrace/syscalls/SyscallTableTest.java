package io.jstrace.syscalls;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyscallTableTest {
    private static final Path UNISTD_64 = Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
    private static final Pattern DEFINE = Pattern.compile("^#define\\s+__NR_(\\w+)\\s+(\\d+)\\s*$");

    private static final SyscallTable T = SyscallTable.x86_64();

    /** number -> name, from the kernel UAPI header installed on this machine. */
    private static Map<Integer, String> header() throws IOException {
        Map<Integer, String> m = new TreeMap<>();
        for (String line : Files.readAllLines(UNISTD_64)) {
            Matcher d = DEFINE.matcher(line);
            if (d.matches()) {
                m.put(Integer.parseInt(d.group(2)), d.group(1));
            }
        }
        return m;
    }

    @Test
    void everyHeaderSyscallIsInTheTable() throws IOException {
        Map<Integer, String> hdr = header();
        assertTrue(hdr.size() > 300, "header parse found only " + hdr.size());
        hdr.forEach((nr, name) -> {
            Syscall s = T.byNumber(nr);
            assertNotNull(s, "missing " + nr + " " + name);
            assertEquals(name, s.name(), "name of " + nr);
            assertSame(s, T.byName(name));
        });
    }

    @Test
    void everyTableSyscallIsInTheHeader() throws IOException {
        Map<Integer, String> hdr = header();
        for (Syscall s : T.all()) {
            assertEquals(hdr.get(s.number()), s.name(), "table entry " + s.number() + " " + s.name());
        }
        assertEquals(hdr.size(), T.all().size());
    }

    @Test
    void allIsSortedAndSane() {
        int prev = -1;
        for (Syscall s : T.all()) {
            assertTrue(s.number() > prev, "not sorted at " + s.number());
            prev = s.number();
            assertTrue(s.nargs() >= 0 && s.nargs() <= 6, s.name() + " nargs " + s.nargs());
            assertFalse(s.classes().contains("-"), s.name());
            assertFalse(s.classes().contains(""), s.name());
        }
    }

    @Test
    void knownEntries() {
        // Expected values are strace 6.1's syscallent.h rows for x86_64.
        check("read", 0, 3, "desc");
        check("open", 2, 3, "desc", "file");
        check("stat", 4, 2, "file", "stat", "stat_like");
        check("fstat", 5, 2, "desc", "fstat", "stat_like");
        check("lstat", 6, 2, "file", "lstat", "stat_like");
        check("mmap", 9, 6, "desc", "memory");
        check("brk", 12, 1, "memory");
        check("getpid", 39, 0, "pure");
        check("socket", 41, 3, "network");
        check("clone", 56, 5, "process");
        check("execve", 59, 3, "file", "process", "seccomp_default");
        check("kill", 62, 2, "process", "signal");
        check("gettimeofday", 96, 2, "clock");
        check("getuid", 102, 0, "creds", "pure");
        check("ustat", 136, 2, "statfs_like");
        check("statfs", 137, 2, "file", "statfs", "statfs_like");
        check("fstatfs", 138, 2, "desc", "fstatfs", "statfs_like");
        check("sched_yield", 24, 0);
        check("_sysctl", 156, 1);
        check("exit_group", 231, 1, "process");
        check("openat", 257, 4, "desc", "file");
        check("newfstatat", 262, 4, "desc", "file", "fstat", "stat_like");
        check("prlimit64", 302, 4);
        check("statx", 332, 5, "desc", "file", "fstat", "stat_like");
        check("clone3", 435, 2, "process");
        check("close_range", 436, 3);
    }

    @Test
    void lookupsAndClasses() {
        assertNull(T.byNumber(-1));
        assertNull(T.byNumber(100_000));
        assertNull(T.byName("no_such_syscall"));
        assertSame(T, SyscallTable.x86_64(), "cached");
        assertTrue(T.inClass("network").stream().allMatch(s -> s.classes().contains("network")));
        assertTrue(T.inClass("network").stream().anyMatch(s -> s.name().equals("connect")));
        assertTrue(T.inClass("no_such_class").isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> T.byName("read").classes().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> T.all().clear());
    }

    private static void check(String name, int nr, int nargs, String... classes) {
        Syscall s = T.byName(name);
        assertNotNull(s, name);
        assertEquals(nr, s.number(), name);
        assertEquals(nargs, s.nargs(), name);
        assertEquals(Set.of(classes), s.classes(), name);
    }

    @Test
    void x86_64NamesAreUnique() {
        assertEquals(T.all().size(), T.all().stream().map(Syscall::name).distinct().count());
    }

    /** The other personalities of strace's x86_64 build, against the kernel's headers where they agree. */
    @Test
    void otherPersonalities() throws IOException {
        SyscallTable i386 = SyscallTable.i386();
        assertEquals("mmap2", i386.byNumber(192).name());
        assertEquals(359, i386.byName("socket").number(), "the direct call, not the socketcall subcall");
        assertTrue(i386.byNumber(501).inClass("indirect_subcall"));
        SyscallTable x32 = SyscallTable.x32();
        assertEquals("rt_sigaction", x32.byNumber(512).name());
        assertEquals("rt_sigaction#64", x32.byNumber(13).name());
        Pattern define = Pattern.compile("^#define\\s+__NR_(\\w+)\\s+(\\d+)\\s*$");
        for (String line : Files.readAllLines(Path.of("/usr/include/x86_64-linux-gnu/asm/unistd_32.h"))) {
            Matcher d = define.matcher(line);
            if (d.matches() && i386.byNumber(Integer.parseInt(d.group(2))) != null) {
                Syscall s = i386.byNumber(Integer.parseInt(d.group(2)));
                assertTrue(s.name().equals(d.group(1)) || s.name().equals("_" + d.group(1))
                        || s.name().replace("_", "").equals(d.group(1).replace("_", "")) || d.group(1).startsWith(s.name()),
                        "i386 " + d.group(2) + ": " + s.name() + " vs " + d.group(1));
            }
        }
    }

    /** README.md and docs/differences.md say how many calls are decoded: the table's count. */
    @Test
    void docsCountTheDecodedCalls() throws IOException {
        var all = SyscallTable.x86_64().all();
        long decoded = all.stream().filter(s -> s.signature() != null).count();
        String readme = Files.readString(Path.of("README.md"));
        String differences = Files.readString(Path.of("docs/differences.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains(decoded + " of " + all.size() + " with their arguments decoded"), "README.md: " + decoded);
        assertTrue(differences.contains(decoded + " of the " + all.size() + " have a signature")
                && differences.contains("the other " + (all.size() - decoded) + " print their arguments in hex"),
                "docs/differences.md: " + decoded);
    }
}

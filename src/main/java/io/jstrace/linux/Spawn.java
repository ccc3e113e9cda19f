package io.jstrace.linux;

import io.jstrace.xlat.Signals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Starts a program the way a shell would, but stopped before its execve so a tracer can seize
 * it: posix_spawn runs {@link LaunchStub}, which stops itself and then execs the program with
 * jstrace's own environment (glibc's {@code environ}, order and bytes kept), working directory,
 * signal mask and ignored signals, and only the file descriptors jstrace itself inherited.
 */
public final class Spawn {
    private Spawn() {}

    private static final int POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final int MFD_CLOEXEC = 1, S_ISUID = 04000, S_ISGID = 02000;

    /**
     * What the tracee must inherit from jstrace's own start, not from the JVM: descriptors,
     * ignored and blocked signals, and the environment entries as bytes (null: glibc's environ).
     */
    public record Inheritance(Set<Integer> fds, long ignoredSignals, long blockedSignals, List<byte[]> environment) {}

    /**
     * What the launcher does to the command before its execve: install {@code seccompFilter} (a
     * {@link Seccomp#program}; none if empty; without it the command runs only if the filter is
     * not {@code filterRequired}), and take {@code user}'s groups and ids (null: jstrace's own).
     */
    public record Setup(byte[] seccompFilter, boolean filterRequired, User user) {
        public static final Setup PLAIN = new Setup(new byte[0], false, null);
    }

    /**
     * Spawns {@code path} with {@code argv} and waits until it has stopped itself (still before
     * exec). Returns its pid.
     */
    public static int stoppedBeforeExec(String path, List<String> argv, Inheritance inh) throws Errno {
        return stoppedBeforeExec(path, argv, inh, Setup.PLAIN);
    }

    /**
     * Like {@link #stoppedBeforeExec(String, List, Inheritance)}, set up as {@code setup} says
     * once resumed. If the launcher cannot take the user's ids it exits with the errno, and so
     * {@link Errno} {@code launch} reports it.
     */
    public static int stoppedBeforeExec(String path, List<String> argv, Inheritance inh, Setup setup) throws Errno {
        try (Arena arena = Arena.ofConfined()) {
            int memfd = stubFile(arena, Sys.getpid(), path, inh, setup);
            try {
                // /proc/self's target, not getpid(): in a PID namespace whose /proc is its
                // parent's, this process has another number there.
                String stubPath = "/proc/" + procSelf() + "/fd/" + memfd;
                List<String> args = new ArrayList<>(argv.size() + 2);
                args.add("jstrace-launch");
                args.add(path);
                args.addAll(argv);
                int pid = spawn(arena, stubPath, args, inh);
                MemorySegment status = arena.allocate(JAVA_INT);
                int r = Sys.waitpid(pid, status, Sys.WUNTRACED);
                if (r < 0) {
                    throw new Errno("waitpid", -r);
                }
                int s = Sys.status(status);
                if (!WaitStatus.stopped(s)) {
                    throw new Errno("launch", WaitStatus.exited(s) ? WaitStatus.exitCode(s) : Errno.ECHILD);
                }
                return pid;
            } finally {
                Sys.syscall(3, memfd); // close
            }
        }
    }

    private static String procSelf() {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self")).toString();
        } catch (java.io.IOException e) {
            return String.valueOf(Sys.getpid());
        }
    }

    /** The launcher for {@code path}, in a memfd; {@code parent}: the process it dies with before its stop (0: none). */
    private static int stubFile(Arena arena, int parent, String path, Inheritance inh, Setup setup) throws Errno {
        long fd = Sys.syscall(Sys.NR_MEMFD_CREATE, arena.allocateFrom("jstrace-launch").address(), MFD_CLOEXEC);
        if (fd < 0) {
            throw new Errno("memfd_create", (int) -fd);
        }
        long ignore = inh.ignoredSignals() & ~(Signals.bit(Signals.SIGKILL) | Signals.bit(Signals.SIGSTOP));
        byte[] elf = LaunchStub.elf(parent, ignore, credentials(setup.user(), path), setup.seccompFilter(),
                setup.filterRequired());
        MemorySegment data = arena.allocate(elf.length);
        MemorySegment.copy(elf, 0, data, JAVA_BYTE, 0, elf.length);
        long n = Sys.syscall(Sys.NR_WRITE, fd, data.address(), elf.length);
        if (n != elf.length) {
            throw new Errno("write", n < 0 ? (int) -n : Errno.EINTR);
        }
        return (int) fd;
    }

    /**
     * The ids a command runs under as {@code user}, as strace's -u sets them: the user's, but the
     * program's owner (group) as effective user (group) id when it is set-user-ID (set-group-ID),
     * since a traced exec does not take them.
     */
    private static LaunchStub.Credentials credentials(User user, String path) throws Errno {
        if (user == null) {
            return null;
        }
        int mode, owner, group;
        try {
            java.util.Map<String, Object> a = Files.readAttributes(Path.of(path), "unix:mode,uid,gid");
            mode = (int) a.get("mode");
            owner = (int) a.get("uid");
            group = (int) a.get("gid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new Errno("stat", Errno.ENOENT);
        }
        return new LaunchStub.Credentials(user.uid(), (mode & S_ISUID) != 0 ? owner : user.uid(),
                user.gid(), (mode & S_ISGID) != 0 ? group : user.gid(), user.groups());
    }

    private static int spawn(Arena arena, String stubPath, List<String> args, Inheritance inh) throws Errno {
        MemorySegment fa = arena.allocate(512, 16);
        MemorySegment attr = arena.allocate(1024, 16);
        MemorySegment pid = arena.allocate(JAVA_INT);
        MemorySegment st = Libc.errnoState();
        check("posix_spawn_file_actions_init", Libc.call(Libc.FA_INIT, st, fa.address(), 0, 0, 0));
        check("posix_spawnattr_init", Libc.call(Libc.ATTR_INIT, st, attr.address(), 0, 0, 0));
        try {
            for (int fd : openFds()) {
                if (!inh.fds().contains(fd)) {
                    check("addclose", Libc.call(Libc.FA_ADDCLOSE, st, fa.address(), fd, 0, 0));
                }
            }
            MemorySegment mask = arena.allocate(128, 8);
            mask.set(JAVA_LONG, 0, inh.blockedSignals());
            check("setsigmask", Libc.call(Libc.ATTR_SETSIGMASK, st, attr.address(), mask.address(), 0, 0));
            MemorySegment all = arena.allocate(128, 8);
            all.set(JAVA_LONG, 0, -1L);
            check("setsigdefault", Libc.call(Libc.ATTR_SETSIGDEFAULT, st, attr.address(), all.address(), 0, 0));
            check("setflags", Libc.call(Libc.ATTR_SETFLAGS, st, attr.address(),
                    POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK, 0, 0));
            MemorySegment argv = pointers(arena,
                    args.stream().map(a -> a.getBytes(StandardCharsets.ISO_8859_1)).toList());
            MemorySegment envp = inh.environment() == null ? Libc.environ() : pointers(arena, inh.environment());
            MemorySegment path = cString(arena, stubPath.getBytes(StandardCharsets.ISO_8859_1));
            check("posix_spawn", Libc.call(Libc.POSIX_SPAWN, st, pid.address(), path.address(), fa.address(),
                    attr.address(), argv.address(), envp.address(), 0));
        } finally {
            Libc.call(Libc.FA_DESTROY, st, fa.address(), 0, 0, 0);
            Libc.call(Libc.ATTR_DESTROY, st, attr.address(), 0, 0, 0);
        }
        return pid.get(JAVA_INT, 0);
    }

    /**
     * A NULL-terminated array of C strings. Pointers are stored as 64-bit integers: ADDRESS's
     * accessors would make the JVM generate classes on the start-up path that JAVA_LONG's share.
     */
    private static MemorySegment pointers(Arena arena, List<byte[]> strings) {
        MemorySegment array = arena.allocate(JAVA_LONG, strings.size() + 1L);
        for (int i = 0; i < strings.size(); i++) {
            array.setAtIndex(JAVA_LONG, i, cString(arena, strings.get(i)).address());
        }
        array.setAtIndex(JAVA_LONG, strings.size(), 0L);
        return array;
    }

    private static MemorySegment cString(Arena arena, byte[] b) {
        MemorySegment seg = arena.allocate(b.length + 1L);
        MemorySegment.copy(b, 0, seg, JAVA_BYTE, 0, b.length);
        seg.set(JAVA_BYTE, b.length, (byte) 0);
        return seg;
    }

    /** posix_spawn and its helpers return an error number (an int) instead of setting errno. */
    private static void check(String what, long result) throws Errno {
        int rc = (int) result;
        if (rc != 0) {
            throw new Errno(what, rc);
        }
    }

    private static List<Integer> openFds() {
        List<Integer> fds = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path p : dir) {
                fds.add(Integer.parseInt(p.getFileName().toString()));
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return fds;
    }
}

package io.jstrace.bpf;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.linux.TraceeMemory;
import io.jstrace.syscalls.Syscall;
import io.jstrace.trace.FdTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * -y and -yy under --backend=bpf: calls are decoded after they happened, often after the process
 * closed the descriptor or ended, so /proc no longer tells what an fd was. The files each process
 * opened are learned from the calls themselves (open, openat, creat and dups of them, closes,
 * chdir); other descriptors (sockets, pipes, inherited ones) are looked up in /proc as the ptrace
 * backend does, which is right while the process still has them.
 */
final class FdHistory implements FdPaths {
    private static final int AT_FDCWD = -100, F_DUPFD = 0, F_DUPFD_CLOEXEC = 1030;

    private final FdPaths live;
    private final int detail;
    private final Map<Integer, Integer> processOf = new HashMap<>();
    private final Map<Integer, Map<Integer, String>> files = new HashMap<>();
    private final Map<Integer, String> cwds = new HashMap<>();

    FdHistory(FdPaths live, int detail) {
        this.live = live;
        this.detail = detail;
    }

    private int process(int tid) {
        return processOf.getOrDefault(tid, tid);
    }

    private Map<Integer, String> filesOf(int tid) {
        return files.computeIfAbsent(process(tid), k -> new HashMap<>());
    }

    /**
     * A file learned from the calls; else what /proc says now; else what /proc said when the fd
     * was made or inherited (a pipe, a socket), for a process that has ended since.
     */
    @Override
    public Parts describe(int tid, int fd) {
        String known = filesOf(tid).get(fd);
        boolean paths = (detail & DecodeOptions.FD_PATH) != 0;
        if (known != null && known.startsWith("/")) {
            String dev = (detail & DecodeOptions.FD_DEV) != 0 ? FdTable.device(Path.of(known)) : null;
            return dev != null || paths ? new Parts(known, dev) : null;
        }
        Parts now = live.describe(tid, fd);
        return now != null || known == null || !paths ? now : new Parts(known, null);
    }

    /** What /proc/TID/fd/FD links to now, or null. */
    private static String link(int tid, int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + tid + "/fd/" + fd)).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String cwd(int tid) {
        String cwd = cwds.get(process(tid));
        return cwd != null ? cwd : live.cwd(tid);
    }

    /** Thread {@code tid} belongs to process {@code tgid}; a new process starts with its parent's files. */
    void thread(int tid, int tgid, int parent) {
        processOf.put(tid, tgid);
        int from = process(parent);
        if (tgid != from && !files.containsKey(tgid)) {
            files.put(tgid, new HashMap<>(filesOf(parent)));
            String cwd = cwds.get(from);
            if (cwd != null) {
                cwds.put(tgid, cwd);
            }
        }
    }

    /** The started command's working directory and the files it inherited, read before it runs. */
    void started(int pid) {
        String cwd = live.cwd(pid);
        if (cwd != null) {
            cwds.put(pid, cwd);
        }
        Map<Integer, String> fds = filesOf(pid);
        try (var dir = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            for (Path link : (Iterable<Path>) dir::iterator) {
                fds.put(Integer.parseInt(link.getFileName().toString()), Files.readSymbolicLink(link).toString());
            }
        } catch (IOException | RuntimeException e) {
            // Gone already: its descriptors are looked up as they are used.
        }
    }

    /** What a call that succeeded did to the descriptors, before its result (a new fd) is decoded. */
    void returned(int tid, Syscall sc, long[] args, long ret, TraceeMemory memory) {
        if (sc == null || ret < 0) {
            return;
        }
        String name = sc.name();
        Map<Integer, String> fds = filesOf(tid);
        // The table row's signature: the return kind, then the arguments' kinds.
        List<String> kinds = sc.signature() == null ? List.of("") : List.of(sc.signature().split(" +"));
        List<String> specs = kinds.subList(1, kinds.size());
        if (kinds.get(0).equals("fd")) {
            int fd = (int) ret;
            fds.remove(fd);
            int path = specs.indexOf("path");
            if (path >= 0) {
                String p = resolve(tid, specs.indexOf("dirfd") >= 0 ? (int) args[specs.indexOf("dirfd")] : AT_FDCWD,
                        string(tid, memory, args[path]));
                if (p != null) {
                    fds.put(fd, p);
                }
            } else if (name.startsWith("dup") || name.equals("fcntl") && (args[1] == F_DUPFD || args[1] == F_DUPFD_CLOEXEC)) {
                String p = fds.get((int) args[0]);
                if (p != null) {
                    fds.put(fd, p);
                }
            } else {
                String now = link(tid, fd);
                if (now != null) {
                    fds.put(fd, now);
                }
            }
        }
        switch (name) {
            case "chdir" -> {
                String p = resolve(tid, AT_FDCWD, string(tid, memory, args[0]));
                if (p != null) {
                    cwds.put(process(tid), p);
                }
            }
            case "fchdir" -> {
                String p = fds.get((int) args[0]);
                if (p != null) {
                    cwds.put(process(tid), p);
                }
            }
            default -> { }
        }
    }

    /** What a call did that its own line must not show yet (close prints the path it closes). */
    void done(int tid, Syscall sc, long[] args, long ret) {
        if (sc == null || ret < 0) {
            return;
        }
        Map<Integer, String> fds = filesOf(tid);
        switch (sc.name()) {
            case "close" -> fds.remove((int) args[0]);
            case "close_range" -> fds.keySet().removeIf(fd -> Integer.compareUnsigned(fd, (int) args[0]) >= 0
                    && Integer.compareUnsigned(fd, (int) args[1]) <= 0);
            default -> { }
        }
    }

    private static String string(int tid, TraceeMemory memory, long addr) {
        TraceeMemory.CString s = memory.readCString(tid, addr, 4096);
        return s == null || !s.terminated() ? null : new String(s.bytes(), StandardCharsets.ISO_8859_1);
    }

    /** {@code path} as /proc would show it: absolute, symbolic links resolved while the file exists. */
    private String resolve(int tid, int dirfd, String path) {
        if (path == null) {
            return null;
        }
        try {
            Path p = Path.of(path);
            if (!p.isAbsolute()) {
                String base = dirfd == AT_FDCWD ? cwd(tid) : filesOf(tid).get(dirfd);
                if (base == null) {
                    return null;
                }
                p = Path.of(base).resolve(p);
            }
            try {
                return p.toRealPath().toString();
            } catch (IOException e) {
                return p.normalize().toString();
            }
        } catch (InvalidPathException e) {
            return null;
        }
    }
}

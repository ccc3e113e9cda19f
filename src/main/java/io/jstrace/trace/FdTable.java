package io.jstrace.trace;

import io.jstrace.linux.ProcDirs;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.decode.PidFds;
import io.jstrace.decode.SockDescriber;

import io.jstrace.linux.Sys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * -y: the path behind a tracee's fd, read from /proc/TID/fd at the moment it is printed.
 * -yy (or -e decode-fds= with socket, dev, pidfd) adds what strace 6.1 adds: socket endpoints
 * ({@code TCP:[1.2.3.4:5->6.7.8.9:10]}) in place of {@code socket:[inode]}, {@code <char 1:3>}
 * after device files, and {@code pid:N} in place of a pidfd's {@code anon_inode:[pidfd]}.
 * As strace's printfd_pid, the first of socket, dev, pidfd that applies wins, else the path if asked.
 */
public final class FdTable implements FdPaths {
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final String DELETED = " (deleted)";
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final String PIDFD = "anon_inode:[pidfd]";

    private final int detail;
    /**
     * strace keeps the endpoints it found per socket inode (a direct-mapped cache) and prints
     * them again without asking, so a socket shows the first endpoints seen, even after its peer closed.
     */
    private static final int CACHE_SIZE = 1 << 10;
    private final long[] cachedInode = new long[CACHE_SIZE];
    private final String[] cachedDetails = new String[CACHE_SIZE];

    public FdTable(int detail) {
        this.detail = detail;
    }

    @Override
    public String cwd(int tid) {
        byte[] b = Sys.readlink(ProcDirs.of(tid) + "/cwd");
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }

    @Override
    public long mapping(int tid, int fd) {
        Target t = target(tid, fd);
        if (t == null) {
            return -1;
        }
        try {
            // "start-end perms offset major:minor inode path"
            for (String line : Files.readAllLines(Path.of(ProcDirs.of(tid) + "/maps"), StandardCharsets.ISO_8859_1)) {
                String[] f = line.trim().split("\\s+", 6);
                if (f.length == 6 && f[5].equals(t.path()) && f[3].startsWith("00:")) {
                    return Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1; // the process is gone, or a line we do not understand
        }
        return -1;
    }

    /**
     * What an fd's /proc link names: the path as its bytes are (one char per byte), and whether
     * the file is gone, the kernel's {@code " (deleted)"} then taken off the path as strace's
     * getfdpath does (unless a file of that very name is the one open).
     */
    public record Target(String path, boolean deleted) {}

    public static Target target(int tid, int fd) {
        if (fd < 0) {
            return null;
        }
        String link = ProcDirs.of(tid) + "/fd/" + fd;
        byte[] b = Sys.readlink(link);
        if (b == null) {
            return null;
        }
        String path = new String(b, StandardCharsets.ISO_8859_1);
        if (path.length() > DELETED.length() && path.endsWith(DELETED) && !sameFile(Path.of(link), path)) {
            return new Target(path.substring(0, path.length() - DELETED.length()), true);
        }
        return new Target(path, false);
    }

    /** Whether {@code path} (not followed) is the file the fd link leads to. */
    private static boolean sameFile(Path link, String path) {
        try {
            Path named = Path.of(path);
            return Files.getAttribute(link, "unix:ino").equals(Files.getAttribute(named, "unix:ino", LinkOption.NOFOLLOW_LINKS))
                    && Files.getAttribute(link, "unix:dev").equals(Files.getAttribute(named, "unix:dev", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Parts describe(int tid, int fd) {
        Target t = target(tid, fd);
        if (t == null) {
            return null;
        }
        Path link = Path.of(ProcDirs.of(tid) + "/fd/" + fd);
        String path = t.path();
        boolean paths = (detail & DecodeOptions.FD_PATH) != 0;
        if (t.deleted()) {
            String dev = (detail & DecodeOptions.FD_DEV) != 0 && path.startsWith("/") ? device(link) : null;
            return dev != null || paths ? new Parts(path, dev, true) : null;
        }
        Matcher m = SOCKET.matcher(path);
        if ((detail & DecodeOptions.FD_SOCKET) != 0 && m.matches()) {
            long inode = Long.parseLong(m.group(1));
            int slot = (int) (inode & (CACHE_SIZE - 1));
            if (cachedDetails[slot] != null && cachedInode[slot] == inode) {
                return new Parts(null, cachedDetails[slot]);
            }
            SockDescriber.Description d = SockDescriber.describe(tid, fd, inode);
            if (d != null) {
                if (d.found()) {
                    cachedInode[slot] = inode;
                    cachedDetails[slot] = d.text();
                }
                return new Parts(null, d.text());
            }
        }
        if ((detail & DecodeOptions.FD_DEV) != 0 && path.startsWith("/")) {
            String dev = device(link);
            if (dev != null) {
                return new Parts(path, dev);
            }
        }
        if ((detail & DecodeOptions.FD_PIDFD) != 0 && path.equals(PIDFD)) {
            int pid = PidFds.pidOf(tid, fd);
            return pid > 0 ? new Parts(null, "pid:" + pid) : new Parts(path, null);
        }
        return paths ? new Parts(path, null) : null;
    }

    /** {@code <char 1:3>} / {@code <block 8:1>} for device files, else null. */
    public static String device(Path link) {
        try {
            int mode = (Integer) Files.getAttribute(link, "unix:mode");
            int type = mode & S_IFMT;
            if (type != S_IFCHR && type != S_IFBLK) {
                return null;
            }
            long rdev = (Long) Files.getAttribute(link, "unix:rdev");
            return "<" + (type == S_IFCHR ? "char" : "block") + " " + major(rdev) + ":" + minor(rdev) + ">";
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** glibc's gnu_dev_major/minor. */
    static long major(long dev) {
        return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
    }

    static long minor(long dev) {
        return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
    }
}

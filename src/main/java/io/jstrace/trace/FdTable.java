package io.jstrace.trace;

import io.jstrace.decode.FdPaths;
import io.jstrace.decode.SockDescriber;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * -y: the path behind a tracee's fd, read from /proc/TID/fd at the moment it is printed.
 * -yy adds what strace 6.1 adds: socket endpoints ({@code TCP:[1.2.3.4:5->6.7.8.9:10]}) in place
 * of {@code socket:[inode]}, and {@code <char 1:3>} after device files.
 */
public final class FdTable implements FdPaths {
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;

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
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + tid + "/cwd")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public Parts describe(int tid, int fd) {
        Path link = Path.of("/proc/" + tid + "/fd/" + fd);
        String path;
        try {
            path = Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
        if (detail < 2) {
            return new Parts(path, null);
        }
        Matcher m = SOCKET.matcher(path);
        if (m.matches()) {
            long inode = Long.parseLong(m.group(1));
            int slot = (int) (inode & (CACHE_SIZE - 1));
            if (cachedDetails[slot] != null && cachedInode[slot] == inode) {
                return new Parts(null, cachedDetails[slot]);
            }
            SockDescriber.Description d = SockDescriber.describe(tid, fd, inode);
            if (d == null) {
                return new Parts(path, null);
            }
            if (d.found()) {
                cachedInode[slot] = inode;
                cachedDetails[slot] = d.text();
            }
            return new Parts(null, d.text());
        }
        if (path.startsWith("/")) {
            String dev = device(link);
            if (dev != null) {
                return new Parts(path, dev);
            }
        }
        return new Parts(path, null);
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

package io.jstrace.decode;

/** What stands behind a tracee's file descriptor (for -y and -yy). */
@FunctionalInterface
public interface FdPaths {
    /** What stands behind {@code fd} of thread {@code tid}, or null if unknown. */
    Parts describe(int tid, int fd);

    /**
     * What -y/-yy shows for an fd, in two parts: {@code path}, which strace escapes like a string
     * (with '<' and '>' too, and hex under -x/-xx), and {@code detail}, printed verbatim after it
     * (socket endpoints such as {@code TCP:[1.2.3.4:5->6.7.8.9:10]}, device numbers such as
     * {@code <char 1:3>}). Either may be null. {@code deleted}: the file is gone (strace prints
     * {@code (deleted)} after the brackets).
     */
    record Parts(String path, String detail, boolean deleted) {
        public Parts(String path, String detail) {
            this(path, detail, false);
        }
    }

    /** The working directory of {@code tid} (what AT_FDCWD stands for), or null. */
    default String cwd(int tid) {
        return null;
    }

    /**
     * Where {@code tid} has the file behind {@code fd} mapped (its first mapping of that name on a
     * device of major 0, as strace's mmap cache finds a vCPU's run area), or -1.
     */
    default long mapping(int tid, int fd) {
        return -1;
    }

    FdPaths NONE = (tid, fd) -> null;
}

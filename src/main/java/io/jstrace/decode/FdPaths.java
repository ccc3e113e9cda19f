package io.jstrace.decode;

/** What stands behind a tracee's file descriptor (for -y and -yy). */
@FunctionalInterface
public interface FdPaths {
    /** The path or description of {@code fd} in process {@code tid}, or null if unknown. */
    String describe(int tid, int fd);

    /** The working directory of {@code tid} (what AT_FDCWD stands for), or null. */
    default String cwd(int tid) {
        return null;
    }

    FdPaths NONE = (tid, fd) -> null;
}

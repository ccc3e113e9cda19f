package io.jstrace.decode;

/** What stands behind a tracee's file descriptor (for -y and -yy). */
@FunctionalInterface
public interface FdPaths {
    /** The path or description of {@code fd} in process {@code tid}, or null if unknown. */
    String describe(int tid, int fd);

    FdPaths NONE = (tid, fd) -> null;
}

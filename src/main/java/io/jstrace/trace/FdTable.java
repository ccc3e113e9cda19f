package io.jstrace.trace;

import io.jstrace.decode.FdPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** -y: the path behind a tracee's fd, read from /proc/TID/fd at the moment it is printed. */
public final class FdTable implements FdPaths {
    private final int detail;

    public FdTable(int detail) {
        this.detail = detail;
    }

    @Override
    public String describe(int tid, int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + tid + "/fd/" + fd)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}

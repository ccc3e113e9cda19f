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
        return link("/proc/" + tid + "/fd/" + fd);
    }

    @Override
    public String cwd(int tid) {
        return link("/proc/" + tid + "/cwd");
    }

    private static String link(String path) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}

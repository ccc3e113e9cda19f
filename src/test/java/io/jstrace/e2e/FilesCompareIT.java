package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The file, filesystem and I/O families against /usr/bin/strace: src/test/c/files.c makes their
 * calls with the edge cases strace's own test suite checks (openat2's newer fields, poll's
 * negative fds, fcntl commands, the mount API, quotactl, io_uring, AIO, memfd, fanotify), traced
 * by both with each -X style, -v and -y; the lines must be identical once masked.
 */
class FilesCompareIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-e trace=all",
            "-v",
            "-y",
            "-yy",
            "-X raw",
            "-X verbose",
            "-s 4 -e trace=openat2,poll,io_uring_register,io_submit,sendfile",
            "-P /etc/passwd",
    })
    void sameLinesAsStrace(String options) throws Exception {
        List<String> opts = Arrays.asList(options.trim().split(" +"));
        StraceDiff.Pair p = StraceDiff.run(tmp, opts, "exec " + Run.tracee("files"));
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }
}

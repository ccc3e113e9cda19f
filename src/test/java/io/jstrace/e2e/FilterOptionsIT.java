package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filter and format options against strace 6.1 on the filters tracee: -P, -i, -e read=/write=
 * dumps, -e raw=/abbrev=/verbose=, -e quiet=, --timestamps=, and strace's errors for bad values.
 * --syscall-limit, which strace 6.1 lacks, is checked on its own.
 */
class FilterOptionsIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "-P data.txt",
            "-P link -P /no/such/path",
            "--trace-path=data.txt -y",
            // The execve's instruction pointer is in the tracer's own launcher, which differs.
            "-i -e trace=!execve",
            "-i -f -e trace=none",
            "-e write=all -e read=all",
            "-e read=3,4 --write=!0,1,2",
            "-e raw=all -e trace=!getpid,getppid,kill,set_tid_address",
            "-e raw=openat,read,write,close,pwrite64",
            "-e verbose=none",
            "--verbose=!write,newfstatat,pselect6",
            "-e abbrev=none",
            "-v -e abbrev=execve",
            "-s 4 -e abbrev=!writev -e trace=writev,read",
            "-e quiet=exit",
            "--quiet=!attach",
            "-qqq",
            "--timestamps=format:none",
    })
    void sameLinesAsStrace(String options) throws Exception {
        List<String> opts = Arrays.asList(options.trim().split(" +"));
        StraceDiff.Pair p = StraceDiff.run(tmp, opts, "exec " + Run.tracee("filters"));
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }

    /** strace's messages for bad values, word for word (the program name aside). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-e quiet=bogus", "--quiet=exit,all", "-e quiet=", "-e quiet=!", "-q -e quiet=exit",
            "-e read=x", "-e read=-1", "-e write=99999999999", "-e write=", "-e read=!", "-e read=1,all",
            "-e raw=bogus", "-e abbrev=", "-e verbose=!", "--raw=,",
            "--absolute-timestamps=bogus", "--timestamps=precision:xx", "-t --absolute-timestamps=unix",
    })
    void sameErrorsAsStrace(String options) throws Exception {
        List<String> opts = Arrays.asList(options.trim().split(" +"));
        Run.Result s = Run.exec(command("/usr/bin/strace", opts), StraceDiff.ENV, tmp);
        Run.Result j = Run.exec(command(Run.JSTRACE, opts), StraceDiff.ENV, tmp);
        assertEquals(s.exit(), j.exit());
        assertEquals(s.err().replace("/usr/bin/strace", "jstrace"), j.err().replaceAll("(?m)^jstrace: building .*\n", ""));
    }

    @Test
    void pathResolutionMessageAsStrace() throws Exception {
        Files.writeString(tmp.resolve("target.txt"), "x");
        Files.createSymbolicLink(tmp.resolve("lnk"), tmp.resolve("target.txt"));
        List<String> opts = List.of("-P", "lnk", "-P", "lnk", "-e", "trace=none");
        Run.Result s = Run.exec(command("/usr/bin/strace", opts), StraceDiff.ENV, tmp);
        Run.Result j = Run.exec(command(Run.JSTRACE, opts), StraceDiff.ENV, tmp);
        assertTrue(s.err().contains("resolved into"), s.err());
        assertEquals(s.err().replace("/usr/bin/strace", "jstrace"), j.err().replaceAll("(?m)^jstrace: building .*\n", ""));
        List<String> quiet = List.of("-P", "lnk", "-e", "quiet=path-resolution,exit", "-e", "trace=none");
        assertEquals("", Run.exec(command(Run.JSTRACE, quiet), StraceDiff.ENV, tmp).err()
                .replaceAll("(?m)^jstrace: building .*\n", ""));
    }

    /** strace 6.1 has no --syscall-limit: its later versions detach after N shown calls, and so does jstrace. */
    @Test
    void syscallLimitDetachesAndLeavesTheCommandRunning() throws Exception {
        Path out = tmp.resolve("out");
        List<String> argv = new ArrayList<>(List.of(Run.JSTRACE, "--syscall-limit=4", "-e", "trace=!brk", "-o",
                out.toString(), "/bin/sh", "-c", "sleep 0.3; echo done > marker"));
        Run.Result r = Run.exec(argv, StraceDiff.ENV, tmp);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Run.lines(out);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("brk(")), String.join("\n", lines));
        // -o with a command is quiet about attaching, so the limit's notice is left out too.
        assertEquals("", r.err().replaceAll("(?m)^jstrace: building .*\n", ""));
        Path marker = tmp.resolve("marker");
        for (int i = 0; i < 50 && !Files.exists(marker); i++) {
            Thread.sleep(100);
        }
        assertEquals("done\n", Files.readString(marker));
    }

    @Test
    void syscallLimitNoticeUnlessQuiet() throws Exception {
        List<String> argv = List.of(Run.JSTRACE, "-f", "--syscall-limit=2", "-e", "trace=getppid", "/bin/sh", "-c",
                "for i in 1 2 3 4; do perl -e getppid; done");
        Run.Result r = Run.exec(argv, StraceDiff.ENV, tmp);
        assertTrue(r.err().contains("jstrace: System call limit has been reached, detaching tracees\n"), r.err());
        assertEquals(2, r.err().lines().filter(l -> l.contains("getppid()")).count(), r.err());
    }

    private static List<String> command(String tracer, List<String> opts) {
        List<String> argv = new ArrayList<>(List.of(tracer));
        argv.addAll(opts);
        argv.add("true");
        return argv;
    }
}

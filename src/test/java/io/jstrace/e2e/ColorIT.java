package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --color on real runs: where the sequences go, and when auto colours (a terminal, no NO_COLOR). */
class ColorIT {
    private static final String ESC = "\033[";
    private static final String COMMAND = "cat /nonexistent; echo hi >/dev/null; exit 1";

    @TempDir
    Path tmp;

    private List<String> trace(String tag, String... options) throws Exception {
        Path out = tmp.resolve("out-" + tag);
        List<String> argv = new ArrayList<>(List.of("setarch", "x86_64", "-R", Run.JSTRACE, "-f"));
        argv.addAll(List.of(options));
        argv.addAll(List.of("-o", out.toString(), "--", "/bin/sh", "-c", COMMAND));
        Run.Result r = Run.exec(argv, StraceDiff.ENV, tmp);
        assertEquals(1, r.exit(), r.err());
        assertFalse(r.err().contains(ESC), r.err());
        return Run.lines(out);
    }

    @Test
    void alwaysColoursTheFileAndStripsToThePlainTrace() throws Exception {
        List<String> coloured = trace("colour", "--color=always");
        List<String> plain = trace("plain");
        List<String> stripped = coloured.stream().map(l -> l.replaceAll("\033\\[[0-9;]*m", "")).toList();
        assertEquals(StraceDiff.normalise(plain), StraceDiff.normalise(stripped));

        String all = String.join("\n", coloured);
        assertTrue(all.contains(ESC + "1;36mopenat" + ESC + "0m(AT_FDCWD, " + ESC + "32m\"/nonexistent\"" + ESC + "0m, O_RDONLY) = "
                + ESC + "31m-1 ENOENT (No such file or directory)" + ESC + "0m"), all);
        assertTrue(all.contains("--- " + ESC + "35mSIGCHLD" + ESC + "0m {si_signo=SIGCHLD"), all);
        assertTrue(coloured.getLast().endsWith(ESC + "1m+++ exited with 1 +++" + ESC + "0m"), coloured.getLast());
        // Every line starts, after its pid, with a coloured part: the call's name, a signal, an exit.
        for (String line : coloured) {
            assertTrue(line.matches("\\d+ +(<\\.\\.\\. )?(--- )?\033\\[[0-9;]+m.*"), line);
        }
    }

    @Test
    void autoDoesNotColourFilesOrPipes() throws Exception {
        assertFalse(String.join("\n", trace("auto", "--color=auto")).contains(ESC));
        Run.Result r = Run.jstrace("--colour=auto", "true"); // stderr is a file here, no terminal
        assertFalse(r.err().contains(ESC), r.err());
        assertTrue(r.err().contains("execve("), r.err());
    }

    /** On a terminal (script(1) gives jstrace a pty): auto colours, NO_COLOR stops it, always overrides NO_COLOR. */
    @Test
    void onATerminalAutoColoursUnlessNoColorIsSet() throws Exception {
        assertTrue(onTerminal("--color=auto", null).contains(ESC + "1;36mexecve"));
        assertFalse(onTerminal("--color=auto", "1").contains(ESC));
        assertTrue(onTerminal("--color=always", "1").contains(ESC + "1;36mexecve"));
        assertFalse(onTerminal("-q", null).contains(ESC), "no colour without --color");
    }

    private String onTerminal(String option, String noColor) throws Exception {
        Map<String, String> env = new HashMap<>(StraceDiff.ENV);
        env.put("TERM", "xterm");
        if (noColor != null) {
            env.put("NO_COLOR", noColor);
        }
        Run.Result r = Run.exec(List.of("script", "-qec", Run.JSTRACE + " " + option + " true", "/dev/null"), env, tmp);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("execve"), r.out());
        return r.out();
    }

    @Test
    void badWhenIsAUsageError() throws Exception {
        Run.Result r = Run.jstrace("--color=sometimes", "true");
        assertEquals(1, r.exit());
        assertEquals("jstrace: invalid --color argument: 'sometimes'\nTry 'jstrace -h' for more information.\n", r.err());
    }
}

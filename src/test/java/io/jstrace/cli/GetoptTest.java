package io.jstrace.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** glibc's getopt_long over strace's option tables: each message as /usr/bin/strace printed it. */
class GetoptTest {
    private static List<String> keys(String... args) throws UsageError {
        Getopt g = new Getopt(List.of(args), CommandLine.SHORT, CommandLine.LONG, CommandLine.EXTENSIONS);
        List<String> out = new ArrayList<>();
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            out.add(o.key() + (o.value() == null ? "" : "=" + o.value()));
        }
        out.add("|" + String.join(" ", g.rest()));
        return out;
    }

    private static String error(String... args) {
        UsageError e = assertThrows(UsageError.class, () -> keys(args));
        assertTrue(e.suggestHelp());
        return e.getMessage();
    }

    @Test
    void clustersValuesAndTheEnd() throws UsageError {
        assertEquals(List.of("f", "t", "t", "s=64", "e=trace=open", "|ls -l"), keys("-ftts64", "-e", "trace=open", "ls", "-l"));
        assertEquals(List.of("|-", "|- x"), List.of(keys("-").getLast(), keys("-", "x").getLast()));
        assertEquals(List.of("|-f"), keys("--", "-f"));
    }

    @Test
    void longOptionsAndPrefixes() throws UsageError {
        assertEquals(List.of("a=5", "|"), keys("--col", "5"), "strace's --columns, not jstrace's --color");
        assertEquals(List.of("color", "|"), keys("--colo"));
        assertEquals(List.of("quiet", "|"), keys("--sil"), "silent and silence are one option");
        assertEquals(List.of("daemonize=pgrp", "|"), keys("--daemoni=pgrp"));
        assertEquals(List.of("seccomp-bpf", "|"), keys("--seccomp"), "strace's only --seccomp option");
        assertEquals(List.of("r=", "|"), keys("--relative-timestamps="));
        assertEquals(List.of("json", "|"), keys("--js"));
    }

    @Test
    void errors() {
        assertEquals("invalid option -- 'Q'", error("-fQ"));
        assertEquals("invalid option -- ':'", error("-:"));
        assertEquals("option requires an argument -- 'e'", error("-e"));
        assertEquals("unrecognized option '--bogus=%desc'", error("--bogus=%desc"));
        assertEquals("option '--debug' doesn't allow an argument", error("--debug=1"));
        assertEquals("option '--output' requires an argument", error("--output"));
        assertEquals("option '--out' is ambiguous; possibilities: '--output-append-mode' '--output-separately'"
                + " '--output'", error("--out"));
        assertEquals("option '--tra=x' is ambiguous; possibilities: '--trace-path' '--trace'", error("--tra=x"));
        assertEquals("option '--co' is ambiguous; possibilities: '--columns' '--const-print-style'", error("--co"));
        assertEquals("option '--ti' is ambiguous; possibilities: '--timestamps' '--tips'", error("--ti"));
        assertEquals("option '--su' is ambiguous; possibilities: '--summary-only' '--summary'"
                + " '--summary-syscall-overhead' '--summary-sort-by' '--summary-columns' '--summary-wall-clock'"
                + " '--successful-only'", error("--su"));
    }
}

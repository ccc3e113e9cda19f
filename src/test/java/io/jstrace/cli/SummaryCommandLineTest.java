package io.jstrace.cli;

import io.jstrace.output.SummaryColumn;
import io.jstrace.output.SummaryOptions;
import io.jstrace.output.SummaryOrder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -c, -C, -S, -U, -w, -O and their long forms, with strace 6.1's errors and warnings. */
class SummaryCommandLineTest {
    private static Options parse(String... a) throws UsageError {
        return (Options) CommandLine.parse(List.of(a));
    }

    private static String error(String... a) {
        UsageError e = assertThrows(UsageError.class, () -> parse(a));
        assertTrue(e.suggestHelp(), "strace adds its -h hint");
        return e.getMessage();
    }

    @Test
    void noSummaryWithoutCOrC() throws UsageError {
        assertNull(parse("true").summary());
    }

    @Test
    void defaultsAndShortForms() throws UsageError {
        SummaryOptions s = parse("-c", "true").summary();
        assertEquals(new SummaryOptions(true, false, SummaryOrder.TIME, SummaryColumn.DEFAULT, 0), s);
        s = parse("-Cw", "-S", "calls", "-Uname,calls", "-O1.5ms", "true").summary();
        assertEquals(new SummaryOptions(false, true, SummaryOrder.CALLS,
                List.of(SummaryColumn.NAME, SummaryColumn.CALLS), 1_500_000), s);
    }

    @Test
    void longForms() throws UsageError {
        SummaryOptions s = parse("--summary-only", "--summary-wall-clock", "--summary-sort-by=name",
                "--summary-columns=errors", "--summary-syscall-overhead=2", "true").summary();
        assertEquals(new SummaryOptions(true, true, SummaryOrder.NAME,
                List.of(SummaryColumn.ERRORS, SummaryColumn.NAME), 2000), s);
        assertFalse(parse("--summary", "true").summary().only());
    }

    @Test
    void errorsWordedAsStrace() {
        assertEquals("-c/--summary-only and -C/--summary are mutually exclusive", error("-c", "-C", "true"));
        assertEquals("-c/--summary-only and -C/--summary are mutually exclusive", error("-C", "-c", "true"));
        assertEquals("invalid sortby: 'foo'", error("-c", "-S", "foo", "true"));
        assertEquals("unknown column name: 'foo'", error("-c", "-U", "foo", "true"));
        assertEquals("invalid -O argument: '5xs'", error("-c", "-O", "5xs", "true"));
        assertEquals("invalid --summary-syscall-overhead argument: 'x'",
                error("-c", "--summary-syscall-overhead=x", "true"));
        assertEquals("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
                error("-w", "true"));
        assertEquals("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)",
                error("-U", "calls", "true"));
        assertEquals("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive",
                error("-c", "-ff", "true"));
        assertEquals("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive",
                error("-C", "-ff", "-o", "x", "true"));
    }

    @Test
    void warningsForOptionsWithoutEffect() throws UsageError {
        assertEquals(List.of("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)"),
                parse("-S", "calls", "true").warnings());
        assertEquals(List.of("-n/--syscall-number has no effect with -c/--summary-only",
                        "-r/--relative-timestamps has no effect with -c/--summary-only",
                        "-t/--absolute-timestamps has no effect with -c/--summary-only",
                        "-T/--syscall-times has no effect with -c/--summary-only",
                        "-y/--decode-fds has no effect with -c/--summary-only"),
                parse("-c", "-n", "-r", "-t", "-T", "-y", "true").warnings());
        assertEquals(List.of(), parse("-C", "-n", "-r", "-t", "-T", "-y", "true").warnings());
    }
}

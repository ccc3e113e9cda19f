package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jstrace -c/-C against strace -c/-C on the same deterministic commands: the same columns and
 * widths, the same calls and errors per syscall, in the same order where the order does not
 * depend on time; time cells need only have strace's format in strace's width.
 */
class SummaryIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    private static final Pattern DIVIDER = Pattern.compile("^-+( -+)*$");
    private static final Map<String, Pattern> TIME_CELLS = Map.of(
            "% time", Pattern.compile(" *\\d+\\.\\d\\d"),
            "seconds", Pattern.compile(" *\\d+\\.\\d{6}"),
            "shortest", Pattern.compile(" *\\d+\\.\\d{6}"),
            "longest", Pattern.compile(" *\\d+\\.\\d{6}"),
            "usecs/call", Pattern.compile(" *\\d+"));

    /** A parsed table: lines before it (with -C), and the table with time cells masked. */
    record Table(List<String> before, String header, String divider, List<String> rows, String total) {}

    private Table run(String tracer, List<String> options, List<String> command, String tag) throws Exception {
        Path out = tmp.resolve("summary-" + tag);
        Path work = Files.createDirectories(tmp.resolve("work-" + tag));
        List<String> argv = new ArrayList<>(List.of("setarch", "x86_64", "-R", tracer));
        argv.addAll(options);
        argv.addAll(List.of("-o", out.toString(), "--"));
        argv.addAll(command);
        Run.Result r = Run.exec(argv, StraceDiff.ENV, work);
        assertEquals(0, r.exit(), tracer + ": " + r.err());
        return parse(Run.lines(out));
    }

    static Table parse(List<String> lines) {
        int first = -1, second = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (DIVIDER.matcher(lines.get(i)).matches()) {
                if (first < 0) {
                    first = i;
                } else {
                    second = i;
                }
            }
        }
        assertTrue(first > 0 && second == lines.size() - 2, "no table at the end: " + lines);
        String divider = lines.get(first);
        String header = lines.get(first - 1);
        List<int[]> spans = new ArrayList<>();
        Matcher m = Pattern.compile("-+").matcher(divider);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        List<String> rows = new ArrayList<>();
        for (String row : lines.subList(first + 1, second)) {
            rows.add(mask(row, header, spans));
        }
        return new Table(lines.subList(0, first - 1), header, divider, rows, mask(lines.get(second + 1), header, spans));
    }

    /** Replaces each time cell by '#'s of its width after checking it has strace's format there. */
    private static String mask(String row, String header, List<int[]> spans) {
        StringBuilder sb = new StringBuilder(row);
        for (int[] s : spans) {
            String name = header.substring(s[0], Math.min(s[1], header.length())).strip();
            Pattern p = TIME_CELLS.get(name);
            if (p != null) {
                String cell = row.substring(s[0], s[1]);
                assertTrue(p.matcher(cell).matches(), "'" + cell + "' in column " + name + " of: " + row);
                sb.replace(s[0], s[1], "#".repeat(s[1] - s[0]));
            }
        }
        return sb.toString();
    }

    private void compare(String options, boolean orderByTime, String... command) throws Exception {
        List<String> opts = Arrays.asList(options.split(" "));
        Table s = run("/usr/bin/strace", opts, List.of(command), "s");
        Table j = run(Run.JSTRACE, opts, List.of(command), "j");
        assertEquals(s.header(), j.header());
        assertEquals(s.divider(), j.divider());
        assertEquals(orderByTime ? sorted(s.rows()) : s.rows(), orderByTime ? sorted(j.rows()) : j.rows());
        assertEquals(s.total(), j.total());
        assertEquals(StraceDiff.normalise(s.before()), StraceDiff.normalise(j.before()));
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0} :: {2}")
    @CsvSource(delimiter = '|', value = {
            "-c | true | ls -la /etc",
            "-c | true | cat /etc/hostname",
            "-c | true | python3 -c print(1)",
            "-c -w | true | cat /etc/hostname",
            "-c -S calls | false | ls -la /etc",
            "-c -S errors -U errors,calls | false | ls -la /etc",
            "-c -S name -U name,calls,errors,min-time,max-time | false | cat /etc/hostname",
            "-c -S nothing -U calls,errors,syscall,time-percent | false | python3 -c print(1)",
            "-c -S max-time -U max-time,min-time,avg-time,total-time,time-percent,calls,errors | true | cat /etc/hostname",
            "--summary-only --summary-sort-by=count --summary-columns=count,error,syscall-name | false | cat /etc/hostname",
            "-c -e trace=%file,read | true | cat /etc/hostname",
            "-f -c -S calls -e trace=execve,openat,close,read,write,getdents64 | false | sh -c cat /etc/hostname; ls /etc",
            "-C -S calls -e trace=openat,close,read,write | false | cat /etc/hostname",
            "--summary -w -S name | false | cat /etc/hostname",
    })
    void sameTableAsStrace(String options, boolean orderByTime, String command) throws Exception {
        // Three words at most, so that a sh -c script stays one argument.
        compare(options, orderByTime, command.split(" ", 3));
    }

    @Test
    void aLargeOverheadZeroesEveryTimeSoTheWholeTableIsStraces() throws Exception {
        Path s = tmp.resolve("s.txt"), j = tmp.resolve("j.txt");
        for (var p : List.of(List.of("/usr/bin/strace", s.toString()), List.of(Run.JSTRACE, j.toString()))) {
            Run.Result r = Run.exec(List.of("setarch", "x86_64", "-R", p.get(0), "-c", "-O", "1s", "-o", p.get(1),
                    "ls", "-la", "/etc"), StraceDiff.ENV, tmp);
            assertEquals(0, r.exit(), r.err());
        }
        assertEquals(Run.lines(s), Run.lines(j));
        assertTrue(Run.lines(j).getLast().startsWith("100.00    0.000000           0       "));
    }

    @Test
    void withoutOutputFileTheTableGoesToStderrAndTheCommandKeepsStdout() throws Exception {
        Run.Result r = Run.jstrace("-c", "echo", "hello");
        assertEquals("hello\n", r.out());
        assertTrue(r.err().startsWith("% time     seconds  usecs/call     calls    errors syscall\n"), r.err());
        assertTrue(r.err().contains(" write\n") && r.err().endsWith(" total\n"), r.err());
    }

    @Test
    void noCallCountedPrintsNoTable() throws Exception {
        Run.Result r = Run.jstrace("-c", "-e", "trace=none", "true");
        assertEquals(0, r.exit());
        assertEquals("", r.err());
    }

    @Test
    void followedProcessesAndThreadsShareOneTable() throws Exception {
        String stress = Run.tracee("stress");
        Run.Result r = Run.jstrace("-f", "-q", "-c", "-S", "calls", "-U", "calls,errors,name", stress);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("    calls")).count(), r.err());
        assertEquals("   100000           getppid", lines.get(2), r.err());
        assertTrue(lines.contains("      100           getpgrp"), r.err());
        assertTrue(lines.contains("      100           wait4"), r.err());
    }

    @Test
    void badValuesAreRejectedAsStraceWordsThem() throws Exception {
        for (String[] c : List.of(new String[] {"-c", "-S", "foo"}, new String[] {"-c", "-U", "calls,calls"},
                new String[] {"-c", "-O", "5xs"}, new String[] {"-w"}, new String[] {"-c", "-C"})) {
            List<String> args = new ArrayList<>(List.of(c));
            args.add("true");
            Run.Result s = Run.exec(prepend("/usr/bin/strace", args), null, null);
            Run.Result j = Run.exec(prepend(Run.JSTRACE, args), null, null);
            assertEquals(1, j.exit());
            assertEquals(s.err().replace("/usr/bin/strace", "jstrace"), j.err());
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> l = new ArrayList<>(List.of(first));
        l.addAll(rest);
        return l;
    }
}

package io.jstrace.e2e;

import io.jstrace.output.JsonTree;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
 * -k: stack traces of a tracee built without frame pointers (src/test/c/stack.c), unwound
 * through CFI, three functions deep and through a signal handler; and the same lines as strace's.
 */
class StackTraceIT {
    private static final Pattern FRAME = Pattern.compile("^ > (\\S+?)\\((\\w*)\\+0x[0-9a-f]+\\) \\[0x[0-9a-f]+\\]$");

    @TempDir
    Path tmp;

    @Test
    void namesTheTraceesOwnFrames() throws Exception {
        String tracee = Run.tracee("stack");
        Path out = tmp.resolve("out");
        Run.Result r = Run.jstrace("-k", "-e", "trace=write", "-o", out.toString(), tracee);
        assertEquals(0, r.exit(), r.err());
        assertEquals("hello\nin handler\nbye\n", r.out());
        List<String> lines = Run.lines(out);
        // In the handler: write <- leaf <- middle <- outer <- on_usr1 <- (signal frame, raise) <- main <- _start
        assertEquals(List.of("leaf", "middle", "outer", "on_usr1", "main", "_start"),
                traceeFrames(lines, "write(1, \"in handler\\n\"", tracee));
        assertEquals(List.of("leaf", "middle", "outer", "main", "_start"),
                traceeFrames(lines, "write(1, \"bye\\n\"", tracee));
        int at = indexOf(lines, "write(1, \"hello\\n\"");
        assertTrue(lines.get(at + 1).startsWith(" > /") && lines.get(at + 1).contains("libc.so.6("),
                "the innermost frame is libc's write: " + lines.get(at + 1));
    }

    /** --json -k: a "stack" line after each call, valid against the schema, with the same frames. */
    @Test
    void stacksAsJsonLines() throws Exception {
        String tracee = Run.tracee("stack");
        Path out = tmp.resolve("k.jsonl");
        Run.Result r = Run.jstrace("--json", "-k", "-e", "trace=write", "-e", "signal=none", "-o", out.toString(), tracee);
        assertEquals(0, r.exit(), r.err());
        List<Map<String, Object>> events = JsonOutputIT.read(out);
        List<Map<String, Object>> stacks = events.stream().filter(e -> e.get("type").equals("stack")).toList();
        assertEquals(3, stacks.size(), "one stack per write: " + events);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get("type").equals("stack")) {
                assertEquals("syscall", events.get(i - 1).get("type"), "a stack follows its call");
            }
        }
        List<String> names = new ArrayList<>();
        for (Object f : JsonTree.array(stacks.get(2).get("frames"))) {
            Map<String, Object> frame = JsonTree.object(f);
            if (tracee.equals(frame.get("module"))) {
                names.add((String) frame.get("symbol"));
            }
        }
        assertEquals(List.of("leaf", "middle", "outer", "main", "_start"), names);
    }

    /** The names of the frames in {@code module} printed after the line starting with {@code call}. */
    private static List<String> traceeFrames(List<String> lines, String call, String module) {
        List<String> names = new ArrayList<>();
        for (int i = indexOf(lines, call) + 1; i < lines.size() && lines.get(i).startsWith(" > "); i++) {
            Matcher m = FRAME.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            if (m.group(1).equals(module)) {
                names.add(m.group(2));
            }
        }
        return names;
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix + " in\n" + String.join("\n", lines));
    }

    @ParameterizedTest(name = "{0} :: {1}")
    @CsvSource(delimiter = '|', value = {
            // execve (the launch shows the new program's entry), signal frames, exit_group's stack after +++
            "-k -e trace=write,exit_group,execve | exec STACK",
            // a child's execve and exit_group: stacks taken at entry, unknown symbols as (+0x0)
            "-f -k -e trace=write,execve,exit_group | STACK; true",
            // ld.so's frames, and maps read again after mmap/munmap/mprotect
            "-k -e trace=openat,mmap,munmap,mprotect,close | exec cat /etc/hostname",
            "-k -e signal=none -e trace=write | exec STACK",
            "-k -Z | exec cat /nonexistent/file",
            "-k -e trace=write,exit_group | exec /usr/bin/perl -e 'print 1'",
    })
    void sameStacksAsStrace(String options, String command) throws Exception {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
        String cmd = command.replace("STACK", Run.tracee("stack"));
        StraceDiff.Pair p = StraceDiff.run(tmp, Arrays.asList(options.trim().split(" +")), cmd);
        assertTrue(p.strace().stream().anyMatch(l -> l.contains(" > /")), "strace printed no stack");
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }
}

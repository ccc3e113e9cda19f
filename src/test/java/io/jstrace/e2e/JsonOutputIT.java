package io.jstrace.e2e;

import io.jstrace.output.JsonTree;
import io.jstrace.output.SchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --json on real runs: every line parses back (jackson-core) and satisfies the schema, and a
 * JSON run says what a text run of the same command in the same conditions says, event for
 * event per process: syscall names, argument counts, outcomes, signals, exits.
 */
class JsonOutputIT {
    @TempDir
    Path tmp;

    private static final SchemaCheck SCHEMA = schema();

    private static SchemaCheck schema() {
        try {
            return SchemaCheck.load(Run.ROOT.resolve("docs/jstrace-jsonl.schema.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void lsEtcAsJsonMatchesItsTextRun() throws Exception {
        compare(List.of("-f"), "exec ls /etc");
    }

    @Test
    void forkingTraceeAsJsonMatchesItsTextRun() throws Exception {
        compare(List.of("-f"), "exec " + Run.tracee("calls"));
    }

    @Test
    void failedOnlyAppliesToJsonToo() throws Exception {
        compare(List.of("-f", "-Z"), "exec " + Run.tracee("calls"));
    }

    @Test
    void pathsOfDescriptorsUnderY() throws Exception {
        Path out = tmp.resolve("y.jsonl");
        Run.Result r = Run.jstrace("--json", "-y", "-o", out.toString(), "cat", "/etc/hostname");
        assertEquals(0, r.exit(), r.err());
        List<Map<String, Object>> events = read(out);
        events.removeIf(e -> !e.get("type").equals("syscall"));
        Map<String, Object> open = events.stream().filter(e -> "openat".equals(e.get("name"))
                && JsonTree.array(e.get("args")).contains(Map.of("str", "/etc/hostname"))).findFirst().orElseThrow();
        Map<String, Object> fd = JsonTree.object(open.get("ret"));
        assertEquals("/etc/hostname", fd.get("path"), open.toString());
        // cat reads it with read or copy_file_range, depending on its version: either names the file.
        assertTrue(events.stream().anyMatch(e -> e != open && !JsonTree.array(e.get("args")).isEmpty()
                && JsonTree.array(e.get("args")).get(0).equals(fd)), "no call on " + fd);
    }

    /** Schema 2: values carry meaning, never strace's punctuation (clone's named arguments, wait4's status). */
    @Test
    void noPunctuationNodes() throws Exception {
        Path out = tmp.resolve("clone.jsonl");
        Run.Result r = Run.jstrace("-f", "--json", "-o", out.toString(), "sh", "-c", "/bin/true & wait");
        assertEquals(0, r.exit(), r.err());
        String all = Files.readString(out);
        read(out); // every line passes the schema
        assertTrue(!all.contains("\"op\"") && !all.contains("\"text\""), all);
        assertTrue(all.contains("{\"field\":\"child_stack\""), all);
        assertTrue(all.contains("{\"call\":\"WIFEXITED\",\"args\":[{\"name\":\"s\"}]}"), all);
    }

    /**
     * Every event carries its thread's process: the threads' events the main thread's pid, the
     * forked child's its own; in the API's events and in the JSON lines made of them.
     */
    @Test
    void eventsCarryTheProcessOfTheirThread() throws Exception {
        List<io.jstrace.model.Event> events = new java.util.ArrayList<>();
        io.jstrace.api.JsTrace.command(Run.tracee("threads")).follow(true).run(events::add);
        Map<Integer, Integer> pidOfTid = new java.util.TreeMap<>();
        for (io.jstrace.model.Event e : events) {
            Integer before = pidOfTid.put(e.tid(), e.pid());
            assertTrue(before == null || before == e.pid(), "thread " + e.tid() + " changed process: " + e);
        }
        int main = events.getFirst().tid();
        assertEquals(main, events.getFirst().pid());
        long threads = pidOfTid.entrySet().stream().filter(t -> t.getKey() != main && t.getValue() == main).count();
        long processes = pidOfTid.entrySet().stream().filter(t -> t.getKey().equals(t.getValue())).count();
        assertEquals(3, threads, pidOfTid.toString());
        assertEquals(2, processes, pidOfTid.toString());

        Path out = tmp.resolve("threads.jsonl");
        Run.Result r = Run.jstrace("-f", "--json", "-o", out.toString(), Run.tracee("threads"));
        assertEquals(0, r.exit(), r.err());
        Map<Long, Long> jsonPids = new java.util.TreeMap<>();
        for (Map<String, Object> e : read(out)) {
            jsonPids.put((Long) e.get("tid"), (Long) e.get("pid"));
        }
        long first = jsonPids.keySet().iterator().next();
        assertEquals(3, jsonPids.entrySet().stream().filter(t -> t.getKey() != first && t.getValue() == first).count(),
                jsonPids.toString());
    }

    @Test
    void perThreadFilesUnderFf() throws Exception {
        Path base = tmp.resolve("ff");
        Run.Result r = Run.exec(List.of(Run.JSTRACE, "-ff", "--json", "-o", base.toString(), Run.tracee("calls")), null, tmp);
        assertEquals(0, r.exit(), r.err());
        List<Path> files;
        try (var list = Files.list(tmp)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("ff.")).sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        for (Path f : files) {
            long tid = Long.parseLong(f.getFileName().toString().substring(3));
            for (Map<String, Object> e : read(f)) {
                assertEquals(tid, e.get("tid"), f + ": " + e);
            }
        }
    }

    /** Runs the command twice (text, then --json) and compares the two traces per process. */
    private void compare(List<String> options, String command) throws Exception {
        List<String> text = StraceDiff.normalise(Run.lines(run(options, command, "txt")));
        List<String> jsonOptions = new ArrayList<>(options);
        jsonOptions.add("--json");
        List<Map<String, Object>> json = read(run(jsonOptions, command, "jsonl"));

        Map<String, List<String>> fromText = new LinkedHashMap<>();
        for (String l : text) {
            int sp = l.indexOf(' ');
            fromText.computeIfAbsent(l.substring(0, sp), k -> new ArrayList<>()).add(l.substring(sp + 1));
        }
        // Processes in the order they first did something, as StraceDiff lists them.
        Map<Long, List<Map<String, Object>>> byTid = new LinkedHashMap<>();
        for (Map<String, Object> e : json) {
            if (!e.get("type").equals("attach")) {
                byTid.computeIfAbsent((Long) e.get("tid"), k -> new ArrayList<>()).add(e);
            }
        }
        List<Long> tids = new ArrayList<>(byTid.keySet());
        tids.sort(Comparator.comparing(t -> byTid.get(t).stream().mapToLong(e -> (Long) e.get("time_ns")).min().orElseThrow()));
        assertEquals(fromText.size(), tids.size(), "processes: text " + fromText.keySet() + ", json " + tids);
        int compared = 0;
        List<String> names = new ArrayList<>(fromText.keySet());
        for (int p = 0; p < tids.size(); p++) {
            List<String> lines = fromText.get(names.get(p));
            List<Map<String, Object>> events = byTid.get(tids.get(p));
            String both = "\ntext:\n" + String.join("\n", lines) + "\njson:\n" + String.join("\n", events.stream().map(Object::toString).toList());
            assertEquals(lines.size(), events.size(), names.get(p) + both);
            for (int i = 0; i < lines.size(); i++) {
                compared += sameEvent(lines.get(i), events.get(i), names.get(p) + " #" + i + both) ? 1 : 0;
            }
        }
        assertTrue(compared > text.size() / 2, "return values compared for " + compared + " of " + text.size() + " events");
    }

    private static final Pattern SIGNAL = Pattern.compile("^--- (\\S+) .*---$");
    private static final Pattern EXIT = Pattern.compile("^\\+\\+\\+ exited with (\\d+) \\+\\+\\+$");
    private static final Pattern PID_CALLS = Pattern.compile("set_tid_address|getpid|gettid|getppid|fork|vfork|clone|clone3");

    /** Asserts one text line and one JSON object are the same event; says whether the return values were compared. */
    private static boolean sameEvent(String line, Map<String, Object> e, String where) {
        Matcher sig = SIGNAL.matcher(line);
        Matcher exit = EXIT.matcher(line);
        if (sig.matches()) {
            assertEquals(List.of("signal", sig.group(1)), List.of(e.get("type"), e.get("signal")), where);
            return true;
        }
        if (exit.matches()) {
            assertEquals(List.of("exit", Long.parseLong(exit.group(1))), List.of(e.get("type"), e.get("code")), where);
            return true;
        }
        assertEquals("syscall", e.get("type"), where);
        int open = line.indexOf('(');
        ArgList args = argList(line, open);
        assertEquals(line.substring(0, open), e.get("name"), where);
        assertEquals(args.count(), JsonTree.array(e.get("args")).size(), where);
        String ret = line.substring(args.close() + 1);
        assertTrue(ret.startsWith(" = "), where);
        String[] words = ret.substring(3).split(" ");
        if (words[0].equals("?") && words.length == 1) {
            assertEquals("unfinished", e.get("status"), where);
            return true;
        }
        if (words.length > 1 && words[1].matches("E[A-Z0-9]+")) {
            assertEquals(List.of("failed", words[1]), List.of(e.get("status"), e.get("errno")), where);
            return true;
        }
        assertEquals("successful", e.get("status"), where);
        String token = words[0].replaceFirst("<.*", "");
        BigInteger expected = token.matches("-?\\d+") ? new BigInteger(token)
                : token.matches("0x[0-9a-f]+") ? new BigInteger(token.substring(2), 16) : null;
        BigInteger actual = number(e.get("ret"));
        if (expected == null || actual == null || PID_CALLS.matcher((String) e.get("name")).matches()) {
            return false; // masked in the text (addresses, pids) or not a number
        }
        assertEquals(expected, actual, where);
        return true;
    }

    /** The number behind a JSON value: a number, an fd, an address, a constant's or flags' value. */
    private static BigInteger number(Object v) {
        if (v instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof Map<?, ?> m) {
            for (String k : List.of("fd", "addr")) {
                if (m.containsKey(k)) {
                    return number(m.get(k));
                }
            }
            if (m.containsKey("sym") || m.containsKey("flags")) {
                return number(m.get("value"));
            }
        }
        return null;
    }

    /** Where a call's argument list ends and how many top-level arguments it has. */
    private record ArgList(int close, int count) {}

    /** Scans strace's text from the parenthesis at {@code open}, skipping strings, comments and nesting. */
    private static ArgList argList(String s, int open) {
        int depth = 0;
        int count = 0;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (depth == 0 && count == 0 && c != ')') {
                count = 1;
            }
            if (c == '"') {
                i = endOfString(s, i);
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i) + 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth-- == 0) {
                    return new ArgList(i, count);
                }
            } else if (depth == 0 && s.startsWith(", ", i)) {
                count++;
            }
        }
        throw new AssertionError("unbalanced: " + s);
    }

    private static int endOfString(String s, int quote) {
        for (int i = quote + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        throw new AssertionError("unterminated string: " + s);
    }

    /** One run in StraceDiff's conditions (a fresh folder of the same name, fixed environment, no address randomisation). */
    private Path run(List<String> options, String command, String ext) throws Exception {
        Path work = tmp.resolve("work");
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Path out = tmp.resolve("out." + ext);
        List<String> argv = new ArrayList<>(List.of("setarch", "x86_64", "-R", Run.JSTRACE));
        argv.addAll(options);
        argv.addAll(List.of("-o", out.toString(), "--", "/bin/sh", "-c", command));
        Run.Result r = Run.exec(argv, StraceDiff.ENV, work);
        assertEquals(0, r.exit(), r.err());
        return out;
    }

    /** Parses every line and checks it against the schema and the basic invariants. */
    static List<Map<String, Object>> read(Path jsonl) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Object, Long> lastExit = new java.util.HashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            Map<String, Object> e = JsonTree.object(JsonTree.parse(line));
            List<String> errors = SCHEMA.errors(e, "#");
            assertTrue(errors.isEmpty(), line + "\n" + errors);
            long t = (Long) e.get("time_ns");
            if (e.containsKey("exit_time_ns")) {
                assertTrue((Long) e.get("exit_time_ns") >= t && (Long) e.get("duration_ns") >= 0, line);
            }
            // Per thread, each event starts after the previous call returned.
            Long before = lastExit.put(e.get("tid"), (Long) e.getOrDefault("exit_time_ns", t));
            assertTrue(before == null || before <= t, line);
            out.add(e);
        }
        assertTrue(!out.isEmpty(), jsonl + " is empty");
        return out;
    }
}

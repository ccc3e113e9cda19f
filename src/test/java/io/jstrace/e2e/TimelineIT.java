package io.jstrace.e2e;

import io.jstrace.output.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --timeline on a real multi-threaded run with -f: the file is the Trace Event Format as
 * Perfetto's JSON importer reads it, and it shows the same calls as the --json lines of the
 * same run, one complete event per call on the calling thread's track.
 */
class TimelineIT {
    @TempDir
    Path tmp;

    @Test
    void threadsAndChildOnNamedTracksWithTheCallsOfTheJsonLines() throws Exception {
        Path jsonl = tmp.resolve("out.jsonl");
        Path timeline = tmp.resolve("timeline.json");
        Run.Result r = Run.jstrace("-f", "--json", "-o", jsonl.toString(), "--timeline", timeline.toString(),
                Run.tracee("threads"));
        assertEquals(0, r.exit(), r.err());
        List<Map<String, Object>> events = check(timeline);

        List<Map<String, Object>> lines = JsonOutputIT.read(jsonl);
        Map<Long, List<String>> callsFromLines = new TreeMap<>();
        for (Map<String, Object> l : lines) {
            if (l.get("type").equals("syscall")) {
                callsFromLines.computeIfAbsent((Long) l.get("tid"), k -> new ArrayList<>()).add((String) l.get("name"));
            }
        }
        Map<Long, List<String>> callsFromTimeline = new TreeMap<>();
        events.stream().filter(e -> e.get("ph").equals("X"))
                .sorted(Comparator.comparing(e -> JsonTree.decimal(e.get("ts"))))
                .forEach(e -> callsFromTimeline.computeIfAbsent((Long) e.get("tid"), k -> new ArrayList<>()).add((String) e.get("name")));
        assertEquals(callsFromLines, callsFromTimeline);

        // The tracee: a process of four threads (3 of them write to /dev/null 3 times) and a child that runs true.
        Map<Long, String> processes = names(events, "process_name");
        Map<Long, String> threads = names(events, "thread_name");
        assertEquals(2, processes.size(), processes.toString());
        long parent = lines.get(0).get("pid") instanceof Long p ? p : -1;
        assertEquals("threads", processes.get(parent));
        assertTrue(processes.containsValue("true"), processes.toString());
        assertEquals(5, threads.size(), threads.toString());
        long workers = callsFromLines.values().stream().filter(c -> c.stream().filter("write"::equals).count() == 3).count();
        assertEquals(3, workers, callsFromLines.toString());
        List<String> instants = events.stream().filter(e -> e.get("ph").equals("i")).map(e -> (String) e.get("name")).toList();
        assertTrue(instants.containsAll(List.of("SIGUSR1", "SIGCHLD")), instants.toString());
        assertEquals(5, instants.stream().filter("exit"::equals).count(), instants.toString());
    }

    @Test
    void combinesWithTextOutput() throws Exception {
        Path text = tmp.resolve("out.txt");
        Path timeline = tmp.resolve("timeline.json");
        Run.Result r = Run.jstrace("-f", "-o", text.toString(), "--timeline", timeline.toString(), Run.tracee("threads"));
        assertEquals(0, r.exit(), r.err());
        List<Map<String, Object>> events = check(timeline);
        long calls = StraceDiff.normalise(Run.lines(text)).stream().filter(l -> l.matches("P\\d+ \\w+\\(.*")).count();
        assertEquals(calls, events.stream().filter(e -> e.get("ph").equals("X")).count());
    }

    @Test
    void unwritableTimelineIsAOneLineError() throws Exception {
        Run.Result r = Run.jstrace("--timeline", "/nonexistent/t.json", "true");
        assertEquals(1, r.exit());
        assertEquals("jstrace: Can't fopen '/nonexistent/t.json': No such file or directory\n", r.err());
    }

    private static Map<Long, String> names(List<Map<String, Object>> events, String kind) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Map<String, Object> e : events) {
            if (e.get("ph").equals("M") && e.get("name").equals(kind)) {
                out.put((Long) e.get(kind.equals("process_name") ? "pid" : "tid"), (String) JsonTree.object(e.get("args")).get("name"));
            }
        }
        return out;
    }

    private static final Set<String> SCOPES = Set.of("t", "p", "g");

    /**
     * The Trace Event Format as Perfetto's JSON importer needs it: an object with a traceEvents
     * array; per phase the keys it reads (X: name, ts, dur; i: name, ts, scope; M: process_name or
     * thread_name with args.name); ts and dur numbers, pid and tid integers; no array at an
     * event's top level (the importer's tokenizer rejects the file then); every thread with
     * events named, and its complete events not overlapping, so they stack as slices.
     */
    static List<Map<String, Object>> check(Path file) throws Exception {
        Map<String, Object> doc = JsonTree.object(JsonTree.parse(Files.readString(file)));
        assertEquals(Set.of("traceEvents", "displayTimeUnit"), doc.keySet());
        assertEquals("ns", doc.get("displayTimeUnit"));
        List<Map<String, Object>> events = new ArrayList<>();
        Map<Long, List<Map<String, Object>>> slices = new HashMap<>();
        Map<List<Long>, Boolean> named = new HashMap<>();
        for (Object o : JsonTree.array(doc.get("traceEvents"))) {
            Map<String, Object> e = JsonTree.object(o);
            String where = e.toString();
            events.add(e);
            assertTrue(e.values().stream().noneMatch(v -> v instanceof List), where);
            assertTrue(e.get("name") instanceof String, where);
            assertTrue(e.get("pid") instanceof Long && e.get("tid") instanceof Long, where);
            List<Long> thread = List.of((Long) e.get("pid"), (Long) e.get("tid"));
            assertTrue(e.get("args") instanceof Map, where);
            switch ((String) e.get("ph")) {
                case "X" -> {
                    assertTrue(e.get("ts") instanceof Number && JsonTree.decimal(e.get("ts")).signum() >= 0, where);
                    assertTrue(e.get("dur") instanceof Number && JsonTree.decimal(e.get("dur")).signum() >= 0, where);
                    assertEquals("syscall", e.get("cat"), where);
                    assertNotNull(JsonTree.object(e.get("args")).get("status"), where);
                    slices.computeIfAbsent((Long) e.get("tid"), k -> new ArrayList<>()).add(e);
                    named.putIfAbsent(thread, false);
                }
                case "i" -> {
                    assertTrue(e.get("ts") instanceof Number, where);
                    assertTrue(SCOPES.contains(e.get("s")), where);
                    named.putIfAbsent(thread, false);
                }
                case "M" -> {
                    assertTrue(Set.of("process_name", "thread_name").contains(e.get("name")), where);
                    assertEquals("__metadata", e.get("cat"), where);
                    assertTrue(JsonTree.object(e.get("args")).get("name") instanceof String n && !n.isEmpty(), where);
                    if (e.get("name").equals("thread_name")) {
                        named.put(thread, true);
                    }
                }
                default -> throw new AssertionError("unexpected phase: " + where);
            }
        }
        named.forEach((thread, isNamed) -> assertTrue(isNamed, "no thread_name for " + thread));
        for (List<Map<String, Object>> track : slices.values()) {
            track.sort(Comparator.comparing(e -> JsonTree.decimal(e.get("ts"))));
            for (int i = 1; i < track.size(); i++) {
                BigDecimal end = JsonTree.decimal(track.get(i - 1).get("ts")).add(JsonTree.decimal(track.get(i - 1).get("dur")));
                assertTrue(end.compareTo(JsonTree.decimal(track.get(i).get("ts"))) <= 0,
                        "overlap: " + track.get(i - 1) + " / " + track.get(i));
            }
        }
        return events;
    }
}

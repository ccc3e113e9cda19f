package io.jstrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the same command under /usr/bin/strace and jstrace in the same conditions (address
 * randomisation off, fixed environment, fresh folder) and returns both outputs, with the
 * things that legitimately differ between two runs masked: addresses, pids, random bytes.
 */
final class StraceDiff {
    private StraceDiff() {}

    static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", "/tmp",
            "LANG", "C", "LC_ALL", "C", "TZ", "UTC", "TERM", "dumb");

    static boolean straceAvailable() {
        return Files.isExecutable(Path.of("/usr/bin/strace"));
    }

    record Pair(List<String> strace, List<String> jstrace) {}

    static Pair run(Path dir, List<String> options, String shellCommand) throws Exception {
        List<String> a = trace(dir, List.of("/usr/bin/strace"), options, shellCommand, "s");
        List<String> b = trace(dir, List.of(Run.JSTRACE), options, shellCommand, "j");
        return new Pair(a, b);
    }

    /**
     * Runs {@code shellCommand} under a tracer ({@code tracer}: its program and first options),
     * with {@code options}, and returns its lines normalised. Each run gets a fresh, empty folder
     * of the same name, as the fidelity scorer does.
     */
    static List<String> trace(Path dir, List<String> tracer, List<String> options, String cmd, String tag)
            throws Exception {
        return normalise(traceInOrder(dir, tracer, options, cmd, tag));
    }

    /** The same, masked ({@link #masked}) but in the order the tracer wrote them, split lines split. */
    static List<String> traceInOrder(Path dir, List<String> tracer, List<String> options, String cmd, String tag)
            throws Exception {
        Path work = dir.resolve("work");
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Path out = dir.resolve("out-" + tag);
        List<String> argv = new ArrayList<>(List.of("setarch", "x86_64", "-R"));
        argv.addAll(tracer);
        argv.addAll(options);
        argv.addAll(List.of("-o", out.toString(), "--", "/bin/sh", "-c", cmd));
        Run.Result r = Run.exec(argv, ENV, work);
        if (!Files.exists(out)) {
            throw new AssertionError(tracer + " wrote nothing: " + r.err());
        }
        return masked(Run.lines(out));
    }

    private static final Pattern PID = Pattern.compile("^(\\d+) +");
    /** Where pids show up without a line prefix: returned by these calls, or in a siginfo. */
    private static final Pattern PID_VALUE = Pattern.compile(
            "^(?:\\d+ +)?(?:\\[ *\\d+\\] )?(?:\\[[0-9a-f]{16}\\] )?(?:(?:set_tid_address|getpid|gettid|getppid|fork|vfork|clone|clone3)\\("
            + "|<\\.\\.\\. (?:fork|vfork|clone|clone3) resumed>).*\\) += (\\d+)$|si_pid=(\\d+)");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-f]{6,}");
    private static final Pattern RANDOM = Pattern.compile("(getrandom\\()\"(?:[^\"\\\\]|\\\\.)*\"");
    /** File times move between two runs (the scorer masks them too). */
    private static final Pattern TIMES = Pattern.compile(
            "(st_[amc]time(?:_nsec)?|tv_sec|tv_nsec|tv_usec)=\\d+(?: /\\* [^*]* \\*/)?");
    /** Each run's stdout and stderr are fresh temporary files. */
    private static final Pattern STDIO_INODE = Pattern.compile("(^(?:P\\d+ +)?(?:newfstatat|fstat)\\([12], .*st_ino=)\\d+");
    private static final Pattern INODE = Pattern.compile("(socket|pipe|UNIX-STREAM|TCP|UDP|NETLINK):\\[\\d+(?:->\\d+)?");
    private static final Pattern UNFINISHED = Pattern.compile("^(P\\d+ )?(.*) <unfinished \\.\\.\\.>$");
    private static final Pattern RESUMED = Pattern.compile("^(P\\d+ )?<\\.\\.\\. \\w+ resumed>(.*)$");

    /** Pids renamed by order of appearance; long addresses and random bytes masked; split lines joined, per process. */
    static List<String> normalise(List<String> lines) {
        return perProcess(masked(lines));
    }

    /** Pids renamed by order of appearance; long addresses and random bytes masked. */
    static List<String> masked(List<String> lines) {
        Map<String, String> pids = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = PID.matcher(l);
            if (m.find()) {
                pids.computeIfAbsent(m.group(1), k -> "P" + pids.size());
            }
            Matcher v = PID_VALUE.matcher(l);
            while (v.find()) {
                String pid = v.group(1) != null ? v.group(1) : v.group(2);
                pids.computeIfAbsent(pid, k -> "P" + pids.size());
            }
            for (Map.Entry<String, String> e : pids.entrySet()) {
                // Only where a pid can stand: line prefix, return value, first argument, [N], "pid N",
                // si_pid=, a pidfd's <pid:N>, ptrace's pid, <pid changed to N ...>. Elsewhere a number may equal a pid by chance (mprotect(0x..., 16384, ...)
                // in a run whose tracee had pid 16384).
                l = l.replaceAll("(^|= |\\(|\\[|pid +|pid changed to |<pid:|si_pid=|ptrace\\([^,]*, )" + e.getKey() + "\\b", "$1" + e.getValue());
            }
            l = HEX.matcher(l).replaceAll("0x?");
            l = RANDOM.matcher(l).replaceAll("$1\"?\"");
            l = INODE.matcher(l).replaceAll("$1:[?");
            l = TIMES.matcher(l).replaceAll("$1=?");
            l = STDIO_INODE.matcher(l).replaceAll("$1?");
            out.add(l.replaceAll("^(P\\d+) +", "$1 "));
        }
        return out;
    }

    /**
     * Joins {@code <unfinished ...>} with its {@code resumed} half and lists each process's lines
     * together, in order: how processes interleave is scheduling, not decoding.
     */
    private static List<String> perProcess(List<String> lines) {
        Map<String, List<String>> byPid = new LinkedHashMap<>();
        Map<String, Integer> open = new java.util.HashMap<>();
        String last = "";
        for (String l : lines) {
            // -k: a stack line belongs to the process of the line before it
            String pid = l.startsWith(" > ") ? last : l.matches("^P\\d+ .*") ? l.substring(0, l.indexOf(' ')) : "";
            last = pid;
            List<String> mine = byPid.computeIfAbsent(pid, k -> new ArrayList<>());
            Matcher u = UNFINISHED.matcher(l);
            Matcher r = RESUMED.matcher(l);
            if (u.matches()) {
                open.put(pid, mine.size());
                mine.add(u.group(2));
            } else if (r.matches() && open.containsKey(pid)) {
                int i = open.remove(pid);
                mine.set(i, mine.get(i) + r.group(2));
            } else {
                mine.add(pid.isEmpty() || l.startsWith(" > ") ? l : l.substring(pid.length() + 1));
            }
        }
        List<String> out = new ArrayList<>();
        byPid.forEach((pid, ls) -> ls.forEach(x -> out.add(pid + " " + x.replaceAll("(\\)|\\.\\.\\.|>) +=", "$1 ="))));
        return out;
    }
}

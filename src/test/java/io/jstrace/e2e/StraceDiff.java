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
        List<String> a = trace(dir, "/usr/bin/strace", options, shellCommand, "s");
        List<String> b = trace(dir, Run.JSTRACE, options, shellCommand, "j");
        return new Pair(a, b);
    }

    private static List<String> trace(Path dir, String tracer, List<String> options, String cmd, String tag)
            throws Exception {
        Path work = Files.createDirectories(dir.resolve("work-" + tag));
        Path out = dir.resolve("out-" + tag);
        List<String> argv = new ArrayList<>(List.of("setarch", "x86_64", "-R", tracer));
        argv.addAll(options);
        argv.addAll(List.of("-o", out.toString(), "--", "/bin/sh", "-c", cmd));
        Run.Result r = Run.exec(argv, ENV, work);
        if (!Files.exists(out)) {
            throw new AssertionError(tracer + " wrote nothing: " + r.err());
        }
        return normalise(Run.lines(out));
    }

    private static final Pattern PID = Pattern.compile("^(\\d+) +");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-f]{6,}");
    private static final Pattern RANDOM = Pattern.compile("^(getrandom\\()\"(?:[^\"\\\\]|\\\\.)*\"");

    /** Pids renamed by order of appearance; long addresses and random bytes masked. */
    static List<String> normalise(List<String> lines) {
        Map<String, String> pids = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = PID.matcher(l);
            if (m.find()) {
                pids.computeIfAbsent(m.group(1), k -> "P" + pids.size());
            }
            for (Map.Entry<String, String> e : pids.entrySet()) {
                l = l.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
            }
            l = HEX.matcher(l).replaceAll("0x?");
            l = RANDOM.matcher(l).replaceAll("$1\"?\"");
            out.add(l.replaceAll("^(P\\d+) +", "$1 "));
        }
        return out;
    }
}

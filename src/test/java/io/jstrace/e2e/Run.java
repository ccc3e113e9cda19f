package io.jstrace.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real programs for end-to-end tests: bin/jstrace, strace, and C tracees built with gcc. */
final class Run {
    private Run() {}

    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final String JSTRACE = ROOT.resolve("bin/jstrace").toString();
    static final Path TRACEES = ROOT.resolve("target/tracees");

    record Result(int exit, String out, String err) {}

    /** Runs {@code argv} with the given environment (null: inherit), stdin from /dev/null. */
    static Result exec(List<String> argv, Map<String, String> env, Path cwd) throws IOException, InterruptedException {
        return exec(argv, env, cwd, 120);
    }

    /** The same, failing after {@code seconds}. */
    static Result exec(List<String> argv, Map<String, String> env, Path cwd, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectInput(new File("/dev/null"));
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        Path out = Files.createTempFile("e2e-out", ".txt");
        Path err = Files.createTempFile("e2e-err", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + argv);
            }
            return new Result(p.exitValue(), plainName(Files.readString(out, StandardCharsets.ISO_8859_1)),
                    plainName(Files.readString(err, StandardCharsets.ISO_8859_1)));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * jstrace's messages start with the path it was run by, as strace's do: the tests expect
     * them as from a jstrace found on PATH.
     */
    static String plainName(String text) {
        return text.replace(JSTRACE + ": ", "jstrace: ").replace("'" + JSTRACE + " -h'", "'jstrace -h'");
    }

    static Result exec(String... argv) throws IOException, InterruptedException {
        return exec(List.of(argv), null, null);
    }

    static Result jstrace(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(JSTRACE);
        argv.addAll(List.of(args));
        return exec(argv, null, null);
    }

    /** Compiles src/test/c/NAME.c once per test run and returns the executable's path. */
    static synchronized String tracee(String name) throws IOException, InterruptedException {
        Path exe = TRACEES.resolve(name);
        Path src = ROOT.resolve("src/test/c/" + name + ".c");
        if (!Files.exists(exe) || Files.getLastModifiedTime(exe).compareTo(Files.getLastModifiedTime(src)) < 0) {
            Files.createDirectories(TRACEES);
            Result r = exec("gcc", "-O1", "-pthread", "-o", exe.toString(), src.toString());
            if (r.exit() != 0) {
                throw new AssertionError("gcc failed: " + r.err());
            }
        }
        return exe.toString();
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
    }
}

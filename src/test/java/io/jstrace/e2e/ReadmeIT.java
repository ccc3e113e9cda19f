package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md is for users and stays short, and every command it shows works: each {@code $ } line
 * of its example blocks runs here (in a scratch folder whose {@code bin/}, {@code docs/} and
 * {@code completion/} lead to the project's,
 * one folder for the whole README so that a later command can use an earlier one's file) and
 * must exit 0. Commands that cannot run inside the test suite are listed in {@link #ELSEWHERE}
 * with the file that runs them, which must still do so.
 */
class ReadmeIT {
    private static final Path README = Run.ROOT.resolve("README.md");
    private static final int MAX_BYTES = 16 * 1024;
    private static final Pattern BLOCK = Pattern.compile("^```[a-z]*\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);

    /** Command prefix -> the file that runs it and the text showing that it does. */
    private static final Map<String, List<String>> ELSEWHERE = Map.of(
            "bin/test", List.of(".ci/run", "exec bin/test"),
            "bin/install", List.of("src/test/java/io/jstrace/e2e/InstallIT.java", "bin/install"));

    @TempDir
    Path tmp;

    static List<String> commands() throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(README));
        while (m.find()) {
            m.group(1).lines().filter(l -> l.startsWith("$ ")).map(l -> l.substring(2)).forEach(out::add);
        }
        return out;
    }

    @Test
    void isShort() throws Exception {
        long size = Files.size(README);
        assertTrue(size <= MAX_BYTES, "README.md has " + size + " bytes, more than " + MAX_BYTES
                + ": move reference to docs/");
    }

    @Test
    void everyCommandShownRuns() throws Exception {
        List<String> commands = commands();
        assertFalse(commands.isEmpty(), "no $ lines in README.md");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        try (Stream<Path> tools = Files.list(Run.ROOT.resolve("bin"))) {
            for (Path tool : tools.filter(Files::isExecutable).toList()) {
                Path wrapper = bin.resolve(tool.getFileName());
                Files.writeString(wrapper, "#!/bin/bash\nexec " + tool + " \"$@\"\n");
                Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        for (String dir : List.of("docs", "completion")) {
            Files.createSymbolicLink(tmp.resolve(dir), Run.ROOT.resolve(dir));
        }
        int ran = 0;
        for (String command : commands) {
            String elsewhere = ELSEWHERE.keySet().stream().filter(command::startsWith).findFirst().orElse(null);
            if (elsewhere != null) {
                List<String> where = ELSEWHERE.get(elsewhere);
                assertTrue(Files.readString(Run.ROOT.resolve(where.get(0))).contains(where.get(1)),
                        "README.md shows '" + command + "', which " + where.get(0) + " no longer runs");
                continue;
            }
            Run.Result r = Run.exec(List.of("bash", "-c", command), null, tmp);
            assertEquals(0, r.exit(), "README.md's '" + command + "' failed:\n" + r.out() + r.err());
            ran++;
        }
        assertTrue(ran >= 5, "only " + ran + " commands ran");
    }
}

package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar as a module, as an API user gets it: README.md's Java example, an ordinary class on the
 * class path with the module on the module path, compiles and runs with the exported packages
 * alone, and the tracer's own packages are out of its reach.
 */
class ModuleIT {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    private static String modulePath() throws Exception {
        try (Stream<Path> libs = Files.list(Run.ROOT.resolve("target/lib"))) {
            return Stream.concat(Stream.of(Run.ROOT.resolve("target/jstrace.jar")), libs)
                    .map(Path::toString).reduce((a, b) -> a + ":" + b).orElseThrow();
        }
    }

    private static Path jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    @Test
    void readmeExampleRunsOnTheModulePath() throws Exception {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(Run.ROOT.resolve("README.md")));
        assertTrue(m.find(), "README.md has no java block");
        Path src = tmp.resolve("Opens.java");
        Files.writeString(src, m.group(1));
        String mp = modulePath();
        Run.Result javac = Run.exec(List.of(jdkTool("javac").toString(), "--module-path", mp, "--add-modules", "io.jstrace",
                "-d", tmp.resolve("out").toString(), src.toString()), null, tmp);
        assertEquals(0, javac.exit(), javac.out() + javac.err());
        Run.Result run = Run.exec(List.of(jdkTool("java").toString(), "--enable-native-access=io.jstrace",
                "--module-path", mp, "--add-modules", "io.jstrace", "-cp", tmp.resolve("out").toString(), "Opens"), null, tmp);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("openat(AT_FDCWD, \"/etc/hostname\", O_RDONLY) = 3"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theTracersOwnPackagesAreNotExported() throws Exception {
        Path src = tmp.resolve("Inside.java");
        Files.writeString(src, "class Inside { io.jstrace.trace.Tracer t; }\n");
        Run.Result javac = Run.exec(List.of(jdkTool("javac").toString(), "--module-path", modulePath(), "--add-modules",
                "io.jstrace", "-d", tmp.resolve("out").toString(), src.toString()), null, tmp);
        assertTrue(javac.exit() != 0 && javac.err().contains("package io.jstrace.trace is not visible"), javac.err());
    }
}

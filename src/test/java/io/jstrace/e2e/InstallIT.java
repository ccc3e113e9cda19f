package io.jstrace.e2e;

import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/install into a scratch prefix that already holds something: the installed jstrace runs from
 * there with a clean environment (env -i, no JDK on PATH, and with the JDKs of /usr/lib/jvm
 * hidden where a mount namespace can be had), the manual and the completion are in their places,
 * and bin/install --uninstall leaves the prefix exactly as it was.
 */
class InstallIT {
    private static final String INSTALL = Run.ROOT.resolve("bin/install").toString();

    @TempDir
    Path tmp;

    private static List<String> tree(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        }
    }

    private Run.Result clean(Path prefix, String command) throws Exception {
        return Run.exec(List.of("bash", "-c", command), Map.of("PATH", prefix.resolve("bin") + ":/usr/bin:/bin"), tmp);
    }

    @Test
    void installsRunsAndUninstalls() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Files.createDirectories(prefix.resolve("bin"));
        Files.writeString(prefix.resolve("bin/other"), "someone else's\n");
        List<String> before = tree(prefix);

        Run.Result install = Run.exec(List.of(INSTALL, prefix.toString()), null, tmp, 600);
        assertEquals(0, install.exit(), install.out() + install.err());

        Run.Result traced = clean(prefix, "jstrace -o x true");
        assertEquals(0, traced.exit(), traced.out() + traced.err());
        List<String> trace = Run.lines(tmp.resolve("x"));
        assertTrue(trace.getFirst().startsWith("execve(\"/usr/bin/true\", [\"true\"], "), trace.toString());
        assertEquals("+++ exited with 0 +++", trace.getLast());

        // Nothing of the checkout or of the JDK that built it.
        String launcher = Files.readString(prefix.resolve("bin/jstrace"));
        assertTrue(launcher.contains(prefix.resolve("lib/jstrace") + "'") && launcher.contains("/runtime/bin/java"), launcher);
        for (Path f : List.of(prefix.resolve("bin/jstrace"), prefix.resolve("lib/jstrace/launcher.sh"))) {
            String text = Files.readString(f);
            assertFalse(text.contains(Run.ROOT.toString()) || text.contains(System.getProperty("java.home")), f.toString());
        }
        String release = Files.readString(prefix.resolve("lib/jstrace/runtime/release"));
        assertTrue(release.contains("MODULES=\"java.base jdk.unsupported\""), release);
        assertTrue(Files.isRegularFile(prefix.resolve("lib/jstrace/jstrace.aot")), "no AOT cache made at install");
        Run.Result hidden = Run.exec(List.of("unshare", "-m", "bash", "-c",
                "mount -t tmpfs none /usr/lib/jvm && ls /usr/lib/jvm | wc -l && jstrace -V"),
                Map.of("PATH", prefix.resolve("bin") + ":/usr/bin:/bin"), tmp);
        if (!hidden.err().contains("Operation not permitted")) { // not root: no mount namespace to hide them in
            assertEquals(0, hidden.exit(), hidden.out() + hidden.err());
            assertEquals("0\njstrace -- version 0.1.0\n", hidden.out(), hidden.err());
        }

        // The manual and the completion, where man and bash-completion look.
        Run.Result man = Run.exec(List.of("man", "-w", "jstrace"), Map.of("MANPATH", prefix.resolve("share/man").toString(),
                "PATH", "/usr/bin:/bin"), tmp);
        assertEquals(prefix.resolve("share/man/man1/jstrace.1") + "\n", man.out(), man.err());
        Run.Result completion = clean(prefix, ". " + prefix.resolve("share/bash-completion/completions/jstrace")
                + " && complete -p jstrace && _jstrace_syscalls | wc -w");
        assertEquals(0, completion.exit(), completion.err());
        assertEquals("complete -o bashdefault -o default -F _jstrace jstrace\n" + SyscallTable.x86_64().all().size() + "\n",
                completion.out());

        Run.Result uninstall = Run.exec(INSTALL, "--uninstall", prefix.toString());
        assertEquals(0, uninstall.exit(), uninstall.out() + uninstall.err());
        assertEquals(before, tree(prefix));
        assertEquals("someone else's\n", Files.readString(prefix.resolve("bin/other")));
    }
}

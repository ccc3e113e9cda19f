package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A profile written by --seccomp-profile runs under an OCI runtime as it is: runc (Debian's)
 * starts a container of a static busybox, whose linux.seccomp is the profile learned from
 * {@code busybox ls /} with --seccomp-profile-base, a base learned by tracing runc itself
 * starting a container of {@code true} (with noNewPrivileges, Docker's default, runc loads the
 * filter just before it execs the command). runc needs calls of its own after loading the filter,
 * so the profile of ls alone does not start; with the base, ls runs; without one call ls needs
 * (newfstatat) it fails with EPERM.
 */
class SeccompRuncIT {
    static final String BUSYBOX = "/bin/busybox";

    @TempDir
    Path tmp;

    private Path rootfs;
    private int containers;

    /** Runs {@code command} in a container confined by {@code profile} (none if null) and returns runc's result. */
    private Run.Result container(String profile, String... command) throws Exception {
        Path bundle = Files.createDirectories(tmp.resolve("bundle" + containers));
        String args = String.join(", ", List.of(command).stream().map(a -> "\"" + a + "\"").toList());
        Files.writeString(bundle.resolve("config.json"), """
                {"ociVersion": "1.0.2",
                 "process": {"terminal": false, "user": {"uid": 0, "gid": 0}, "args": [%s],
                             "env": ["PATH=/bin"], "cwd": "/", "noNewPrivileges": true},
                 "root": {"path": "%s", "readonly": true},
                 "hostname": "jstrace",
                 "mounts": [{"destination": "/proc", "type": "proc", "source": "proc"},
                            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "mode=755"]}],
                 "linux": {"namespaces": [{"type": "pid"}, {"type": "ipc"}, {"type": "uts"}, {"type": "mount"}]%s}}
                """.formatted(args, rootfs, profile == null ? "" : ", \"seccomp\": " + profile));
        return Run.exec(runc(bundle), null, null);
    }

    private List<String> runc(Path bundle) {
        return List.of("runc", "--root", tmp.resolve("state").toString(), "run", "--bundle", bundle.toString(),
                "jstrace-it-" + ProcessHandle.current().pid() + "-" + containers++);
    }

    @Test
    void learnedProfileWithARuntimeBaseRunsInRunc() throws Exception {
        assumeTrue(Run.exec("sh", "-c", "command -v runc").exit() == 0 && Files.isExecutable(Path.of(BUSYBOX)),
                "runc or busybox-static is not installed");
        rootfs = Files.createDirectories(tmp.resolve("rootfs/bin"));
        Files.copy(Path.of(BUSYBOX), rootfs.resolve("busybox"));
        for (String applet : List.of("ls", "true")) {
            Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
        }
        rootfs = rootfs.getParent();
        Run.Result plain = container(null, "/bin/true");
        assumeTrue(plain.exit() == 0, "runc cannot start containers here: " + plain.err());

        // The runtime's own needs: runc traced starting a container of true.
        Path base = tmp.resolve("base.json");
        Path bundle = tmp.resolve("bundle0"); // the container of true
        List<String> argv = new ArrayList<>(List.of(Run.JSTRACE, "-f", "-o", "/dev/null", "--seccomp-profile", base.toString(), "--"));
        argv.addAll(runc(bundle));
        Run.Result learnBase = Run.exec(argv, null, null);
        assertEquals(0, learnBase.exit(), learnBase.err());

        Path alone = tmp.resolve("ls-alone.json"), withBase = tmp.resolve("ls.json");
        String ls = rootfs.resolve("bin/busybox").toString();
        assertEquals(0, Run.jstrace("-f", "-o", "/dev/null", "--seccomp-profile", alone.toString(), ls, "ls", "/").exit());
        Run.Result learn = Run.jstrace("-f", "-o", "/dev/null", "--seccomp-profile", withBase.toString(),
                "--seccomp-profile-base", base.toString(), ls, "ls", "/");
        assertEquals(0, learn.exit(), learn.err());

        Run.Result without = container(Files.readString(alone), "/bin/ls", "/");
        assertNotEquals(0, without.exit(), "runc needs calls of its own after loading the filter");

        Run.Result confined = container(Files.readString(withBase), "/bin/ls", "/");
        assertEquals(0, confined.exit(), confined.err());
        assertEquals("bin\ndev\nproc\n", confined.out());

        String profile = Files.readString(withBase);
        assertTrue(profile.contains("\"newfstatat\", "), profile);
        Run.Result denied = container(profile.replace("\"newfstatat\", ", ""), "/bin/ls", "/");
        assertEquals(1, denied.exit(), denied.err());
        assertEquals("ls: /: Operation not permitted\n", denied.err());
    }
}

package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Docker's default seccomp profile (moby's profiles/seccomp/default.json, kept under
 * src/test/resources/seccomp) as a user would give it: commands run, the calls it leaves out
 * fail with EPERM, its argument conditions (personality values, socket families) hold in the
 * kernel, and each denial has its one-line report. And hostile profile files never run the command.
 */
class SeccompDockerIT {
    static final String DOCKER = Run.ROOT.resolve("src/test/resources/seccomp/docker-default.json").toString();

    @TempDir
    Path tmp;

    @Test
    void commandsRunUnderIt() throws Exception {
        Run.Result r = Run.jstrace("-o", "/dev/null", "--seccomp-policy", DOCKER, "ls", "/");
        assertEquals(0, r.exit(), r.err());
        assertEquals(Run.exec("ls", "/").out(), r.out());
        assertEquals("", r.err());
    }

    @Test
    void callsAndArgumentsItLeavesOutFailWithEperm() throws Exception {
        String seccall = Run.tracee("seccall");
        // add_key; personality(0xffffffff) (a query), personality(ADDR_NO_RANDOMIZE);
        // socket(AF_INET), socket(AF_VSOCK), socket(AF_ALG), socket(AF_VSOCK | 1 << 32)
        Run.Result r = Run.jstrace("-o", "/dev/null", "--seccomp-policy", DOCKER, seccall,
                "248", "135,0xffffffff", "135,0x40000", "41,2,1", "41,40,1", "41,38,5", "41,0x100000028,1");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                248 EPERM
                135,0xffffffff ok
                135,0x40000 EPERM
                41,2,1 ok
                41,40,1 EPERM
                41,38,5 EPERM
                41,0x100000028,1 ok
                """, r.out(), "as under Docker: the filter compares 64 bits, the kernel reads an int (AF_VSOCK)");
        List<String> reports = r.err().lines().map(l -> l.replaceFirst("pid \\d+", "pid P")).toList();
        assertEquals(List.of(
                "jstrace: seccomp policy: pid P add_key: SCMP_ACT_ERRNO(EPERM)",
                "jstrace: seccomp policy: pid P personality: SCMP_ACT_ERRNO(EPERM)",
                "jstrace: seccomp policy: pid P socket: SCMP_ACT_ERRNO(EPERM)",
                "jstrace: seccomp policy: pid P socket: SCMP_ACT_ERRNO(EPERM)"), reports,
                "one line per denial, none for the calls the arguments let through");
    }

    @Test
    void setarchCannotTurnOffRandomization() throws Exception {
        Run.Result r = Run.jstrace("-e", "trace=personality", "-o", tmp.resolve("t").toString(),
                "--seccomp-policy", DOCKER, "setarch", "x86_64", "-R", "true");
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("setarch: failed to set personality to x86_64: Operation not permitted"), r.err());
        assertTrue(r.err().matches("(?s)jstrace: seccomp policy: pid \\d+ personality: SCMP_ACT_ERRNO\\(EPERM\\)\n.*"), r.err());
        assertTrue(Files.readString(tmp.resolve("t")).contains("personality(PER_LINUX|ADDR_NO_RANDOMIZE) = -1 EPERM"));
        assertEquals(0, Run.jstrace("-o", "/dev/null", "setarch", "x86_64", "-R", "true").exit(), "without the policy");
    }

    @Test
    void verboseNamesWhatWasSkipped() throws Exception {
        Run.Result r = Run.jstrace("-v", "-o", "/dev/null", "--seccomp-policy", DOCKER, "true");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jstrace: seccomp policy '" + DOCKER + "': skipped names that are no x86_64 system call: "
                + "_llseek _newselect "), r.err());
        assertTrue(r.err().contains(" socketcall "), r.err());
    }

    /** Issue 23: special files, deep nesting, huge numbers: one line, quickly, and the command never runs. */
    @Test
    void hostileProfileFilesNeverRunTheCommand() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, Run.exec("mkfifo", fifo.toString()).exit());
        Path deep = tmp.resolve("deep.json");
        Files.writeString(deep, "{\"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}");
        Path number = tmp.resolve("number.json");
        Files.writeString(number, "{\"defaultErrnoRet\": " + "9".repeat(900_000) + "}");
        Path huge = tmp.resolve("huge.json");
        Files.writeString(huge, "{\"defaultErrnoRet\": " + "9".repeat(10_000_000) + "}");
        Path mark = tmp.resolve("mark");
        for (String[] c : List.of(
                new String[] {"/dev/zero", "not a regular file"},
                new String[] {"/dev/urandom", "not a regular file"},
                new String[] {fifo.toString(), "not a regular file"},
                new String[] {tmp.toString(), "Is a directory"},
                new String[] {deep.toString(), "nested deeper than 32 levels"},
                new String[] {number.toString(), "a number longer than 24 digits"},
                new String[] {huge.toString(), "larger than 1 MiB, not a seccomp profile"})) {
            long start = System.nanoTime();
            Run.Result r = Run.jstrace("--seccomp-policy", c[0], "touch", mark.toString());
            assertTrue(System.nanoTime() - start < 20_000_000_000L, c[0]);
            assertEquals(1, r.exit(), c[0]);
            assertEquals("jstrace: seccomp policy '" + c[0] + "': " + c[1] + "\n", r.err());
            assertFalse(Files.exists(mark), "the command ran");
        }
    }
}

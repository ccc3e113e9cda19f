package io.jstrace.seccomp;

import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The profile reader on hostile input (issue 23 item 7): Docker's profile truncated at every
 * length step, mutated at random (seeded), nested deep, with huge numbers, in other encodings and
 * invalid UTF-8, and special files (/dev/zero, /dev/urandom, a FIFO, a directory). Every input
 * gives a profile or one line {@code seccomp policy 'FILE': ...} without Java wording, within a
 * few seconds and a bounded allocation.
 */
class ProfileFuzzTest {
    static final Pattern JAVA_WORDING = Pattern.compile(
            "Exception|java\\.|\\.java|com\\.fasterxml|jackson|Cannot invoke|StreamReadConstraints|\\bat \\[Source");
    static final long MAX_ALLOCATED = 64L << 20;

    @TempDir
    Path tmp;
    int errors, profiles;

    /** Reads {@code file}: a profile, or an error worded as jstrace words it; never more. */
    private void check(String file) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                ProfileReader.read("seccomp policy", file, SyscallTable.x86_64(), ProfileReaderTest.ROOT, m -> { });
                profiles++;
            } catch (ProfileError e) {
                String m = e.getMessage();
                assertTrue(m.startsWith("seccomp policy '" + file + "': "), m);
                assertEquals(1, m.lines().count(), m);
                assertFalse(JAVA_WORDING.matcher(m).find(), m);
                errors++;
            } catch (RuntimeException e) {
                fail(file + ": " + e);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < MAX_ALLOCATED, file + ": " + allocated + " bytes allocated");
        }, file);
    }

    private String write(String name, byte[] bytes) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f.toString();
    }

    @Test
    void truncatedAndMutatedDockerProfiles() throws Exception {
        byte[] docker = Files.readAllBytes(Path.of("src/test/resources/seccomp/docker-default.json"));
        for (int n = 0; n < docker.length; n += 41) {
            check(write("cut.json", java.util.Arrays.copyOf(docker, n)));
        }
        Random r = new Random(23);
        for (int i = 0; i < 300; i++) {
            byte[] b = docker.clone();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                int at = r.nextInt(b.length);
                b[at] = switch (r.nextInt(4)) {
                    case 0 -> (byte) r.nextInt(256);
                    case 1 -> (byte) "{}[]\":,09e-".charAt(r.nextInt(11));
                    case 2 -> (byte) (b[at] ^ 1 << r.nextInt(8));
                    default -> 0;
                };
            }
            check(write("mutated.json", b));
        }
        assertTrue(errors > 200 && profiles > 10, errors + " errors, " + profiles + " profiles");
    }

    @Test
    void deepHugeAndBadlyEncoded() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        for (String open : List.of("[", "{\"a\":")) {
            inputs.add(("{\"x\": " + open.repeat(5000)).getBytes(StandardCharsets.US_ASCII));
        }
        inputs.add(("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"defaultErrnoRet\": " + "9".repeat(1_000_000) + "}").getBytes());
        inputs.add(("{\"defaultErrnoRet\": 1e99999999}").getBytes());
        inputs.add(("{\"defaultAction\": \"" + "A".repeat(1_000_000) + "\"}").getBytes());
        inputs.add(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'});
        inputs.add(new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'});
        inputs.add("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"r\u00e9ad\"], \"action\": \"SCMP_ACT_ERRNO\"}]}"
                .getBytes(StandardCharsets.ISO_8859_1));
        inputs.add(new byte[] {0, 0, 0, 0});
        inputs.add(new byte[0]);
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[r.nextInt(4096)];
            r.nextBytes(b);
            inputs.add(b);
        }
        for (byte[] b : inputs) {
            check(write("hostile.json", b));
        }
        assertTrue(errors >= inputs.size() - 1, errors + " of " + inputs.size());
    }

    @Test
    void specialFiles() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createSymbolicLink(tmp.resolve("zero.json"), Path.of("/dev/zero"));
        for (String f : List.of("/dev/zero", "/dev/urandom", "/dev/null", fifo.toString(), tmp.toString(),
                tmp.resolve("zero.json").toString(), "/proc/self/mem", "bad\0name")) {
            check(f);
        }
        assertEquals(8, errors);
    }
}

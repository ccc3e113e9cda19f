package io.jstrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel's filter for a profile under --seccomp-policy does what libseccomp's filter for the
 * same profile does (built by python3-seccomp as runc builds it, src/test/python/libseccomp_run.py):
 * seeded random profiles with argument conditions of every operator, several conditions per
 * rule, rules with different actions on one call, and the default action ALLOW or ERRNO; then
 * the same calls with allowed and denied arguments (seccall makes them: getpid and the like
 * ignore their arguments, the filter does not), run under both filters in the kernel.
 *
 * <p>libseccomp 2.5's BPF does not always do what its own rule tree says: when a call's rules
 * test one argument's low word and none matches, the next rule's test of a high word can run
 * on the low word still loaded (gen_bpf.c keeps the accumulator state of the level, not of the
 * path taken). So every outcome is also compared with libseccomp's meaning of the profile, its
 * pseudo filter code evaluated call by call: jstrace must agree with that on every call, and
 * with libseccomp's BPF on every call where that BPF agrees with libseccomp's meaning.
 */
class SeccompLibseccompIT {
    static final String PYTHON = "/usr/bin/python3";
    /** Calls that ignore their arguments. */
    static final String[] CALLS = {"getpid", "getppid", "getuid", "getgid", "geteuid", "getegid"};
    static final int[] NUMBERS = {39, 110, 102, 104, 107, 108};
    /** What the dynamically linked seccall needs before and after its calls. */
    static final String STARTUP = "\"execve\", \"brk\", \"arch_prctl\", \"mmap\", \"access\", \"openat\", \"newfstatat\", "
            + "\"close\", \"read\", \"pread64\", \"mprotect\", \"set_tid_address\", \"set_robust_list\", \"rseq\", "
            + "\"prlimit64\", \"munmap\", \"getrandom\", \"fstat\", \"write\", \"exit_group\"";
    static final long[] VALUES = {0, 1, 2, 5, 6, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000000L, 0x100000005L,
            0xfffffffffffffffeL, -1, Long.MIN_VALUE};
    static final long[] MASKS = {0xf, 0xf0, 0xffffffff00000000L, 0xff00ff, 0x8000000000000001L, -1};
    static final String[] OPS = {"NE", "LT", "LE", "EQ", "GE", "GT", "MASKED_EQ"};

    @TempDir
    Path tmp;

    @Test
    void sameOutcomeAsLibseccompForEveryCall() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON))
                && Run.exec(PYTHON, "-c", "import seccomp").exit() == 0, "python3-seccomp is not installed");
        String seccall = Run.tracee("seccall");
        String runner = Run.ROOT.resolve("src/test/python/libseccomp_run.py").toString();
        Random r = new Random(22);
        int compared = 0, refused = 0, calls = 0, agreed = 0, libseccompBugs = 0;
        for (int n = 0; n < 30; n++) {
            Path profile = tmp.resolve("p" + n + ".json");
            Files.writeString(profile, profile(r, n % 2 == 0));
            List<String> args = callArgs(r);
            List<String> lib = new ArrayList<>(List.of(PYTHON, runner, profile.toString(), seccall));
            lib.addAll(args);
            Run.Result expected = Run.exec(lib, null, null);
            if (expected.exit() == 125) {
                refused++; // libseccomp refuses it, so runc would too
                continue;
            }
            assertEquals(0, expected.exit(), expected.err());
            List<String> js = new ArrayList<>(List.of(Run.JSTRACE, "-o", "/dev/null", "-qq", "--seccomp-policy", profile.toString(), seccall));
            js.addAll(args);
            Run.Result actual = Run.exec(js, null, null);
            assertEquals(0, actual.exit(), actual.err());
            List<String> pfc = new ArrayList<>(List.of(PYTHON, runner, "--pfc", profile.toString()));
            pfc.addAll(args);
            Run.Result meaning = Run.exec(pfc, null, null);
            assertEquals(0, meaning.exit(), meaning.err());
            List<String> kernel = expected.out().lines().toList(), intended = meaning.out().lines().toList();
            List<String> ours = actual.out().lines().toList();
            assertEquals(intended, ours, "libseccomp's meaning of " + Files.readString(profile));
            for (int i = 0; i < ours.size(); i++) {
                if (kernel.get(i).equals(intended.get(i))) {
                    assertEquals(kernel.get(i), ours.get(i), "libseccomp's filter for " + Files.readString(profile));
                    agreed++;
                } else {
                    libseccompBugs++;
                }
            }
            compared++;
            calls += args.size();
        }
        System.out.println("SeccompLibseccompIT: " + compared + " profiles, " + calls + " calls the same as libseccomp's meaning, "
                + agreed + " the same as libseccomp's filter in the kernel, " + libseccompBugs
                + " where that filter departs from its meaning; " + refused + " profiles libseccomp refused");
        assertTrue(agreed > calls * 9 / 10, agreed + " of " + calls);
        assertTrue(compared >= 20, compared + " profiles compared, " + refused + " refused by libseccomp");
        assertTrue(calls >= 20 * 100, calls + " calls");
    }

    /** A profile of rules on {@link #CALLS}, whose default action is ALLOW or ERRNO(EPERM). */
    static String profile(Random r, boolean allowByDefault) {
        StringJoiner rules = new StringJoiner(",\n");
        if (!allowByDefault) {
            rules.add("{\"names\": [" + STARTUP + "], \"action\": \"SCMP_ACT_ALLOW\"}");
        }
        for (String call : CALLS) {
            for (int i = r.nextInt(4); i >= 0; i--) {
                String action = r.nextInt(3) == 0 ? "\"action\": \"SCMP_ACT_ALLOW\""
                        : "\"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": " + (2 + r.nextInt(30));
                StringJoiner conds = new StringJoiner(", ");
                int count = new int[] {0, 1, 1, 1, 2, 2, 3}[r.nextInt(7)];
                for (int c = 0; c < count; c++) {
                    String op = OPS[r.nextInt(OPS.length)];
                    long value = op.equals("MASKED_EQ") ? MASKS[r.nextInt(MASKS.length)] : VALUES[r.nextInt(VALUES.length)];
                    conds.add("{\"index\": " + r.nextInt(3) + ", \"value\": " + Long.toUnsignedString(value)
                            + ", \"valueTwo\": " + Long.toUnsignedString(VALUES[r.nextInt(VALUES.length)])
                            + ", \"op\": \"SCMP_CMP_" + op + "\"}");
                }
                rules.add("{\"names\": [\"" + call + "\"], " + action + ", \"args\": [" + conds + "]}");
            }
        }
        return "{\"defaultAction\": \"" + (allowByDefault ? "SCMP_ACT_ALLOW" : "SCMP_ACT_ERRNO")
                + "\", \"syscalls\": [\n" + rules + "]}\n";
    }

    /** Calls of {@link #CALLS} with arguments at and around the values the rules test. */
    static List<String> callArgs(Random r) {
        List<String> out = new ArrayList<>();
        for (int nr : NUMBERS) {
            for (int i = 0; i < 25; i++) {
                StringJoiner a = new StringJoiner(",");
                a.add(Integer.toString(nr));
                for (int arg = 0; arg < 3; arg++) {
                    long v = VALUES[r.nextInt(VALUES.length)] + (r.nextInt(4) == 0 ? r.nextInt(3) - 1 : 0);
                    a.add("0x" + Long.toHexString(v));
                }
                out.add(a.toString());
            }
        }
        return out;
    }
}

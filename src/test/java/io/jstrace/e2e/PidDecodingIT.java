package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * -Y (pids with their process's name, prefixes too) and --pidns-translation (ids a tracee in
 * another PID namespace uses, with the tracer's) on src/test/c/pids.c, traced by jstrace and by
 * /usr/bin/strace in the same conditions: identical lines once numbers are masked (the pids
 * differ from run to run, and with them the padding) and the tracers' own names made equal
 * (strace's child goes by "strace" before its execve, jstrace's by the JVM's "java").
 */
class PidDecodingIT {
    @TempDir
    Path tmp;

    /**
     * The calls pids.c makes on purpose; unshare, its parent in a namespace, makes none of them.
     * Its child makes none either: the lines do not depend on how the two are scheduled.
     */
    private static final String BUT_PRCTL = "getpid,gettid,getppid,setpgid,getpgrp,getpgid,getsid,kill,tkill,tgkill,"
            + "sched_getscheduler,sched_getparam,getpriority,ioprio_get,fcntl,getsockopt,pidfd_open,waitid";
    private static final String PID_CALLS = BUT_PRCTL + ",prctl";
    private static final String CALLS = PID_CALLS + ",execve";

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    @ParameterizedTest(name = "{0} :: namespace {1}, tracer in one {2}")
    @CsvSource(delimiter = '|', value = {
            "-Y -f | false | false",
            "-Y | false | false",
            // The name changes at an execve left out of the trace too.
            "--decode-pids=comm -f -e trace=" + PID_CALLS + " | false | false",
            // prctl(PR_SET_NAME) left out (it does not even stop under the default seccomp filter):
            // the name is read again for each line.
            "-Y -f -e trace=" + BUT_PRCTL + " | false | false",
            "--pidns-translation -f | true | false",
            "--decode-pids=all -f | true | false",
            "-Y -f | true | false",
            // The tracer in a PID namespace of its own whose /proc is its parent's (strace's suite
            // runs "unshare -Urpf strace ..."): /proc names the tracees by other ids than the tracer's.
            "--pidns-translation -y -f | true | true",
            "-yy -f | false | true",
    })
    void sameLinesAsStrace(String options, boolean namespace, boolean tracerInNamespace) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (namespace || tracerInNamespace) {
            Assumptions.assumeTrue(Run.exec("unshare", "-Urpf", "true").exit() == 0, "no PID namespaces here");
        }
        if (namespace) {
            // In the tracer's user namespace already, the tracee needs none of its own (nor a /proc).
            cmd.addAll(tracerInNamespace ? List.of("unshare", "-pf") : List.of("unshare", "-Urpf", "--mount-proc"));
        }
        cmd.add(Run.tracee("pids"));
        List<String> opts = new ArrayList<>(List.of("-qq", "-e", "signal=none", "-e", "trace=" + CALLS));
        opts.addAll(Arrays.asList(options.split(" +")));
        List<String> strace = trace("/usr/bin/strace", opts, cmd, "s", tracerInNamespace);
        List<String> jstrace = trace(Run.JSTRACE, opts, cmd, "j", tracerInNamespace);
        assertTrue(strace.size() > 25, String.join("\n", strace));
        String shows = namespace && !options.startsWith("-Y") ? " in strace's PID NS */"
                : options.contains("-Y") || options.contains("comm") ? "<pids>" : "<pipe:[";
        assertTrue(String.join("\n", strace).contains(shows), String.join("\n", strace));
        assertEquals(String.join("\n", strace), String.join("\n", jstrace));
    }

    /**
     * A PID namespace beside jstrace's, under the same /proc, whose threads have the ids jstrace's
     * tracees have in jstrace's namespace: /proc lookups keep to jstrace's namespace and those
     * below it (they found the neighbour's "sleep" for pids when the suite ran two tests at once).
     */
    @Test
    void aNeighbourNamespaceIsNotTakenForOurs() throws Exception {
        Assumptions.assumeTrue(Run.exec("unshare", "-Urpf", "true").exit() == 0, "no PID namespaces here");
        Process neighbour = new ProcessBuilder("unshare", "--kill-child", "-Urpf", "sh", "-c",
                "for i in $(seq 40); do sleep 20 & done; echo ready; wait").start();
        try {
            assertEquals("ready", new String(neighbour.getInputStream().readNBytes(5)));
            Path out = tmp.resolve("out");
            Run.Result r = Run.exec(List.of("unshare", "-Urpf", Run.JSTRACE, "-qq", "-Y", "-e", "trace=getpid",
                    "-o", out.toString(), Run.tracee("pids")), StraceDiff.ENV, tmp);
            assertEquals(0, r.exit(), r.err());
            String lines = Files.readString(out);
            assertTrue(lines.matches("(?s)getpid\\(\\) += \\d+<pids>\n.*"), lines);
        } finally {
            neighbour.destroyForcibly().waitFor();
        }
    }

    private List<String> trace(String tracer, List<String> options, List<String> cmd, String tag,
                               boolean inNamespace) throws Exception {
        Path out = tmp.resolve("out-" + tag);
        List<String> argv = new ArrayList<>(inNamespace ? List.of("unshare", "-Urpf", tracer) : List.of(tracer));
        argv.addAll(options);
        argv.addAll(List.of("-o", out.toString()));
        argv.addAll(cmd);
        Run.Result r = Run.exec(argv, StraceDiff.ENV, tmp);
        assertEquals(0, r.exit(), r.err());
        return Run.lines(out).stream()
                .map(l -> l.replace("<strace>", "<TRACER>").replace("<java>", "<TRACER>")
                        .replaceAll("0x[0-9a-f]+", "0x?").replaceAll("\\d+", "N").replaceAll(" +", " "))
                .toList();
    }
}

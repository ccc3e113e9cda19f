package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jstrace against /usr/bin/strace on the same commands in the same conditions: the lines must be
 * identical once addresses, pids and random bytes are masked. The commands are deterministic
 * single-process runs (or -f runs whose processes do not race), several outside the public corpus.
 */
class StraceCompareIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStrace() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
    }

    @ParameterizedTest(name = "{0} :: {1}")
    @CsvSource(delimiter = '|', value = {
            " | CALLS",
            "-f | CALLS",
            "-y | CALLS",
            "-s 8 -x | CALLS",
            "-xx -a 20 | CALLS",
            "--strings-in-hex=non-ascii-chars -s 16 | CALLS",
            "-X verbose -e trace=!rt_sigprocmask,rt_sigaction,prlimit64,getrlimit | CALLS",
            "-e trace=%file,%desc | CALLS",
            "-Z | CALLS",
            "-z -e trace=!getrandom | CALLS",
            "-n -e signal=none | CALLS",
            " | exec cat /etc/passwd /etc/group",
            " | exec ls -l /usr/share/common-licenses",
            "-v | exec stat -L /bin/sh",
            "-v | exec uname -a",
            "-e trace=!read | exec perl -e 'opendir(D, \".\"); my @x = readdir(D); print scalar(@x), \"\\n\"'",
            "-e trace=!sysinfo | exec python3 -c 'import os; os.makedirs(\"a/b\"); os.rename(\"a/b\", \"a/c\"); print(os.listdir(\"a\"))'",
            " | exec env -i A=1 B=2 env",
            " | exec head -c 100 /etc/services",
            "-f | cd /tmp && exec sh -c 'pwd; true'",
            "-f -e trace=process | true | true",
            "-f -e signal=none -e trace=kill | kill -USR1 $$",
            "-f -qq -e trace=kill | kill -USR1 $$",
            "-X raw -e trace=prlimit64,getrlimit | exec ls /",
            "-f --seccomp-bpf -e trace=%file,%process | CALLS",
            "-f --seccomp-bpf -e trace=!write,read | cd /tmp && exec sh -c 'pwd; true'",
            "-f -e trace=%network | exec python3 -c 'import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM).close()'",
            "-e trace=getsockopt,setsockopt | exec python3 -c 'import socket, select; s = socket.socket(); s.setblocking(False); s.connect_ex((\"127.0.0.1\", 1)); select.select([], [s], [], 2); s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR); n = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW); n.setsockopt(270, 11, 1); n.setsockopt(270, 99, 1); u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.setsockopt(socket.IPPROTO_UDP, 1, 1)'",
            "-e trace=getsockopt,setsockopt | SOCKOPTS",
            "-v -e trace=getsockopt,setsockopt | SOCKOPTS",
            "-X raw -e trace=getsockopt,setsockopt | SOCKOPTS",
            "-X verbose -e trace=getsockopt,setsockopt | SOCKOPTS",
            "-e verbose=none -e trace=getsockopt,setsockopt | SOCKOPTS",
            "-e trace=ioctl | TTYIOCTLS",
            "-v -e trace=ioctl | TTYIOCTLS",
            "-v -X raw -e trace=ioctl | TTYIOCTLS",
            "-X verbose -e trace=ioctl | TTYIOCTLS",
            "-e verbose=none -e trace=ioctl | TTYIOCTLS",
            "-e trace=ioctl | BLOCKIOCTLS",
            "-v -e trace=ioctl | BLOCKIOCTLS",
            "-X verbose -e trace=ioctl | BLOCKIOCTLS",
            "-e verbose=none -e trace=ioctl | BLOCKIOCTLS",
            "-e trace=ioctl | exec losetup --find",
            "-e trace=ioctl | DEVIOCTLS",
            "-v -e trace=ioctl | DEVIOCTLS",
            "-y -e trace=ioctl | DEVIOCTLS",
            "-e kvm=vcpu -e trace=ioctl | DEVIOCTLS",
            "-X raw -e trace=ioctl | DEVIOCTLS",
            "-X verbose -e trace=ioctl | DEVIOCTLS",
            "-e verbose=none -e trace=ioctl | DEVIOCTLS",
            "-e verbose=none -X raw -e trace=ioctl | DEVIOCTLS",
            "-e trace=ioctl | SOCKIOCTLS",
            "-s 1 -e trace=ioctl | SOCKIOCTLS",
            "-e verbose=none -e trace=ioctl | SOCKIOCTLS",
            " | MEMREADS",
            "-v -s 4 | MEMREADS",
            "-s 3 -x | MEMREADS",
            " | TIMECALLS",
            "-X verbose | TIMECALLS",
            " | MEMCALLS",
            "-X raw | MEMCALLS",
            "-X verbose | MEMCALLS",
    })
    void sameLinesAsStrace(String options, String command) throws Exception {
        // CALLS, MEMREADS, TIMECALLS, TTYIOCTLS, BLOCKIOCTLS, DEVIOCTLS, SOCKOPTS, SOCKIOCTLS stand for the C tracees
        // src/test/c/calls.c, memreads.c, timecalls.c, ttyioctls.c, blockioctls.c, devioctls.c, sockopts.c, sockioctls.c.
        String cmd = command.matches("[A-Z]+") ? "exec " + Run.tracee(command.toLowerCase()) : command;
        List<String> opts = options == null ? List.of() : Arrays.asList(options.trim().split(" +"));
        StraceDiff.Pair p = StraceDiff.run(tmp, opts, cmd);
        assertEquals(String.join("\n", p.strace()), String.join("\n", p.jstrace()));
    }

    /**
     * The comparison above joins split lines; this checks the split itself for an argument that
     * continues at exit: strace prints clone3's struct before {@code <unfinished ...>} and what
     * the call changed ({@code => {parent_tid=[N]}}) after {@code resumed>}.
     */
    @Test
    void clone3SplitsAsStraceSplitsIt() throws Exception {
        String exe = Run.tracee("heldclone");
        List<String> opts = List.of("-f", "-e", "trace=clone3,getppid", "-e", "signal=none",
                "-e", "inject=clone3:delay_enter=200ms");
        List<String> strace = clone3Halves("/usr/bin/strace", opts, exe);
        List<String> jstrace = clone3Halves(Run.JSTRACE, opts, exe);
        assertEquals(2, strace.size(), strace.toString());
        assertEquals(strace, jstrace);
    }

    /** The clone3 lines, numbers masked. */
    private List<String> clone3Halves(String tracer, List<String> options, String exe) throws Exception {
        Path out = tmp.resolve("out");
        List<String> argv = new ArrayList<>(List.of(tracer));
        argv.addAll(options);
        argv.addAll(List.of("-o", out.toString(), exe));
        Run.Result r = Run.exec(argv, StraceDiff.ENV, tmp);
        assertEquals(0, r.exit(), r.err());
        return Run.lines(out).stream().filter(l -> l.contains("clone3"))
                .map(l -> l.replaceAll("0x[0-9a-f]+|\\d+", "N").replaceAll(" +", " ")).toList();
    }

    /**
     * A non-leader thread's execve (src/test/c/execthread.c) line for line and in order, split
     * lines as split: the leader's exit(42) ended by its PTRACE_EVENT_EXIT stop ({@code = ?}), its
     * nanosleep killed by the execve ({@code <... nanosleep resumed> <unfinished ...>) = ?}), the
     * execve line the pid change ends ({@code <pid changed to N ...>}), the leader superseded.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-f", "-f -qq", "-f --quiet=thread-execve -a20"})
    void threadExecveAsStrace(String options) throws Exception {
        List<String> opts = new ArrayList<>(Arrays.asList(options.split(" ")));
        opts.addAll(List.of("-e", "trace=execve,exit,nanosleep"));
        String cmd = "exec " + Run.tracee("execthread");
        List<String> strace = StraceDiff.traceInOrder(tmp, List.of("/usr/bin/strace"), opts, cmd, "s");
        assertTrue(strace.stream().anyMatch(l -> l.endsWith(" <pid changed to P0 ...>")), String.join("\n", strace));
        assertEquals(String.join("\n", strace),
                String.join("\n", StraceDiff.traceInOrder(tmp, List.of(Run.JSTRACE), opts, cmd, "j")));
    }

    /** A socket's endpoints inside -yy's brackets; their inodes and ports change from run to run. */
    private static final Pattern ENDPOINTS = Pattern.compile("(UNIX-STREAM|UNIX|TCP):\\[[^\\]]*\\]");

    /**
     * -yy's socket endpoints, which come from sock_diag (UNIX peers and names) and the tracee's
     * /proc/PID/net tables (TCP), against strace's, with the numbers in them masked.
     */
    @Test
    void socketEndpointsAsStrace() throws Exception {
        Path script = tmp.resolve("sockets.py");
        Files.writeString(script, """
                import socket
                a, b = socket.socketpair()
                a.send(b"x")
                s = socket.socket()
                s.bind(("127.0.0.1", 0))
                s.listen()
                c = socket.create_connection(s.getsockname())
                c.send(b"y")
                u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
                u.bind("\\0jstrace-yy")
                u.sendto(b"z", "\\0jstrace-yy")
                """);
        StraceDiff.Pair p = StraceDiff.run(tmp, List.of("-yy", "-e", "trace=sendto"), "exec python3 " + script);
        List<String> strace = endpointsMasked(p.strace());
        assertEquals(4, strace.size(), String.join("\n", p.strace()));
        assertEquals(String.join("\n", strace), String.join("\n", endpointsMasked(p.jstrace())));
    }

    private static List<String> endpointsMasked(List<String> lines) {
        return lines.stream().map(l -> ENDPOINTS.matcher(l).replaceAll(m -> m.group().replaceAll("\\d+", "N"))).toList();
    }

    /** What differs between two runs of src/test/c/netcalls.c: ports (the UDP one is the kernel's choice), the sender's pid. */
    private static final Pattern NET_RUN_NUMBERS = Pattern.compile(
            "(?<=htons\\()\\d+|(?<=sin_port=)\"(?:\\\\x[0-9a-f]{2}){2}\"|(?<=\\{pid=)\\d+");

    /**
     * Socket addresses of many families, msghdrs with control messages, sendmmsg and recvmmsg
     * (src/test/c/netcalls.c) against strace, in each -X style and with -v.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-e trace=%network", "-X raw -e trace=%network", "-X verbose -e trace=%network", "-v -e trace=%network"})
    void networkAsStrace(String options) throws Exception {
        assertSameMasked(StraceDiff.run(tmp, Arrays.asList(options.split(" ")), "exec " + Run.tracee("netcalls")),
                NET_RUN_NUMBERS, 29);
    }

    /** What differs between two runs of src/test/c/ipc.c: object ids, creator pids, times, IPC_INFO's highest index. */
    private static final Pattern IPC_RUN_NUMBERS = Pattern.compile(
            "(?<=\\b(?:shm|sem|msg)[a-z]{2,7}\\()\\d+|(?<=get\\(.{0,80}\\) = )\\d+$"
                    + "|(?<=_(?:cpid|lpid|lspid|lrpid|atime|dtime|ctime|otime|stime|rtime)=)\\d+|(?<=_INFO, \\{.{0,300}\\}\\) = )\\d+$");

    /**
     * System V IPC, shmget to msgctl with the structs of their *ctl commands, and POSIX message
     * queues (src/test/c/ipc.c), against strace with what changes from run to run masked.
     */
    @Test
    void ipcAsStrace() throws Exception {
        assertSameMasked(StraceDiff.run(tmp, List.of("-e", "trace=%ipc,/^mq_"), "exec " + Run.tracee("ipc")),
                IPC_RUN_NUMBERS, 49);
    }

    /** What differs between two runs of src/test/c/bpfcalls.c: stack and mapping addresses, object ids. */
    private static final Pattern BPF_RUN_NUMBERS = Pattern.compile("0x7f[0-9a-f]+|(?<=\\bid=|next_id=0 => )\\d+");

    /**
     * bpf(2) (src/test/c/bpfcalls.c): a map made and used (or refused with EPERM without
     * privilege), its info, a program load, an ID walk, cut, extended, unreadable attrs, against
     * strace in each -X style, with -v (instructions, the map's info) and -y.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-e trace=bpf", "-v -y -e trace=bpf", "-X raw -e trace=bpf", "-X verbose -e trace=bpf",
            "-e verbose=none -e trace=bpf"})
    void bpfAsStrace(String options) throws Exception {
        assertSameMasked(StraceDiff.run(tmp, Arrays.asList(options.split(" ")), "exec " + Run.tracee("bpfcalls")),
                BPF_RUN_NUMBERS, 13);
    }

    /** Both tracers' {@code lines} lines the same once what {@code mask} matches is N. */
    private static void assertSameMasked(StraceDiff.Pair p, Pattern mask, int lines) {
        List<String> strace = p.strace().stream().map(l -> mask.matcher(l).replaceAll("N")).toList();
        assertEquals(lines, strace.size(), String.join("\n", p.strace()));
        assertEquals(String.join("\n", strace),
                String.join("\n", p.jstrace().stream().map(l -> mask.matcher(l).replaceAll("N")).toList()));
    }
}

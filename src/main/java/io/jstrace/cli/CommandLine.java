package io.jstrace.cli;

import io.jstrace.cli.Getopt.LongOption;

import java.util.ArrayList;
import java.util.List;

/**
 * strace 6.1's command line: its short options, its long options in its order (which decides
 * what a prefix means), then jstrace's own long options. Each option is applied as it is read,
 * -h at once; the checks between options follow ({@link OptionChecks}).
 */
public final class CommandLine {
    private CommandLine() {}

    static final String SHORT = "a:Ab:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ";

    /** strace's longopts: name, argument (0 none, 1 required, 2 optional), and the option or action it is. */
    static final List<LongOption> LONG = List.of(
            l("columns", 1, "a"), l("output-append-mode", 0, "A"), l("detach-on", 1, "b"),
            l("summary-only", 0, "c"), l("summary", 0, "C"), l("debug", 0, "d"), l("daemonize", 2, "daemonize"),
            l("daemonised", 2, "daemonize"), l("daemonized", 2, "daemonize"), l("env", 1, "E"),
            l("follow-forks", 0, "follow-forks"), l("output-separately", 0, "output-separately"),
            l("help", 0, "h"), l("instruction-pointer", 0, "i"), l("interruptible", 1, "I"),
            l("stack-traces", 0, "k"), l("syscall-number", 0, "n"), l("output", 1, "o"),
            l("summary-syscall-overhead", 1, "O"), l("attach", 1, "p"), l("trace-path", 1, "P"),
            l("relative-timestamps", 2, "r"), l("string-limit", 1, "s"), l("summary-sort-by", 1, "S"),
            l("absolute-timestamps", 2, "ts"), l("timestamps", 2, "ts"), l("syscall-times", 2, "T"),
            l("user", 1, "u"), l("summary-columns", 1, "U"), l("no-abbrev", 0, "v"), l("version", 0, "V"),
            l("summary-wall-clock", 0, "w"), l("strings-in-hex", 2, "strings-in-hex"),
            l("const-print-style", 1, "X"), l("pidns-translation", 0, "pidns-translation"),
            l("successful-only", 0, "z"), l("failed-only", 0, "Z"), l("failing-only", 0, "Z"),
            l("seccomp-bpf", 0, "seccomp-bpf"), l("tips", 2, "tips"), l("kill-on-exit", 0, "kill-on-exit"),
            l("trace", 1, "trace"), l("abbrev", 1, "abbrev"), l("verbose", 1, "verbose"), l("raw", 1, "raw"),
            l("signals", 1, "signals"), l("status", 1, "status"), l("read", 1, "read"), l("write", 1, "write"),
            l("fault", 1, "fault"), l("inject", 1, "inject"), l("kvm", 1, "kvm"), l("quiet", 2, "quiet"),
            l("silent", 2, "quiet"), l("silence", 2, "quiet"), l("decode-fds", 2, "decode-fds"),
            l("decode-pids", 1, "decode-pids"), l("secontext", 2, "secontext"));

    /** jstrace's own long options. */
    static final List<LongOption> EXTENSIONS = List.of(
            l("json", 0, "json"), l("timeline", 1, "timeline"), l("seccomp-profile", 1, "seccomp-profile"),
            l("seccomp-policy", 1, "seccomp-policy"), l("seccomp-profile-base", 1, "seccomp-profile-base"),
            l("seccomp-profile-args", 0, "seccomp-profile-args"), l("no-seccomp-bpf", 0, "no-seccomp-bpf"),
            l("syscall-limit", 1, "syscall-limit"), l("color", 2, "color"), l("colour", 2, "color"),
            l("backend", 1, "backend"));

    /**
     * Every option the parser takes, spelled as on a command line ({@code -f}, {@code --follow-forks}):
     * what -h and the man page must document (OptionsDocumentedTest) and the completion offer.
     */
    static List<String> spellings() {
        List<String> out = new ArrayList<>();
        SHORT.chars().filter(c -> c != ':').forEach(c -> out.add("-" + (char) c));
        java.util.stream.Stream.concat(LONG.stream(), EXTENSIONS.stream()).map(o -> "--" + o.name()).sorted()
                .forEach(out::add);
        return out;
    }

    private static LongOption l(String name, int hasArg, String key) {
        return new LongOption(name, hasArg, key);
    }

    /** What {@code args} (jstrace's arguments, one byte per char) ask for. */
    public static Invocation parse(List<String> args) throws UsageError {
        Getopt getopt = new Getopt(args, SHORT, LONG, EXTENSIONS);
        OptionState state = new OptionState();
        for (Getopt.Opt o = getopt.next(); o != null; o = getopt.next()) {
            if (!state.apply(o)) {
                return new Invocation.Help();
            }
        }
        return OptionChecks.finish(state, getopt.rest());
    }
}

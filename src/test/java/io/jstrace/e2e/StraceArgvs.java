package io.jstrace.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Command lines for strace 6.1, drawn from its option grammar (short and long options, clusters,
 * attached and separate values, -e expressions with their set syntax) with valid and invalid
 * values, then mutated (characters dropped, doubled, case-changed; tokens dropped, doubled,
 * swapped, joined). Seeded: the same seed gives the same command lines.
 *
 * <p>What it never draws, so that a run is harmless and ends: -p of a process that may exist,
 * pipes other than into a file of the current directory, delays of more than a millisecond,
 * signals that stop. What it leaves out because jstrace refuses it on purpose: its own options
 * (--json, --seccomp-policy, ...), and what it does not support yet: -D/--daemonize, -u with a
 * real user, -b execve.
 */
final class StraceArgvs {
    private final Random random;

    StraceArgvs(long seed) {
        this.random = new Random(seed);
    }

    /** A token, and whether mutations may change its characters (values that reach a shell or -p may not). */
    private record Token(String text, boolean mutable) {}

    private static final String FLAGS = "AcCdfFiknqrtTvVwxyYzZ";
    private static final String[] BAD_FLAGS = {"Q", "B", "G", "j", "1", "W", "?", ":"};
    private static final String[] NUMBERS = {"0", "5", "  5", "+5", "-0", "-1", "64", "4294967296", "1073741823",
        "1073741824", "abc", "", "5x", "0x10", "2147483647", "2147483648", "007"};
    /** -a's: strace pads every line to the column, so a column of a billion is a billion spaces a line. */
    private static final String[] COLUMNS = {"0", "5", "  5", "+5", "-0", "-1", "64", "4294967296", "2147483647",
        "abc", "", "5x", "0x10", "2147483648", "007"};
    private static final String[] SYSCALL_ITEMS = {"read", "open", "openat", "mmap2", "_llseek", "socketcall", "send",
        "execveat#64", "nosuch", "READ", "0", "1", "59", "334", "335", "423", "424", "451", "512", "547", "548",
        "1073741824", "99999", "%file", "%FILE", "file", "%net", "net", "%network", "%creds", "creds", "%%stat",
        "%stat", "%clock", "%pure", "%memory", "%desc", "%%statfs", "%fstat", "all", "ALL", "none", "%nosuch",
        "/^open", "/^o", "/(", "/[", "/a{", "/*x", "/x*", "/^$", "/read$", "/[[:alpha:]]+", "/\\w", "/[[:foo:]]",
        "/a{2}", "/)", "/\\", "/[z-a]", "/(a)\\1", "/\\1", "/.", "/", "?nosuch", "?/zzz", "read@64", "read@32",
        "mmap2@32", "read@x32", "read@99", "?read@99", "1073741824@x32", "0@32", ""};
    private static final String[] SIGNAL_ITEMS = {"HUP", "SIGHUP", "sighup", "9", "0", "99", "255", "256", "RTMIN",
        "RT_1", "RTMAX", "SIGRT_3", "all", "none", "FOO", "KILL", "IOT", "", " 9", "SIG"};
    private static final String[] STATUS_ITEMS = {"successful", "failed", "unfinished", "unavailable", "detached",
        "all", "none", "SUCCESSFUL", "bogus", ""};
    private static final String[] QUIET_ITEMS = {"attach", "exit", "exits", "path-resolution", "personality",
        "superseded", "thread-execve", "all", "none", "bogus", "EXIT"};
    private static final String[] FD_ITEMS = {"0", "1", "2", "3", "all", "none", "-1", "2147483648", "x"};
    private static final String[] DECODE_FD_ITEMS = {"path", "socket", "dev", "pidfd", "all", "none", "bogus", "PATH"};
    private static final String[] INJECT_SETS = {"read", "write", "openat", "brk", "getpid", "nosuch", "%file",
        "close", "mmap", "", "!read"};
    private static final String[] INJECT_TOKENS = {"error=ENOSYS", "error=EPERM", "error=eperm", "error=4095",
        "error=0", "error=4096", "error=bogus", "retval=0", "retval=-1", "retval=0x10", "retval=18446744073709551616",
        "retval=42", "signal=USR1", "signal=99", "signal=0", "signal=SEGV", "syscall=getpid", "syscall=write",
        "syscall=nosuch", "delay_enter=10", "delay_exit=1us", "delay_enter=1e2ns", "delay_enter=abc",
        "delay_exit=0.5ms", "when=2", "when=2..3", "when=1+2", "when=0", "when=65536", "when=3..2", "when=2+",
        "bogus=1", "", "error="};
    private static final String[] QUALIFIERS = {"trace", "t", "abbrev", "a", "verbose", "v", "raw", "x", "signal",
        "signals", "s", "status", "quiet", "silent", "silence", "q", "read", "reads", "r", "write", "writes", "w",
        "fault", "inject", "kvm", "decode-fd", "decode-fds", "decode-pid", "decode-pids", "secontext", "bogus", ""};
    private static final String[] LONG_FLAGS = {"output-append-mode", "summary-only", "summary", "debug",
        "follow-forks", "output-separately", "help", "instruction-pointer", "stack-traces", "syscall-number",
        "relative-timestamps", "absolute-timestamps", "timestamps", "syscall-times", "no-abbrev", "version",
        "summary-wall-clock", "strings-in-hex", "successful-only", "failed-only", "failing-only", "seccomp-bpf",
        "tips", "quiet", "silent", "silence", "decode-fds", "secontext", "pidns-translation"};

    /** The next command line. */
    List<String> next() {
        List<Token> tokens = new ArrayList<>();
        int items = random.nextInt(5);
        for (int i = 0; i < items; i++) {
            item(tokens);
        }
        command(tokens);
        int mutations = random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < mutations && !tokens.isEmpty(); i++) {
            mutate(tokens);
        }
        return tokens.stream().map(Token::text).toList();
    }

    private void item(List<Token> t) {
        switch (random.nextInt(12)) {
            case 0, 1 -> flags(t);
            case 2, 3 -> shortWithValue(t);
            case 4, 5, 6 -> {
                t.add(fixed("-e"));
                t.add(valued(expression()));
            }
            case 7, 8 -> longOption(t);
            case 9 -> {
                t.add(fixed(pick(BAD_FLAGS).equals(":") ? "-:" : "-" + pick(BAD_FLAGS)));
            }
            case 10 -> {
                String e = expression();
                t.add(valued(random.nextBoolean() ? "-e" + e : "--" + (e.contains("=") ? e : "trace=" + e)));
            }
            default -> output(t);
        }
    }

    /** A cluster of flags, such as -fttT. */
    private void flags(List<Token> t) {
        StringBuilder sb = new StringBuilder("-");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(FLAGS.charAt(random.nextInt(FLAGS.length())));
        }
        if (random.nextInt(8) == 0) {
            sb.append('h');
        }
        t.add(mutable(sb.toString()));
    }

    private void shortWithValue(List<Token> t) {
        String[] letters = {"a", "s", "S", "U", "O", "X", "I", "b", "E", "P", "p", "u", "e", "o"};
        String o = pick(letters);
        String v = switch (o) {
            case "a" -> pick(COLUMNS);
            case "s" -> pick(NUMBERS);
            case "S" -> pick("time", "calls", "name", "nothing", "none", "bogus", "min-time", "total_time", "errors", "");
            case "U" -> pick("name,calls", "calls,calls", "bogus", "time-percent", "", "none", "max-time,name", "count");
            case "O" -> pick("1", "1ms", "0.5us", "-1", "abc", "1e3", "1s", "", "2ns", "1.5");
            case "X" -> pick("raw", "abbrev", "verbose", "bogus", "RAW", "");
            case "I" -> pick("1", "2", "3", "4", "0", "5", "never", "never_tstp", "anywhere", "always", "waiting",
                    "NEVER", "bogus", " 3");
            case "b" -> pick("exec", "", "execv", "fork");
            case "E" -> pick("FOO=bar", "FOO", "=x", "", "PATH=/usr/bin:/bin", "HOME");
            case "P" -> pick("/tmp", "/nonexistent", "", ".", "/");
            case "p" -> null;
            case "u" -> "nosuchuser";
            case "e" -> expression();
            default -> null;
        };
        if (o.equals("p")) {
            t.add(fixed("-p"));
            t.add(fixed(pick("99999999", "99999998,99999997", "", "abc", "-1", "0", " 99999999", "99999999 ",
                    "9999999999999", "99999999,", ",99999999", "99999999\n99999998", "4194305")));
            return;
        }
        if (o.equals("o")) {
            output(t);
            return;
        }
        if (random.nextBoolean() && !v.isEmpty()) {
            t.add(valued("-" + o + v));
        } else {
            t.add(fixed("-" + o));
            t.add(valued(v));
        }
    }

    private void output(List<Token> t) {
        String v = pick("out", "", "nodir/out", "|cat >pipe.out", "!cat >pipe.out", "|", "out2");
        if (random.nextBoolean()) {
            t.add(fixed("-o"));
            t.add(fixed(v));
        } else {
            t.add(fixed("--output=" + v));
        }
    }

    private void longOption(List<Token> t) {
        if (random.nextInt(3) > 0) {
            String name = pick(LONG_FLAGS);
            String value = switch (name) {
                case "relative-timestamps", "syscall-times" -> pick(null, "s", "ms", "us", "ns", "bogus", "", "NS");
                case "absolute-timestamps", "timestamps" -> pick(null, "", "time", "unix,ms", "none", "format:us",
                        "precision:unix", "ns", "bogus", "format:unix,precision:ns", "ms,none");
                case "strings-in-hex" -> pick(null, "none", "non-ascii", "all", "non-ascii-chars", "bogus", "ALL", "");
                case "tips" -> pick(null, "id:1", "format:none", "random", "bogus", "id:x", "1,full", "");
                case "quiet", "silent", "silence" -> random.nextBoolean() ? null : set(QUIET_ITEMS);
                case "decode-fds" -> random.nextBoolean() ? null : set(DECODE_FD_ITEMS);
                case "secontext" -> pick(null, "full", "mismatch");
                default -> random.nextInt(8) == 0 ? "x" : null;
            };
            // Sometimes an unambiguous or ambiguous prefix, as getopt_long allows.
            if (random.nextInt(5) == 0) {
                name = name.substring(0, 1 + random.nextInt(name.length()));
            }
            t.add(mutable("--" + name + (value == null ? "" : "=" + value)));
            return;
        }
        String name = pick("columns", "detach-on", "env", "interruptible", "summary-syscall-overhead", "attach",
                "trace-path", "string-limit", "summary-sort-by", "user", "summary-columns", "const-print-style",
                "trace", "abbrev", "signals", "status", "read", "fault", "kvm", "decode-pids", "bogus");
        String value = switch (name) {
            case "columns" -> pick(COLUMNS);
            case "string-limit" -> pick(NUMBERS);
            case "detach-on" -> pick("exec", "");
            case "env" -> pick("FOO=1", "FOO");
            case "interruptible" -> pick("1", "never", "9");
            case "summary-syscall-overhead" -> pick("1us", "x");
            case "attach" -> "99999999";
            case "trace-path" -> "/tmp";
            case "summary-sort-by" -> pick("calls", "x");
            case "user" -> "nosuchuser";
            case "summary-columns" -> pick("name", "x");
            case "const-print-style" -> pick("raw", "x");
            case "trace", "abbrev" -> set(SYSCALL_ITEMS);
            case "signals" -> set(SIGNAL_ITEMS);
            case "status" -> set(STATUS_ITEMS);
            case "read" -> set(FD_ITEMS);
            case "fault" -> inject();
            case "kvm" -> pick("vcpu", "x");
            case "decode-pids" -> pick("none", "bogus", "", "comm", "pidns", "all", "comm,pidns", "PIDNS");
            default -> "x";
        };
        // Neither a pid nor a delay may change: a real process could be attached, a call delayed for long.
        boolean safe = !name.equals("attach") && !value.contains("delay");
        if (random.nextBoolean()) {
            t.add(new Token("--" + name + "=" + value, safe));
        } else {
            t.add(fixed("--" + name));
            t.add(new Token(value, safe));
        }
    }

    /** An -e expression: QUALIFIER=SET, or a bare syscall set. */
    private String expression() {
        String q = pick(QUALIFIERS);
        String set = switch (q) {
            case "signal", "signals", "s" -> set(SIGNAL_ITEMS);
            case "status" -> set(STATUS_ITEMS);
            case "quiet", "silent", "silence", "q" -> set(QUIET_ITEMS);
            case "read", "reads", "r", "write", "writes", "w" -> set(FD_ITEMS);
            case "fault", "inject" -> inject();
            case "kvm" -> pick("vcpu", "bogus", "");
            case "decode-fd", "decode-fds" -> set(DECODE_FD_ITEMS);
            case "decode-pid", "decode-pids" -> pick("none", "bogus", "!all", "", "comm", "!pidns", "all");
            case "secontext" -> pick("full", "");
            default -> set(SYSCALL_ITEMS);
        };
        return q.isEmpty() ? set : q + "=" + set;
    }

    /** [!]...ITEM[,ITEM]... */
    private String set(String[] items) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(5) == 0) {
            sb.append(random.nextBoolean() ? "!" : "!!");
        }
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append(pick(items));
        }
        return sb.toString();
    }

    private String inject() {
        StringBuilder sb = new StringBuilder(pick(INJECT_SETS));
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(':').append(pick(INJECT_TOKENS));
        }
        return sb.toString();
    }

    private void command(List<Token> t) {
        switch (random.nextInt(20)) {
            case 0, 1, 2 -> { }
            case 3 -> t.add(fixed("/"));
            case 4 -> t.add(fixed("nosuchcmd"));
            case 5 -> {
                t.add(fixed("--"));
                t.add(fixed("true"));
            }
            default -> t.add(fixed("true"));
        }
    }

    private void mutate(List<Token> t) {
        int i = random.nextInt(t.size());
        Token tok = t.get(i);
        String s = tok.text;
        switch (random.nextInt(7)) {
            case 0 -> {
                if (tok.mutable && !s.isEmpty()) {
                    int at = random.nextInt(s.length());
                    t.set(i, mutable(s.substring(0, at) + s.substring(at + 1)));
                }
            }
            case 1 -> {
                if (tok.mutable) {
                    int at = random.nextInt(s.length() + 1);
                    t.set(i, mutable(s.substring(0, at) + ",!?= -:".charAt(random.nextInt(7)) + s.substring(at)));
                }
            }
            case 2 -> {
                if (tok.mutable && !s.isEmpty()) {
                    int at = random.nextInt(s.length());
                    char c = s.charAt(at);
                    char d = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                    t.set(i, mutable(s.substring(0, at) + d + s.substring(at + 1)));
                }
            }
            case 3 -> t.add(i, tok);
            case 4 -> {
                if (i + 1 < t.size()) {
                    t.set(i, t.get(i + 1));
                    t.set(i + 1, tok);
                }
            }
            case 5 -> {
                if (i + 1 < t.size() && tok.mutable && t.get(i + 1).mutable) {
                    t.set(i, mutable(s + t.remove(i + 1).text));
                }
            }
            default -> t.remove(i);
        }
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static Token fixed(String s) {
        return new Token(s, false);
    }

    /** An option's value: mutable unless it delays calls (dropping a character could make a millisecond a second). */
    private static Token valued(String s) {
        return new Token(s, !s.contains("delay"));
    }

    private static Token mutable(String s) {
        return new Token(s, true);
    }
}

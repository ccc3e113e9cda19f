package io.jstrace.cli;

import io.jstrace.model.CallStatus;
import io.jstrace.syscalls.Syscall;
import io.jstrace.trace.TokenSet;
import io.jstrace.trace.TraceExpr;
import io.jstrace.trace.UintArg;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import io.jstrace.cli.Options.Quiet;

/**
 * strace's -e EXPR and its long forms (--trace=, --signals=, --status=, ...): {@code -e NAME=SET}
 * with strace's qualifier names and abbreviations, anything else being a syscall set
 * ({@code -e open} is {@code -e trace=open}). Each SET replaces what an earlier one said.
 */
final class QualifyExpr {
    private QualifyExpr() {}

    /** strace's qual_options, in its order: the first whose name and '=' start the expression wins. */
    private static final List<String[]> NAMES = List.of(
            new String[] {"trace", "trace"}, new String[] {"t", "trace"}, new String[] {"abbrev", "abbrev"},
            new String[] {"a", "abbrev"}, new String[] {"verbose", "verbose"}, new String[] {"v", "verbose"},
            new String[] {"raw", "raw"}, new String[] {"x", "raw"}, new String[] {"signal", "signals"},
            new String[] {"signals", "signals"}, new String[] {"s", "signals"}, new String[] {"status", "status"},
            new String[] {"quiet", "quiet"}, new String[] {"silent", "quiet"}, new String[] {"silence", "quiet"},
            new String[] {"q", "quiet"}, new String[] {"read", "read"}, new String[] {"reads", "read"},
            new String[] {"r", "read"}, new String[] {"write", "write"}, new String[] {"writes", "write"},
            new String[] {"w", "write"}, new String[] {"fault", "fault"}, new String[] {"inject", "inject"},
            new String[] {"kvm", "kvm"}, new String[] {"decode-fd", "decode-fds"},
            new String[] {"decode-fds", "decode-fds"}, new String[] {"decode-pid", "decode-pids"},
            new String[] {"decode-pids", "decode-pids"}, new String[] {"secontext", "secontext"});

    /** -q, -qq, -qqq, and --quiet without a value. */
    static final String Q = "attach,personality", QQ = "exit,attach,personality", QQQ = "all";

    /** -e EXPR. */
    static void qualify(String expr, OptionState s) throws UsageError {
        for (String[] n : NAMES) {
            if (expr.startsWith(n[0] + "=")) {
                qualify(n[1], expr.substring(n[0].length() + 1), s);
                return;
            }
        }
        qualify("trace", expr, s);
    }

    /** One qualifier, by its long option's name. */
    static void qualify(String name, String v, OptionState s) throws UsageError {
        try {
            switch (name) {
                case "trace" -> s.trace = syscalls(v, s);
                case "abbrev" -> s.abbrev = syscalls(v, s);
                case "verbose" -> s.dereference = syscalls(v, s);
                case "raw" -> s.raw = syscalls(v, s);
                case "signals" -> s.signals = TraceExpr.signals(v);
                case "status" -> s.statuses = TokenSet.parse(v, "status", QualifyExpr::status);
                case "quiet" -> s.quietSet = quietSet(v == null ? Q : v);
                case "read" -> s.readFds = fds(v);
                case "write" -> s.writeFds = fds(v);
                case "fault" -> InjectExpr.add(v, true, s.table, s.tampering);
                case "inject" -> InjectExpr.add(v, false, s.table, s.tampering);
                case "kvm" -> {
                    if (!v.equals("vcpu")) {
                        throw new UsageError("invalid -e kvm= argument: '" + v + "'");
                    }
                    s.kvm = true;
                }
                case "decode-fds" -> s.decodeFds = TokenSet.parse(v == null ? "path" : v, "decode-fds",
                        w -> index(w, "path", "socket", "dev", "pidfd"));
                case "decode-pids" -> s.decodePids = decodePids(v);
                default -> throw new UsageError(
                        "SELinux context printing (--secontext option) is not supported by this build of jstrace");
            }
        } catch (IllegalArgumentException e) {
            throw usage(e);
        }
    }

    /** A bad set, as strace reports it: with its -h hint for a bad personality designator. */
    static UsageError usage(IllegalArgumentException e) {
        return new UsageError(e.getMessage(), e instanceof TraceExpr.BadDesignator);
    }

    private static TraceExpr.SyscallSet syscalls(String v, OptionState s) {
        return TraceExpr.syscalls(v, s.table);
    }

    /** --decode-pids=SET of comm and pidns (-Y is comm, --pidns-translation pidns). */
    static IntPredicate decodePids(String v) {
        return TokenSet.parse(v, "decode-pids", w -> index(w, "pidns", "comm"));
    }

    /** The status names, numbered as {@link CallStatus}. */
    static int status(String name) {
        CallStatus[] all = CallStatus.values();
        for (CallStatus st : all) {
            if (st.name().equalsIgnoreCase(name)) {
                return st.ordinal();
            }
        }
        return -1;
    }

    /** The quiet names, numbered as {@link Quiet}. */
    static int quiet(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "attach" -> Quiet.ATTACH.ordinal();
            case "exit", "exits" -> Quiet.EXIT.ordinal();
            case "path-resolution" -> Quiet.PATH_RESOLUTION.ordinal();
            case "personality" -> Quiet.PERSONALITY.ordinal();
            case "thread-execve", "superseded" -> Quiet.THREAD_EXECVE.ordinal();
            default -> -1;
        };
    }

    /** The quiet set of -q, -qq or -qqq. */
    static IntPredicate quietSet(String spec) {
        return TokenSet.parse(spec, "quiet", QualifyExpr::quiet);
    }

    /** -e read=, -e write=: descriptors 0 to INT_MAX. */
    private static IntPredicate fds(String spec) {
        return TokenSet.parse(spec, "descriptor", w -> (int) UintArg.parse(w, Integer.MAX_VALUE));
    }

    private static int index(String word, String... words) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }
}

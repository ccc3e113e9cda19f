package io.jstrace.trace;

import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import io.jstrace.xlat.Xlat;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * strace's -e trace= and -e signal= sets: names, %classes, /regex, all, none, ! negation. Shared
 * by the command line and the Java API; a bad set is an {@link IllegalArgumentException} worded as
 * strace words it.
 */
public final class TraceExpr {
    private TraceExpr() {}

    /** Old class names strace still accepts without the %. */
    private static final Set<String> BARE_CLASSES = Set.of("file", "process", "network", "signal", "ipc", "desc", "memory");

    public static Predicate<Syscall> syscalls(String spec, SyscallTable table) {
        boolean negate = spec.startsWith("!");
        String body = negate ? spec.substring(1) : spec;
        Set<Integer> chosen = new HashSet<>();
        for (String item : body.split(",", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            boolean optional = item.startsWith("?");
            String name = optional ? item.substring(1) : item;
            if (name.equals("all")) {
                table.all().forEach(s -> chosen.add(s.number()));
            } else if (name.equals("none")) {
                // nothing
            } else if (name.startsWith("/")) {
                Pattern p;
                try {
                    p = Pattern.compile(name.substring(1));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("regcomp: " + name.substring(1) + ": Invalid regular expression");
                }
                int before = chosen.size();
                table.all().stream().filter(s -> p.matcher(s.name()).find()).forEach(s -> chosen.add(s.number()));
                if (chosen.size() == before && !optional) {
                    throw new IllegalArgumentException("invalid system call '" + item + "'");
                }
            } else if (name.startsWith("%") || BARE_CLASSES.contains(name)) {
                String cls = className(name.startsWith("%") ? name.substring(1) : name);
                if (cls == null) {
                    if (optional) {
                        continue;
                    }
                    throw new IllegalArgumentException("invalid system call '" + item + "'");
                }
                table.inClass(cls).forEach(s -> chosen.add(s.number()));
            } else {
                Syscall s = table.byName(name);
                if (s == null) {
                    if (optional) {
                        continue;
                    }
                    throw new IllegalArgumentException("invalid system call '" + item + "'");
                }
                chosen.add(s.number());
            }
        }
        return negate ? s -> !chosen.contains(s.number()) : s -> chosen.contains(s.number());
    }

    private static String className(String name) {
        return switch (name) {
            case "file", "desc", "ipc", "network", "process", "signal", "memory", "creds", "clock", "pure",
                 "stat", "lstat", "fstat", "statfs", "fstatfs" -> name;
            case "net" -> "network";
            case "%stat" -> "stat_like";
            case "%statfs" -> "statfs_like";
            default -> null;
        };
    }

    public static IntPredicate signals(String spec) {
        boolean negate = spec.startsWith("!");
        String body = negate ? spec.substring(1) : spec;
        boolean[] set = new boolean[65];
        for (String item : body.split(",", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            if (item.equals("all")) {
                java.util.Arrays.fill(set, true);
                continue;
            }
            if (item.equals("none")) {
                continue;
            }
            int sig = signalNumber(item);
            if (sig <= 0 || sig > 64) {
                throw new IllegalArgumentException("invalid signal '" + item + "'");
            }
            set[sig] = true;
        }
        return negate ? s -> s < 0 || s > 64 || !set[s] : s -> s >= 0 && s <= 64 && set[s];
    }

    private static int signalNumber(String item) {
        if (item.chars().allMatch(Character::isDigit)) {
            return item.length() > 3 ? -1 : Integer.parseInt(item);
        }
        String n = item.toUpperCase();
        if (!n.startsWith("SIG")) {
            n = "SIG" + n;
        }
        return (int) Xlat.of("signals").value(n).orElse(-1);
    }
}

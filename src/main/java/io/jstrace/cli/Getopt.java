package io.jstrace.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * POSIX getopt_long as strace calls it ({@code +} mode): clustered flags ({@code -fttT}),
 * attached or separate values ({@code -s64}, {@code -s 64}), {@code --long[=value]} with unique
 * prefixes, and parsing stops at the first non-option or after {@code --}.
 */
final class Getopt {
    /** One parsed option: its short letter or long name, and its value (null if none). */
    record Opt(String name, String value) {}

    /** Options that take a value, by short letter. */
    private final String withValue;
    private final String flags;
    /** Long option name to "has value" (0 none, 1 required, 2 optional). */
    private final Map<String, Integer> longs;

    Getopt(String flags, String withValue, Map<String, Integer> longs) {
        this.flags = flags;
        this.withValue = withValue;
        this.longs = longs;
    }

    /** Parses {@code args}, returning the options; the operands (the command) go to {@code rest}. */
    List<Opt> parse(List<String> args, List<String> rest) throws UsageError {
        List<Opt> out = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            i++;
            if (a.startsWith("--")) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                String full = longName(name);
                int kind = longs.get(full);
                String value = eq < 0 ? null : body.substring(eq + 1);
                if (kind == 0 && value != null) {
                    throw new UsageError("option '--" + full + "' doesn't allow an argument", true);
                }
                if (kind == 1 && value == null) {
                    if (i >= args.size()) {
                        throw new UsageError("option '--" + full + "' requires an argument", true);
                    }
                    value = args.get(i++);
                }
                out.add(new Opt(full, value));
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                if (withValue.indexOf(c) >= 0) {
                    String value;
                    if (j + 1 < a.length()) {
                        value = a.substring(j + 1);
                    } else if (i < args.size()) {
                        value = args.get(i++);
                    } else {
                        throw new UsageError("option requires an argument -- '" + c + "'", true);
                    }
                    out.add(new Opt(String.valueOf(c), value));
                    break;
                }
                if (flags.indexOf(c) < 0) {
                    throw new UsageError("invalid option -- '" + c + "'", true);
                }
                out.add(new Opt(String.valueOf(c), null));
            }
        }
        rest.addAll(args.subList(i, args.size()));
        return out;
    }

    private String longName(String prefix) throws UsageError {
        if (longs.containsKey(prefix)) {
            return prefix;
        }
        String found = null;
        for (String n : longs.keySet()) {
            if (n.startsWith(prefix)) {
                if (found != null) {
                    throw new UsageError("option '--" + prefix + "' is ambiguous", true);
                }
                found = n;
            }
        }
        if (found == null) {
            throw new UsageError("unrecognized option '--" + prefix + "'", true);
        }
        return found;
    }
}

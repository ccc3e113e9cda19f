package io.jstrace.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * glibc's getopt_long as strace calls it ({@code +} mode), one option at a time so that each is
 * applied, and may fail, before the next is read: clustered flags ({@code -fttT}), attached or
 * separate values ({@code -s64}, {@code -s 64}), {@code --long[=value]} with unambiguous
 * prefixes; parsing stops at the first non-option or after {@code --}. Errors are glibc's words.
 * Long options jstrace adds to strace's are matched only when strace's own do not match, so that
 * every prefix strace takes means what it means to strace.
 */
final class Getopt {
    /** A long option: {@code hasArg} 0 none, 1 required, 2 optional; {@code key} what it does (getopt's val). */
    record LongOption(String name, int hasArg, String key) {}

    /** One option: its key, its value (null if none), and its long name if it was given long. */
    record Opt(String key, String value, String longName) {
        /** How strace names it in "invalid ... argument" messages. */
        String spelled() {
            return longName != null ? "--" + longName : "-" + key;
        }
    }

    private final List<String> args;
    private final String optstring;
    private final List<LongOption> longs;
    private final List<LongOption> extensions;
    private int index;
    /** Within a cluster of short options: the position of the next letter, 0 when between arguments. */
    private int cluster;
    private boolean done;

    Getopt(List<String> args, String optstring, List<LongOption> longs, List<LongOption> extensions) {
        this.args = args;
        this.optstring = optstring;
        this.longs = longs;
        this.extensions = extensions;
    }

    /** The next option, or null at the end of the options. */
    Opt next() throws UsageError {
        if (cluster > 0) {
            return shortOption();
        }
        if (done || index >= args.size()) {
            done = true;
            return null;
        }
        String a = args.get(index);
        if (a.equals("--")) {
            index++;
            done = true;
            return null;
        }
        if (!a.startsWith("-") || a.length() == 1) {
            done = true;
            return null;
        }
        if (a.startsWith("--")) {
            index++;
            return longOption(a.substring(2));
        }
        cluster = 1;
        return shortOption();
    }

    /** The operands: what follows the options (the command and its arguments). */
    List<String> rest() {
        return List.copyOf(args.subList(index, args.size()));
    }

    private Opt shortOption() throws UsageError {
        String a = args.get(index);
        char c = a.charAt(cluster++);
        boolean last = cluster >= a.length();
        if (last) {
            cluster = 0;
            index++;
        }
        int at = c == ':' || c == '+' ? -1 : optstring.indexOf(c);
        if (at < 0) {
            throw new UsageError("invalid option -- '" + c + "'", true);
        }
        if (at + 1 >= optstring.length() || optstring.charAt(at + 1) != ':') {
            return new Opt(String.valueOf(c), null, null);
        }
        String value;
        if (!last) {
            value = a.substring(cluster);
            cluster = 0;
            index++;
        } else if (index < args.size()) {
            value = args.get(index++);
        } else {
            throw new UsageError("option requires an argument -- '" + c + "'", true);
        }
        return new Opt(String.valueOf(c), value, null);
    }

    private Opt longOption(String body) throws UsageError {
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        LongOption found = find(name, body, longs);
        if (found == null) {
            found = find(name, body, extensions);
        }
        if (found == null) {
            throw new UsageError("unrecognized option '--" + body + "'", true);
        }
        String value = eq < 0 ? null : body.substring(eq + 1);
        if (value != null && found.hasArg == 0) {
            throw new UsageError("option '--" + found.name + "' doesn't allow an argument", true);
        }
        if (value == null && found.hasArg == 1) {
            if (index >= args.size()) {
                throw new UsageError("option '--" + found.name + "' requires an argument", true);
            }
            value = args.get(index++);
        }
        return new Opt(found.key, value, found.name);
    }

    /** An exact match, else the only prefix match (options alike in argument and key count as one). */
    private static LongOption find(String name, String body, List<LongOption> options) throws UsageError {
        for (LongOption l : options) {
            if (l.name.equals(name)) {
                return l;
            }
        }
        LongOption first = null;
        List<LongOption> ambiguous = new ArrayList<>();
        for (LongOption l : options) {
            if (!l.name.startsWith(name)) {
                continue;
            }
            if (first == null) {
                first = l;
                ambiguous.add(l);
            } else if (first.hasArg != l.hasArg || !first.key.equals(l.key)) {
                ambiguous.add(l);
            }
        }
        if (ambiguous.size() > 1) {
            StringBuilder sb = new StringBuilder("option '--" + body + "' is ambiguous; possibilities:");
            ambiguous.forEach(l -> sb.append(" '--").append(l.name).append('\''));
            throw new UsageError(sb.toString(), true);
        }
        return first;
    }
}

package io.jstrace.cli;

import io.jstrace.linux.Spawn;
import io.jstrace.linux.Sys;
import io.jstrace.linux.Waiter;
import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** What a started command inherits from jstrace's own start, as strace passes it on. */
final class Launch {
    private Launch() {}

    /**
     * What jstrace itself inherited, recorded by bin/jstrace before the JVM started (the JVM
     * opens descriptors and installs signal handlers of its own). Without it: stdio only.
     */
    static Spawn.Inheritance inheritance(List<String> envChanges) {
        Set<Integer> fds = new HashSet<>(Set.of(0, 1, 2));
        String list = System.getProperty("jstrace.fds");
        if (list != null) {
            fds.clear();
            for (String s : list.split(",")) {
                if (!s.isBlank()) {
                    fds.add(Integer.parseInt(s.trim()));
                }
            }
        }
        List<byte[]> env = environment();
        if (!envChanges.isEmpty()) {
            byte[] own = env == null ? read("/proc/self/environ") : null;
            env = changed(env != null ? env : own != null ? split(own) : List.of(), envChanges);
        }
        return new Spawn.Inheritance(Set.copyOf(fds), ignored(), hex("jstrace.sigblk"), env);
    }

    /**
     * -E as strace applies it: VAR=VAL replaces the first VAR (or is added at the end), VAR
     * alone removes every VAR.
     */
    private static List<byte[]> changed(List<byte[]> env, List<String> changes) {
        List<byte[]> out = new ArrayList<>(env);
        for (String change : changes) {
            int eq = change.indexOf('=');
            byte[] key = change.substring(0, eq < 0 ? change.length() : eq).getBytes(StandardCharsets.ISO_8859_1);
            if (eq < 0) {
                out.removeIf(e -> named(e, key));
                continue;
            }
            byte[] entry = change.getBytes(StandardCharsets.ISO_8859_1);
            int at = 0;
            while (at < out.size() && !named(out.get(at), key)) {
                at++;
            }
            if (at < out.size()) {
                out.set(at, entry);
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    /** Whether {@code entry} is {@code KEY=...} or just {@code KEY}. */
    private static boolean named(byte[] entry, byte[] key) {
        return entry.length >= key.length && Arrays.equals(entry, 0, key.length, key, 0, key.length)
                && (entry.length == key.length || entry[key.length] == '=');
    }

    /**
     * The environment entries bin/jstrace wrote, NUL-separated, to the pipe named by jstrace.envfd.
     * Its writer (pid jstrace.envpid), a child of jstrace's, is reaped once it is read: as a PID
     * namespace's init the tracer waits for any child, and would take it for an unknown one.
     */
    private static List<byte[]> environment() {
        String fd = System.getProperty("jstrace.envfd");
        if (fd == null || fd.isBlank()) {
            return null;
        }
        byte[] all = read("/proc/self/fd/" + fd.trim());
        String writer = System.getProperty("jstrace.envpid", "");
        if (writer.matches("[1-9][0-9]*")) {
            new Waiter().wait(Integer.parseInt(writer), Sys.WALL, false);
        }
        return all == null ? null : split(all);
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            return null;
        }
    }

    /** NUL-terminated entries. */
    private static List<byte[]> split(byte[] all) {
        List<byte[]> env = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                env.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        return env;
    }

    /** The signals named in jstrace.sigign (e.g. {@code HUP,USR1}) as a mask, bit n-1 for signal n. */
    private static long ignored() {
        long mask = 0;
        String names = System.getProperty("jstrace.sigign", "");
        for (String n : names.split(",")) {
            long sig = n.isBlank() ? -1 : signal(n.trim());
            if (sig > 0 && sig <= 64) {
                mask |= 1L << (sig - 1);
            }
        }
        return mask;
    }

    /** A signal as bash names it: HUP, USR1, or glibc's RTMIN+n / RTMAX-n (RTMIN is 34 in glibc). */
    private static long signal(String name) {
        java.util.regex.Matcher rt = java.util.regex.Pattern.compile("RT(MIN|MAX)(?:([+-])(\\d+))?").matcher(name);
        if (rt.matches()) {
            long base = rt.group(1).equals("MIN") ? 34 : 64;
            long offset = rt.group(3) == null ? 0 : Long.parseLong(rt.group(3));
            return rt.group(2) == null ? base : rt.group(2).equals("+") ? base + offset : base - offset;
        }
        return Xlat.of("signals").value("SIG" + name).orElse(-1);
    }

    private static long hex(String property) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? 0 : Long.parseUnsignedLong(v.trim(), 16);
    }
}

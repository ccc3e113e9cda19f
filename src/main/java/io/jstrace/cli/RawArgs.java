package io.jstrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The program's arguments as the bytes it was given. The JVM decodes argv with the locale's
 * charset (under LANG=C any non-ASCII byte becomes '?'); the tracee must get the exact bytes, so
 * they are re-read from /proc/self/cmdline, one byte per char (ISO-8859-1).
 */
final class RawArgs {
    private RawArgs() {}

    /** The whole command line of the JVM, or null without /proc. */
    private static List<String> cmdline() {
        try {
            byte[] all = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> parts = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == 0) {
                    parts.add(new String(all, start, i - start, StandardCharsets.ISO_8859_1));
                    start = i + 1;
                }
            }
            return parts;
        } catch (IOException e) {
            return null;
        }
    }

    static List<String> of(String[] args) {
        List<String> parts = cmdline();
        if (parts != null && parts.size() >= args.length) {
            return parts.subList(parts.size() - args.length, parts.size());
        }
        return List.of(args); // no /proc: the decoded arguments are the best there is
    }
}

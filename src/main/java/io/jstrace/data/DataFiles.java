package io.jstrace.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's data files (syscall table, constants, layouts, ...), read from the class path
 * one way. A missing file is a build defect, not a user's error: it throws.
 */
public final class DataFiles {
    private DataFiles() {}

    /** The whole text of resource {@code name}, relative to {@code anchor}'s package unless it starts with '/'. */
    public static String text(Class<?> anchor, String name, Charset charset) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + anchor.getName());
            }
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of a UTF-8 resource, stripped, without blank lines and {@code #} comments. */
    public static List<String> lines(Class<?> anchor, String name) {
        List<String> out = new ArrayList<>();
        for (String line : text(anchor, name, StandardCharsets.UTF_8).split("\n")) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }
}

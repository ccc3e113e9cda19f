package io.jstrace.decode;

import io.jstrace.data.DataFiles;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A C struct's layout, from its data file {@code layouts/NAME.layout}: its size and each field's
 * offset and size, as a C program compiled in a test prints them with {@code sizeof} and
 * {@code offsetof} (LayoutHeadersTest). Decoders keep the fields they read as constants and read
 * them with {@link Bytes#u(Field)} and {@link Bytes#s(Field)}, so no offset is a bare number.
 *
 * <p>File format: {@code #} comments; {@code c TYPE} (the C type, such as {@code struct stat}),
 * {@code include HEADER} lines (what the test includes to know it), {@code size N}, then one
 * {@code FIELD OFFSET SIZE} line per field ({@code st_atim.tv_sec} for a nested member, the
 * whole array's size for an array).
 */
public final class Layout {
    /** One field: where it starts and how many bytes it has. */
    public record Field(String name, int offset, int size) {}

    private final String name;
    private final int size;
    private final Map<String, Field> fields;

    private Layout(String name, int size, Map<String, Field> fields) {
        this.name = name;
        this.size = size;
        this.fields = fields;
    }

    /** The layout of {@code layouts/NAME.layout}; a missing or malformed file is a build defect. */
    public static Layout of(String name) {
        return parse(name, DataFiles.text(Layout.class, "layouts/" + name + ".layout", StandardCharsets.UTF_8));
    }

    static Layout parse(String name, String text) {
        int size = -1;
        Map<String, Field> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#") || isTypeLine(line) || line.startsWith("include ")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f[0].equals("size") && f.length == 2) {
                size = Integer.parseInt(f[1]);
            } else if (f.length == 3) {
                fields.put(f[0], new Field(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
            } else {
                throw new IllegalStateException(name + ".layout: bad line: " + line);
            }
        }
        if (size < 0) {
            throw new IllegalStateException(name + ".layout: no size");
        }
        return new Layout(name, size, Map.copyOf(fields));
    }

    /** The {@code c TYPE} line; {@code c 0 16} is a member named c (v4l2_crop's). */
    public static boolean isTypeLine(String line) {
        return line.startsWith("c ") && !line.matches("c \\d+ \\d+");
    }

    public int size() {
        return size;
    }

    /** The field {@code name}; one the file does not list is a build defect. */
    public Field field(String field) {
        Field f = fields.get(field);
        if (f == null) {
            throw new IllegalStateException(name + ".layout has no field " + field);
        }
        return f;
    }
}

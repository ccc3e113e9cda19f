package io.jstrace.decode.netlink;

import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The netlink tables, from the data files {@code netlink/*.nl}: which decoder each attribute
 * type of each list has ({@code attrs}), how each struct's fields print ({@code struct}), and
 * facts about message types (any other directive, kept as token lines for the protocol's class).
 *
 * <p>Format: {@code #} comments. A block starts with {@code attrs NAME XLAT DFLT} (XLAT the
 * table of type names, {@code -} for none; DFLT the placeholder of unnamed types) and has
 * indented {@code TYPE DECODER ARGS...} lines, TYPE a name of XLAT or {@code *} for every
 * type; or with {@code struct NAME [LAYOUT]} and indented {@code FIELD PRINTER ARGS...} lines
 * (the layout file defaults to NAME). An unindented line that starts no block is a directive.
 * Decoders and printers are listed in {@link AttrDecoders} and {@link StructSpec}.
 */
final class NlSpec {
    private NlSpec() {}

    private static final List<String> FILES = List.of("core", "route", "link", "diag", "netfilter", "crypto");

    private record Block(String kind, String[] head, List<String[]> lines) {}

    private static final Map<String, Block> ATTRS = new HashMap<>();
    private static final Map<String, Block> STRUCTS = new HashMap<>();
    private static final Map<String, List<String[]>> DIRECTIVES = new HashMap<>();
    private static final Map<String, AttrTable> TABLES = new HashMap<>();
    private static final Map<String, StructSpec> STRUCT_SPECS = new HashMap<>();

    static {
        for (String f : FILES) {
            parse(f, read(f + ".nl"));
        }
    }

    private static String read(String resource) {
        try (InputStream in = NlSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void parse(String file, String text) {
        Block current = null;
        int lineNo = 0;
        for (String raw : text.split("\n")) {
            lineNo++;
            String line = raw.strip();
            int hash = line.indexOf(" #");
            if (hash >= 0) {
                line = line.substring(0, hash).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] t = line.split("\\s+");
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented) {
                if (current == null) {
                    throw new IllegalStateException(file + ".nl:" + lineNo + ": indented line outside a block");
                }
                current.lines().add(t);
                continue;
            }
            switch (t[0]) {
                case "attrs", "struct" -> {
                    current = new Block(t[0], t, new ArrayList<>());
                    Map<String, Block> into = t[0].equals("attrs") ? ATTRS : STRUCTS;
                    if (into.put(t[1], current) != null) {
                        throw new IllegalStateException(file + ".nl:" + lineNo + ": " + t[1] + " defined twice");
                    }
                }
                default -> {
                    current = null;
                    DIRECTIVES.computeIfAbsent(t[0], k -> new ArrayList<>()).add(Arrays.copyOfRange(t, 1, t.length));
                }
            }
        }
    }

    /** The attribute list {@code name}; an unknown name is a defect of the data files. */
    static synchronized AttrTable attrs(String name) {
        AttrTable t = TABLES.get(name);
        if (t != null) {
            return t;
        }
        Block b = ATTRS.get(name);
        if (b == null) {
            throw new IllegalStateException("no netlink attrs " + name);
        }
        String xlat = dash(b.head()[2]);
        String dflt = dash(b.head()[3]);
        Map<Integer, AttrDecoder> decoders = new LinkedHashMap<>();
        AttrDecoder all = null;
        for (String[] l : b.lines()) {
            AttrDecoder d = AttrDecoders.of(Arrays.copyOfRange(l, 1, l.length), name);
            if (l[0].equals("*")) {
                all = d;
            } else {
                decoders.put((int) constant(xlat, l[0], name), d);
            }
        }
        t = new AttrTable(name, xlat, dflt, Map.copyOf(decoders), all);
        TABLES.put(name, t);
        return t;
    }

    /** The struct printer {@code name}. */
    static synchronized StructSpec struct(String name) {
        StructSpec s = STRUCT_SPECS.get(name);
        if (s != null) {
            return s;
        }
        Block b = STRUCTS.get(name);
        if (b == null) {
            throw new IllegalStateException("no netlink struct " + name);
        }
        s = StructSpec.of(name, b.head().length > 2 ? b.head()[2] : name, b.lines());
        STRUCT_SPECS.put(name, s);
        return s;
    }

    /** The directive lines starting with {@code word}, without it, in file order. */
    static List<String[]> directives(String word) {
        return DIRECTIVES.getOrDefault(word, List.of());
    }

    /** The names of all attribute lists and structs (a test loads each). */
    static java.util.Set<String> attrNames() {
        return ATTRS.keySet();
    }

    static java.util.Set<String> structNames() {
        return STRUCTS.keySet();
    }

    /** A constant by its name in {@code table}, or a number. */
    static long constant(String table, String name, String where) {
        if (Character.isDigit(name.charAt(0))) {
            return Long.decode(name);
        }
        if (table != null) {
            var v = Xlat.of(table).value(name);
            if (v.isPresent()) {
                return v.getAsLong();
            }
        }
        throw new IllegalStateException(where + ": " + name + " is not in " + table);
    }

    static String dash(String s) {
        return s.equals("-") ? null : s;
    }
}

package io.jstrace.xlat;

import io.jstrace.data.DataFiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A table of named constants (strace's "xlat"), loaded from {@code /io/jstrace/xlat/<table>.xlat}.
 *
 * <p>Each data line is {@code NAME VALUE [description...]}; VALUE is decimal or {@code 0x} hex,
 * optionally negative. Lines starting with {@code #} and blank lines are ignored. Entry order is
 * file order, which is significant: {@link #name} returns the first entry with a value, and
 * {@link #flags} takes entries in file order, so composite values listed first win over their
 * parts exactly as in strace's {@code printflags}.
 *
 * <p>Instances are immutable and shared; this class never formats text.
 */
public final class Xlat {

    private static final String ROOT = "/io/jstrace/xlat/";
    /* Table names map to resource paths, so keep them to plain identifiers. */
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Map<String, Xlat> CACHE = new ConcurrentHashMap<>();

    private final String table;
    private final List<Entry> entries;
    private final Map<Long, Entry> firstByValue;
    private final Map<String, Long> valueByName;

    /** One constant; {@code description} is null when the line has none. */
    public record Entry(String name, long value, String description) {
        public Entry {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A flags decomposition: matched names in table order, and the bits no entry claimed. */
    public record Flags(List<String> names, long rest) {
        public Flags {
            names = List.copyOf(names);
        }
    }

    private Xlat(String table, List<Entry> entries) {
        this.table = table;
        this.entries = List.copyOf(entries);
        Map<Long, Entry> byValue = new HashMap<>();
        Map<String, Long> byName = new HashMap<>();
        for (Entry e : this.entries) {
            byValue.putIfAbsent(e.value(), e);
            byName.putIfAbsent(e.name(), e.value());
        }
        this.firstByValue = Map.copyOf(byValue);
        this.valueByName = Map.copyOf(byName);
    }

    /**
     * The table {@code table}, loaded on first use.
     *
     * @throws IllegalArgumentException if {@code table} is not a table's name
     * @throws IllegalStateException if the table's file is missing (a build defect)
     */
    public static Xlat of(String table) {
        Objects.requireNonNull(table, "table");
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("bad xlat table name: " + table);
        }
        // A failed load throws out of computeIfAbsent, so nothing is cached for it.
        return CACHE.computeIfAbsent(table, Xlat::load);
    }

    /** Name of the first entry with exactly this value, or null. */
    public String name(long value) {
        Entry e = firstByValue.get(value);
        return e == null ? null : e.name();
    }

    /** Value of the first entry with this name. */
    public OptionalLong value(String name) {
        Long v = valueByName.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Description column of the first entry with this value, or null. */
    public String description(long value) {
        Entry e = firstByValue.get(value);
        return e == null ? null : e.description();
    }

    /** All entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Decomposes {@code value} as strace's {@code printflags} does: walking entries in file order,
     * each non-zero entry whose bits are all still set is taken and its bits removed.
     */
    public Flags flags(long value) {
        List<String> names = new ArrayList<>();
        long rest = value;
        for (Entry e : entries) {
            long v = e.value();
            if (v != 0 && (rest & v) == v) {
                names.add(e.name());
                rest &= ~v;
            }
        }
        return new Flags(names, rest);
    }

    @Override
    public String toString() {
        return "Xlat[" + table + ", " + entries.size() + " entries]";
    }

    private static Xlat load(String table) {
        String path = ROOT + table + ".xlat";
        // indexOf over the whole text instead of a reader and a regex split: tables load while
        // tracing, in the interpreter (errno's 130 lines took 2-3 ms that way).
        String text = DataFiles.text(Xlat.class, path, StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (int pos = 0; pos < text.length(); ) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            String line = text.substring(pos, end).strip();
            pos = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = blank(line, 0);
            int valueStart = nonBlank(line, nameEnd);
            if (valueStart == line.length()) {
                throw new IllegalStateException(path + ":" + lineNo + ": missing value");
            }
            int valueEnd = blank(line, valueStart);
            String digits = line.substring(valueStart, valueEnd);
            long value;
            try {
                value = parseValue(digits);
            } catch (NumberFormatException ex) {
                throw new IllegalStateException(path + ":" + lineNo + ": bad value " + digits, ex);
            }
            int descStart = nonBlank(line, valueEnd);
            entries.add(new Entry(line.substring(0, nameEnd), value,
                    descStart == line.length() ? null : line.substring(descStart)));
        }
        return new Xlat(table, entries);
    }

    /** The index of the first blank at or after {@code from}, or the length. */
    private static int blank(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index of the first non-blank at or after {@code from}, or the length. */
    private static int nonBlank(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /* Decimal or 0x hex; hex is unsigned so 64-bit masks such as 0xffffffffffffffff fit. */
    private static long parseValue(String s) {
        boolean negative = s.startsWith("-");
        String digits = negative ? s.substring(1) : s;
        long v = digits.startsWith("0x") || digits.startsWith("0X")
                ? Long.parseUnsignedLong(digits.substring(2), 16)
                : Long.parseLong(digits);
        return negative ? -v : v;
    }
}

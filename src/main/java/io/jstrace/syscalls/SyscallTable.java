package io.jstrace.syscalls;

import io.jstrace.data.DataFiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The syscall table, loaded from a TSV resource: one row per syscall with every fact about it.
 *
 * <p>The table is data rather than code so that it can be diffed against strace's
 * syscallent.h and regenerated without touching Java. Format: one line per syscall,
 * {@code NUMBER<TAB>NAME<TAB>NARGS<TAB>CLASSES<TAB>FLAGS<TAB>SIGNATURE}, classes and flags
 * comma-separated or {@code -}, the signature space-separated kinds or {@code -}; lines
 * starting with {@code #} are comments (the file's head explains each column).
 */
public final class SyscallTable {
    /** Lazy holders: each resource is parsed once, on first use, thread-safely. */
    private static final class X86_64Holder {
        static final SyscallTable TABLE = load("x86_64.tsv");
    }

    private static final class OtherPersonalities {
        static final SyscallTable I386 = load("i386.tsv");
        static final SyscallTable X32 = load("x32.tsv");
    }

    private final List<Syscall> all;          // sorted by number
    private final Map<Integer, Syscall> byNumber;
    private final Map<String, Syscall> byName;

    private SyscallTable(List<Syscall> rows) {
        List<Syscall> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
        Map<Integer, Syscall> nums = new HashMap<>();
        Map<String, Syscall> names = new HashMap<>();
        for (Syscall s : sorted) {
            // Duplicates would make lookups ambiguous; the data file is wrong if this fires.
            if (nums.putIfAbsent(s.number(), s) != null) {
                throw new IllegalStateException("duplicate syscall number " + s.number());
            }
            // i386 has a name twice: a socketcall/ipc subcall and the direct call; the first number is its own.
            names.putIfAbsent(s.name(), s);
        }
        this.all = List.copyOf(sorted);
        this.byNumber = Map.copyOf(nums);
        this.byName = Map.copyOf(names);
    }

    /** The x86_64 (64-bit personality) table, as strace 6.1 knows it. */
    public static SyscallTable x86_64() {
        return X86_64Holder.TABLE;
    }

    /**
     * strace's other personalities of an x86_64 build: i386 and x32. jstrace traces 64-bit
     * processes; these only tell which names and numbers -e trace= accepts.
     */
    public static SyscallTable i386() {
        return OtherPersonalities.I386;
    }

    /** See {@link #i386()}; numbers are strace's indices, the kernel's less __X32_SYSCALL_BIT. */
    public static SyscallTable x32() {
        return OtherPersonalities.X32;
    }

    /** The syscall with this number, or null if strace has no entry for it. */
    public Syscall byNumber(int nr) {
        return byNumber.get(nr);
    }

    /** The number of {@code name}, which the table must have (code names the calls it needs). */
    public int number(String name) {
        Syscall s = byName.get(name);
        if (s == null) {
            throw new IllegalStateException("no syscall " + name + " in the table");
        }
        return s.number();
    }

    /** The syscall with this strace name (the lowest number if it has two), or null. */
    public Syscall byName(String name) {
        return byName.get(name);
    }

    /** Every syscall, ordered by number. */
    public List<Syscall> all() {
        return all;
    }

    /** Syscalls carrying the given class word (e.g. "file", "stat_like"), ordered by number. */
    public List<Syscall> inClass(String cls) {
        return all.stream().filter(s -> s.classes().contains(cls)).toList();
    }

    private static SyscallTable load(String resource) {
        return new SyscallTable(parse(DataFiles.text(SyscallTable.class, resource, StandardCharsets.UTF_8), resource));
    }

    static List<Syscall> parse(String text, String source) {
        // indexOf over the whole text instead of a reader and split(): this runs at every start-up,
        // in the interpreter, over some 360 lines.
        List<Syscall> rows = new ArrayList<>();
        Map<String, Set<String>> classSets = new HashMap<>();
        Map<String, Set<Syscall.Flag>> flagSets = new HashMap<>();
        int lineNo = 0;
        for (int pos = 0; pos < text.length(); ) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            lineNo++;
            if (end > pos && text.charAt(pos) != '#') {
                int t1 = text.indexOf('\t', pos);
                int t2 = text.indexOf('\t', t1 + 1);
                int t3 = text.indexOf('\t', t2 + 1);
                int t4 = text.indexOf('\t', t3 + 1);
                int t5 = text.indexOf('\t', t4 + 1);
                int t6 = text.indexOf('\t', t5 + 1);
                if (t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0 || t5 < 0 || t5 > end || t6 >= 0 && t6 < end) {
                    throw new IllegalStateException(source + ":" + lineNo + ": expected 6 tab-separated fields");
                }
                Set<String> classes = classSets.computeIfAbsent(text.substring(t3 + 1, t4),
                        c -> c.equals("-") ? Set.of() : Set.of(c.split(",")));
                Set<Syscall.Flag> flags = flagSets.computeIfAbsent(text.substring(t4 + 1, t5), f -> flags(f, source));
                String signature = text.substring(t5 + 1, end);
                try {
                    rows.add(new Syscall(Integer.parseInt(text, pos, t1, 10), text.substring(t1 + 1, t2),
                            Integer.parseInt(text, t2 + 1, t3, 10), classes, flags, signature.equals("-") ? null : signature));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(source + ":" + lineNo + ": bad number", e);
                }
            }
            pos = end + 1;
        }
        return rows;
    }

    private static Set<Syscall.Flag> flags(String column, String source) {
        if (column.equals("-")) {
            return Set.of();
        }
        Set<Syscall.Flag> out = EnumSet.noneOf(Syscall.Flag.class);
        for (String f : column.split(",")) {
            try {
                out.add(Syscall.Flag.valueOf(f.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + ": unknown flag " + f, e);
            }
        }
        return out;
    }
}

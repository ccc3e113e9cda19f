package io.jstrace.syscalls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Syscall number/name/argument-count/class table, loaded from a TSV resource.
 *
 * <p>The table is data rather than code so that it can be diffed against strace's
 * syscallent.h and regenerated without touching Java. Format: one line per syscall,
 * {@code NUMBER<TAB>NAME<TAB>NARGS<TAB>CLASSES}, classes comma-separated or {@code -};
 * lines starting with {@code #} are comments.
 */
public final class SyscallTable {
    private static final String X86_64_RESOURCE = "x86_64.tsv";

    /** Lazy holder: the resource is parsed once, on first use, thread-safely. */
    private static final class X86_64Holder {
        static final SyscallTable TABLE = load(X86_64_RESOURCE);
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
            if (names.putIfAbsent(s.name(), s) != null) {
                throw new IllegalStateException("duplicate syscall name " + s.name());
            }
        }
        this.all = List.copyOf(sorted);
        this.byNumber = Map.copyOf(nums);
        this.byName = Map.copyOf(names);
    }

    /** The x86_64 (64-bit personality) table, as strace 6.1 knows it. */
    public static SyscallTable x86_64() {
        return X86_64Holder.TABLE;
    }

    /** The syscall with this number, or null if strace has no entry for it. */
    public Syscall byNumber(int nr) {
        return byNumber.get(nr);
    }

    /** The syscall with this strace name, or null. */
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
        try (InputStream in = SyscallTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new SyscallTable(parse(in, resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Syscall> parse(InputStream in, String source) throws IOException {
        List<Syscall> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalStateException(source + ":" + lineNo + ": expected 4 tab-separated fields");
            }
            try {
                Set<String> classes = f[3].equals("-")
                        ? Collections.emptySet()
                        : Set.copyOf(Arrays.asList(f[3].split(",")));
                rows.add(new Syscall(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), classes));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(source + ":" + lineNo + ": bad number", e);
            }
        }
        return rows;
    }
}

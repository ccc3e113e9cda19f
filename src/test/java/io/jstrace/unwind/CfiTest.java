package io.jstrace.unwind;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CFI interpreter against binutils: for every FDE of real files, every row that
 * {@code readelf --debug-dump=frames-interp} prints must be the row {@link Cfi} computes, at the
 * row's first address and at its last.
 */
class CfiTest {
    private static final List<String> NAMES = List.of("rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "ra");
    private static final Pattern FDE = Pattern.compile("^\\S+ \\S+ \\S+ FDE cie=\\S+ pc=([0-9a-f]+)\\.\\.([0-9a-f]+)$");
    private static final Pattern ROW = Pattern.compile("^([0-9a-f]{16}) (.*)$");
    /** A cell: "r3 (rbx)" (DW_CFA_register) has a space in it. */
    private static final Pattern CELL = Pattern.compile("r\\d+ \\(\\w+\\)|\\S+");

    private record Expected(long start, long end, long loc, long until, List<String> columns, List<String> cells) {}

    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "/usr/bin/bash"})
    void rowsAreReadelfRows(String file) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of(file)), file + " is not on this machine");
        List<Expected> rows = readelf(file);
        assertTrue(rows.size() > 500, "readelf printed too few rows: " + rows.size());
        ElfFile elf = ElfFile.open(Path.of(file));
        EhFrame eh = elf.ehFrame();
        assertNotNull(eh);
        for (Expected e : rows) {
            for (long pc : new long[] {e.loc(), e.until() - 1}) {
                EhFrame.Fde fde = eh.find(pc);
                assertNotNull(fde, () -> "no FDE for 0x" + Long.toHexString(pc));
                assertEquals(e.start(), fde.start(), "FDE start");
                assertEquals(e.end(), fde.end(), "FDE end");
                Row row = Cfi.rowAt(elf.bytes(), fde, pc, Registers.COUNT);
                for (int i = 0; i < e.columns().size(); i++) {
                    String col = e.columns().get(i);
                    String want = e.cells().get(i);
                    String got = col.equals("CFA") ? cfa(row) : rule(row.rule(NAMES.indexOf(col)), want);
                    assertEquals(want, got, () -> file + " 0x" + Long.toHexString(pc) + " column " + col);
                }
            }
        }
    }

    private static String cfa(Row row) {
        if (row.cfaExpr != null) {
            return "exp";
        }
        return NAMES.get(row.cfaRegister) + (row.cfaOffset >= 0 ? "+" : "") + row.cfaOffset;
    }

    /** readelf's notation; it prints "u" both for undefined and for a register no rule has touched. */
    private static String rule(Rule r, String want) {
        return switch (r) {
            case Rule.Undefined u -> "u";
            case Rule.Same s -> want.equals("s") ? "s" : "u";
            case Rule.Offset o -> "c" + (o.offset() >= 0 ? "+" : "") + o.offset();
            case Rule.ValOffset o -> "v" + (o.offset() >= 0 ? "+" : "") + o.offset();
            case Rule.Register o -> "r" + o.register() + " (" + NAMES.get(o.register()) + ")";
            case Rule.Expression e -> "exp";
            case Rule.ValExpression e -> "vexp";
        };
    }

    /** Parses readelf's table: each row with the address range it covers and its FDE's range. */
    private static List<Expected> readelf(String file) throws Exception {
        Process p = new ProcessBuilder("readelf", "--debug-dump=frames-interp", file)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        p.waitFor(); // readelf exits 1 when a file's separate debug info is missing, after printing the table
        List<Expected> out = new ArrayList<>();
        long start = -1, end = -1;
        List<String> columns = null;
        List<long[]> pending = new ArrayList<>();
        List<List<String>> pendingCells = new ArrayList<>();
        for (String l : lines) {
            Matcher f = FDE.matcher(l);
            if (f.matches() || l.isBlank()) {
                flush(out, start, end, columns, pending, pendingCells);
                if (f.matches()) {
                    start = Long.parseLong(f.group(1), 16);
                    end = Long.parseLong(f.group(2), 16);
                } else {
                    start = -1;
                }
                columns = null;
                continue;
            }
            if (start < 0) {
                continue;
            }
            if (l.trim().startsWith("LOC")) {
                columns = new ArrayList<>(List.of(l.trim().split(" +")));
                columns.remove(0);
                continue;
            }
            Matcher row = ROW.matcher(l);
            if (columns != null && row.matches()) {
                List<String> cells = new ArrayList<>();
                Matcher c = CELL.matcher(row.group(2));
                while (c.find()) {
                    cells.add(c.group());
                }
                pending.add(new long[] {Long.parseLong(row.group(1), 16)});
                pendingCells.add(cells);
            }
        }
        flush(out, start, end, columns, pending, pendingCells);
        return out;
    }

    private static void flush(List<Expected> out, long start, long end, List<String> columns, List<long[]> locs,
                              List<List<String>> cells) {
        for (int i = 0; i < locs.size(); i++) {
            long loc = locs.get(i)[0];
            long until = i + 1 < locs.size() ? locs.get(i + 1)[0] : end;
            // Columns past the general registers (vector registers) are not tracked by the unwinder.
            List<String> cols = new ArrayList<>();
            List<String> vals = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                if (columns.get(j).equals("CFA") || NAMES.contains(columns.get(j))) {
                    cols.add(columns.get(j));
                    vals.add(cells.get(i).get(j));
                }
            }
            if (until > loc) {
                out.add(new Expected(start, end, loc, until, cols, vals));
            }
        }
        locs.clear();
        cells.clear();
    }
}

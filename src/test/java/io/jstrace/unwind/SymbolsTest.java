package io.jstrace.unwind;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Symbol lookup against the symbols {@code readelf -sW} lists: the nearest FUNC symbol at or
 * below an address, the first listed winning a tie (libunwind's rule, which strace prints).
 */
class SymbolsTest {
    private static final Pattern SYM = Pattern.compile(
            "^\\s*\\d+: ([0-9a-f]+)\\s+\\S+ (\\w+)\\s+\\w+\\s+\\w+\\s+(\\w+) ?(\\S*).*$");

    @TempDir
    Path tmp;

    private record Sym(long value, String name) {}

    @ParameterizedTest
    @ValueSource(strings = {"/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            "/usr/bin/bash"})
    void nearestFunctionAsReadelfListsThem(String file) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(Path.of(file)), file + " is not on this machine");
        checkAgainstReadelf(Path.of(file));
    }

    /** A program with a .symtab: local (static) functions are found too. */
    @Test
    void staticFunctionsOfAProgramWithSymtab() throws Exception {
        Path exe = tmp.resolve("stack");
        Process gcc = new ProcessBuilder("gcc", "-O1", "-o", exe.toString(),
                Path.of("src/test/c/stack.c").toAbsolutePath().toString()).inheritIO().start();
        assertEquals(0, gcc.waitFor(), "gcc failed");
        List<Sym> syms = readelf(exe);
        Sym leaf = syms.stream().filter(s -> s.name().equals("leaf")).findFirst().orElseThrow();
        Symbols.Hit hit = ElfFile.open(exe).symbols().lookup(leaf.value() + 3);
        assertNotNull(hit);
        assertEquals("leaf", hit.name());
        assertEquals(3, hit.offset());
        checkAgainstReadelf(exe);
    }

    private static void checkAgainstReadelf(Path file) throws Exception {
        List<Sym> syms = readelf(file);
        assertTrue(syms.size() > 5, "readelf listed too few functions");
        ElfFile elf = ElfFile.open(file);
        Symbols symbols = elf.symbols();
        Random random = new Random(42);
        List<Long> probes = new ArrayList<>();
        for (Sym s : syms) {
            probes.add(s.value());
            probes.add(s.value() + 1 + random.nextInt(64));
            probes.add(s.value() - 1);
        }
        for (int i = 0; i < 1000; i++) {
            probes.add((long) random.nextInt((int) elf.size()));
        }
        probes.add(elf.size() * 3);
        for (long addr : probes) {
            Sym want = nearest(syms, addr, elf.size());
            Symbols.Hit got = symbols.lookup(addr);
            String where = file + " 0x" + Long.toHexString(addr);
            if (want == null) {
                assertEquals(null, got, where);
            } else {
                assertNotNull(got, where);
                assertEquals(want.name(), got.name(), where);
                assertEquals(addr - want.value(), got.offset(), where);
            }
        }
    }

    /** The rule, by brute force over readelf's list in its order. */
    private static Sym nearest(List<Sym> syms, long addr, long fileSize) {
        Sym best = null;
        long min = -1; // unsigned maximum
        for (Sym s : syms) {
            long d = addr - s.value();
            if (Long.compareUnsigned(d, min) < 0) {
                min = d;
                best = s;
            }
        }
        return best != null && Long.compareUnsigned(min, fileSize) < 0 ? best : null;
    }

    /** FUNC symbols that are defined, from every symbol table in section order, names without versions. */
    private static List<Sym> readelf(Path file) throws Exception {
        Process p = new ProcessBuilder("readelf", "-sW", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Sym> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                Matcher m = SYM.matcher(l);
                if (m.matches() && m.group(2).equals("FUNC") && !m.group(3).equals("UND")) {
                    String name = m.group(4);
                    int at = name.indexOf('@');
                    out.add(new Sym(Long.parseUnsignedLong(m.group(1), 16), at < 0 ? name : name.substring(0, at)));
                }
            }
        }
        p.waitFor();
        return out;
    }
}

package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every layout file against the C headers installed here: a generated C program prints each
 * struct's sizeof and each listed field's offsetof and sizeof, which must equal the file's
 * numbers. Layouts that include the same headers share a program; different ones do not, since
 * glibc's and the kernel's headers define some structs twice.
 */
class LayoutHeadersTest {
    private static final Path LAYOUTS = Path.of("src/main/resources/io/jstrace/decode/layouts");
    private static final Path WORK = Path.of("target/layout-headers");

    private record Parsed(String name, String ctype, List<String> includes, List<String> lines) {}

    @Test
    void everyLayoutMatchesTheHeaders() throws Exception {
        Map<List<String>, List<Parsed>> byIncludes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(LAYOUTS)) {
            for (Path f : files.sorted().toList()) {
                Parsed p = parse(f);
                byIncludes.computeIfAbsent(p.includes(), k -> new ArrayList<>()).add(p);
            }
        }
        assertFalse(byIncludes.isEmpty());
        Files.createDirectories(WORK);
        int program = 0;
        for (Map.Entry<List<String>, List<Parsed>> group : byIncludes.entrySet()) {
            StringBuilder c = new StringBuilder("#define _GNU_SOURCE\n#include <stdio.h>\n#include <stddef.h>\n");
            group.getKey().forEach(h -> c.append("#include <").append(h).append(">\n"));
            c.append("int main(void) {\n");
            List<String> expected = new ArrayList<>();
            for (Parsed p : group.getValue()) {
                for (String line : p.lines()) {
                    String[] f = line.split("\\s+");
                    expected.add(p.name() + " " + line.replaceAll("\\s+", " "));
                    if (f[0].equals("size") && f.length == 2) { // not a member named size
                        c.append("    printf(\"%s size %zu\\n\", \"").append(p.name()).append("\", sizeof(").append(p.ctype()).append("));\n");
                    } else {
                        c.append("    printf(\"%s %s %zu %zu\\n\", \"").append(p.name()).append("\", \"").append(f[0])
                                .append("\", offsetof(").append(p.ctype()).append(", ").append(f[0]).append("), sizeof(((")
                                .append(p.ctype()).append(" *) 0)->").append(f[0]).append("));\n");
                    }
                }
            }
            c.append("    return 0;\n}\n");
            Path src = WORK.resolve("layouts" + program + ".c");
            Path exe = WORK.resolve("layouts" + program++);
            Files.writeString(src, c);
            // -I.: a struct no installed header declares is described by a header under src/test/resources
            run(List.of("gcc", "-I.", "-o", exe.toString(), src.toString()));
            assertEquals(String.join("\n", expected), run(List.of(exe.toString())).strip(), "layouts including " + group.getKey());
        }
    }

    private static Parsed parse(Path f) throws IOException {
        String name = f.getFileName().toString().replaceFirst("\\.layout$", "");
        String ctype = null;
        List<String> includes = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (Layout.isTypeLine(line)) {
                ctype = line.substring(2).strip();
            } else if (line.startsWith("include ")) {
                includes.add(line.substring(8).strip());
            } else {
                lines.add(line);
            }
        }
        assertFalse(ctype == null || lines.isEmpty(), f + ": needs a 'c TYPE' line, a size and fields");
        Layout.parse(name, String.join("\n", lines)); // the runtime reads it too
        return new Parsed(name, ctype, List.copyOf(includes), lines);
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}

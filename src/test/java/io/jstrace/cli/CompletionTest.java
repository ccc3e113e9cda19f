package io.jstrace.cli;

import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * completion/jstrace.bash, sourced in bash: it registers itself for jstrace, offers every option
 * the parser accepts (and none it does not), and completes values: trace classes, the syscall
 * table's names, signals, -X and -e keywords, inject fields, the command. Each completion is
 * driven as bash drives it: COMP_WORDS split at blanks and at COMP_WORDBREAKS' = and :, COMP_CWORD,
 * COMP_LINE and COMP_POINT, then the function registered for jstrace; COMPREPLY is the answer.
 */
class CompletionTest {
    private static final Path SCRIPT = Path.of("completion/jstrace.bash");

    @BeforeAll
    static void needsBash() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    }

    /** COMP_WORDS for {@code line} as bash splits it: at blanks, and = and : as words of their own. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (char c : line.toCharArray()) {
            if (c == ' ' || c == '=' || c == ':') {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
                if (c != ' ') {
                    out.add(String.valueOf(c));
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty() || line.endsWith(" ")) {
            out.add(w.toString());
        }
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** The completions bash would offer for each line (the cursor at its end), in order. */
    static Map<String, List<String>> complete(String... lines) throws Exception {
        StringBuilder script = new StringBuilder("source " + SCRIPT + " || exit 3\n");
        script.append("f=$(complete -p jstrace | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')\n");
        for (String line : lines) {
            List<String> w = words(line);
            script.append("COMP_LINE=").append(quote(line)).append("; COMP_POINT=").append(line.length())
                    .append("; COMP_WORDS=(").append(w.stream().map(CompletionTest::quote).collect(Collectors.joining(" ")))
                    .append("); COMP_CWORD=").append(w.size() - 1).append("; COMPREPLY=(); \"$f\" jstrace")
                    .append(" ").append(quote(w.getLast())).append(" ").append(quote(w.size() > 1 ? w.get(w.size() - 2) : ""))
                    .append("; echo \"@@${#COMPREPLY[@]}\"; printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        }
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, List<String>> result = new LinkedHashMap<>();
        String[] parts = out.split("@@", -1);
        assertEquals(lines.length + 1, parts.length, out);
        for (int i = 0; i < lines.length; i++) {
            List<String> l = new ArrayList<>(Arrays.asList(parts[i + 1].split("\n")));
            int n = Integer.parseInt(l.removeFirst());
            result.put(lines[i], List.copyOf(l.subList(0, n)));
        }
        return result;
    }

    @Test
    void registersForJstrace() throws Exception {
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", "source " + SCRIPT + " && complete -p jstrace")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.startsWith("complete ") && out.contains(" -F _jstrace") && out.endsWith(" jstrace"), out);
    }

    @Test
    void offersEveryOptionTheParserAcceptsAndNoOther() throws Exception {
        Map<String, List<String>> c = complete("jstrace -", "jstrace --");
        Set<String> offered = new TreeSet<>();
        c.values().forEach(l -> l.forEach(o -> offered.add(o.endsWith("=") ? o.substring(0, o.length() - 1) : o)));
        List<String> accepted = CommandLine.spellings();
        assertEquals(List.of(), accepted.stream().filter(o -> !offered.contains(o)).toList(),
                "options the parser accepts that completion/jstrace.bash does not offer");
        assertEquals(List.of(), offered.stream().filter(o -> !accepted.contains(o)).toList(),
                "options completion/jstrace.bash offers that the parser does not accept");
    }

    @Test
    void completesOptionValues() throws Exception {
        Map<String, List<String>> c = complete(
                "jstrace --col", "jstrace --color=", "jstrace --color=a", "jstrace -X ", "jstrace --backend=",
                "jstrace -e tr", "jstrace -e trace=%fi", "jstrace -e trace=openat,clo", "jstrace -etrace=%ne",
                "jstrace -e signal=SIGTE", "jstrace -e status=f", "jstrace -e quiet=p",
                "jstrace -e inject=openat:er", "jstrace -e inject=openat:error=ENOE", "jstrace --fault=read:when=3:sig",
                "jstrace -S ca", "jstrace -U time-percent,ca", "jstrace -fo out.txt --json ech");
        assertEquals(List.of("--color", "--color=", "--colour", "--colour=", "--columns="), c.get("jstrace --col"));
        assertTrue(c.get("jstrace --color=").containsAll(List.of("always", "auto", "never")), c.toString());
        assertEquals(List.of("always", "auto"), c.get("jstrace --color=a"));
        assertEquals(List.of("raw", "abbrev", "verbose"), c.get("jstrace -X "));
        assertEquals(List.of("ptrace", "bpf"), c.get("jstrace --backend="));
        assertTrue(c.get("jstrace -e tr").contains("trace="), c.toString());
        assertEquals(List.of("%file"), c.get("jstrace -e trace=%fi"));
        assertTrue(c.get("jstrace -e trace=openat,clo").containsAll(List.of("openat,close", "openat,clone3")), c.toString());
        assertEquals(List.of("%net", "%network"), c.get("jstrace -etrace=%ne"));
        assertEquals(List.of("SIGTERM"), c.get("jstrace -e signal=SIGTE"));
        assertEquals(List.of("failed"), c.get("jstrace -e status=f"));
        assertEquals(List.of("path-resolution", "personality"), c.get("jstrace -e quiet=p"));
        assertEquals(List.of("error="), c.get("jstrace -e inject=openat:er"));
        assertEquals(List.of("ENOENT"), c.get("jstrace -e inject=openat:error=ENOE"));
        assertEquals(List.of("signal="), c.get("jstrace --fault=read:when=3:sig"));
        assertEquals(List.of("calls"), c.get("jstrace -S ca"));
        assertEquals(List.of("time-percent,calls"), c.get("jstrace -U time-percent,ca"));
        assertEquals(List.of("echo"), c.get("jstrace -fo out.txt --json ech"));
    }

    @Test
    void offersEverySyscallOfTheTable() throws Exception {
        Set<String> offered = new TreeSet<>(complete("jstrace -e trace=").get("jstrace -e trace="));
        List<String> missing = SyscallTable.x86_64().all().stream().map(Syscall::name).filter(n -> !offered.contains(n)).toList();
        assertEquals(List.of(), missing);
        assertTrue(offered.containsAll(List.of("%file", "%%stat", "all", "none")), offered.toString());
    }
}

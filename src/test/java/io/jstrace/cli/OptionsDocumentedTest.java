package io.jstrace.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every option the command line accepts, read from the parser's own tables, has an item in the
 * man page (docs/jstrace.1) and a mention in -h; the man page renders without warnings and
 * carries the version -V prints. A new option fails here, by name, until it is documented.
 * docs/differences.md's list of options refused as not supported yet is what the parser refuses.
 */
class OptionsDocumentedTest {
    private static final Path MAN = Path.of("docs/jstrace.1");
    private static final Path DIFFERENCES = Path.of("docs/differences.md");
    /** The parser's words for an option it knows but refuses (--secontext's as strace's without SELinux). */
    private static final Pattern REFUSAL = Pattern.compile("not supported (yet|by this build)");
    /** A value the parser takes for each refused option that requires one. */
    private static final Map<String, String> SAMPLE_VALUES = Map.of("--decode-pids", "comm");
    /** An option as a command line spells it: -f, -DDD, --follow-forks. */
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)");
    /** roff escapes in a tag line that are not text: fonts, spacing hints, continuation. */
    private static final Pattern ESCAPES = Pattern.compile("\\\\f[BIRP]|\\\\[,/:&{]|\\\\s[-+]?\\d");

    /** The options named in the man page's item tags (the line after each .TP or .TQ). */
    static Set<String> manPageItems() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(MAN, StandardCharsets.UTF_8);
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(".TP") || lines.get(i).startsWith(".TQ")) {
                String tag = ESCAPES.matcher(lines.get(i + 1)).replaceAll("").replace("\\-", "-").replace("\\ ", " ")
                        .replaceFirst("^\\.[A-Z]+ ", "").replace("\"", "");
                out.addAll(options(tag));
            }
        }
        return out;
    }

    static Set<String> options(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = OPTION.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyOptionHasAManPageItem() throws IOException {
        Set<String> items = manPageItems();
        List<String> missing = CommandLine.spellings().stream().filter(o -> !items.contains(o)).toList();
        assertEquals(List.of(), missing, "options the parser accepts without an item (.TP) in docs/jstrace.1: "
                + missing + "; describe them there, in strace 6.1's words where the option is strace's");
    }

    @Test
    void everyOptionIsInTheHelp() {
        Set<String> help = options(Help.TEXT);
        List<String> missing = CommandLine.spellings().stream().filter(o -> !help.contains(o)).toList();
        assertEquals(List.of(), missing, "options the parser accepts that -h (cli/Help) does not name: " + missing);
    }

    @Test
    void manPageCarriesTheVersion() throws IOException {
        String th = Files.readAllLines(MAN).stream().filter(l -> l.startsWith(".TH ")).findFirst().orElse("");
        assertTrue(th.contains("\"jstrace " + Help.VERSION + "\""), "docs/jstrace.1's .TH line names another version: " + th);
    }

    @Test
    void manPageRendersWithoutWarnings() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/groff")), "groff is not installed");
        assertEquals("", run(List.of("groff", "-man", "-ww", "-z", MAN.toString()), Map.of()));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man is not installed");
        assertEquals("", run(List.of("man", "-l", MAN.toString()), Map.of("MANWIDTH", "80", "MAN_KEEP_FORMATTING", "")));
    }

    /** The options docs/differences.md lists as refused: its paragraph on those jstrace does not take yet. */
    static Set<String> documentedRefusals() throws IOException {
        String page = Files.readString(DIFFERENCES);
        Matcher m = Pattern.compile("(?s)\n## strace options jstrace does not take yet\n(.*?)Accepted and without effect").matcher(page);
        assertTrue(m.find(), DIFFERENCES + " has no section 'strace options jstrace does not take yet'");
        Set<String> out = new LinkedHashSet<>();
        Matcher code = Pattern.compile("`([^`]*)`").matcher(m.group(1));
        while (code.find()) {
            out.addAll(options(code.group(1)));
        }
        return out;
    }

    /** The parser's refusal of {@code option} followed by a command, or null if it takes it. */
    private static String refusal(String option) {
        try {
            CommandLine.parse(List.of(option, "true"));
            return null;
        } catch (UsageError e) {
            return REFUSAL.matcher(e.getMessage()).find() ? e.getMessage() : null;
        }
    }

    private static boolean requiresValue(String option) {
        if (!option.startsWith("--")) {
            return CommandLine.SHORT.contains(option.charAt(1) + ":");
        }
        return Stream.concat(CommandLine.LONG.stream(), CommandLine.EXTENSIONS.stream())
                .anyMatch(o -> option.equals("--" + o.name()) && o.hasArg() == 1);
    }

    @Test
    void everyOptionDocumentedAsRefusedIsRefused() throws IOException {
        Set<String> listed = documentedRefusals();
        assertTrue(listed.contains("--secontext"), "no refused options found in " + DIFFERENCES + ": " + listed);
        List<String> taken = new ArrayList<>();
        for (String option : listed) {
            String spelled = option;
            if (requiresValue(option)) {
                assertTrue(SAMPLE_VALUES.containsKey(option), "no sample value for " + option + " in this test");
                spelled = option + "=" + SAMPLE_VALUES.get(option);
            }
            if (refusal(spelled) == null) {
                taken.add(option);
            }
        }
        assertEquals(List.of(), taken, "options " + DIFFERENCES + " lists as not taken yet that the parser takes");
    }

    /** Options with a required value are left out: a sample value would be needed for each. */
    @Test
    void everyOptionRefusedIsDocumentedAsRefused() throws IOException {
        Set<String> listed = documentedRefusals();
        List<String> missing = CommandLine.spellings().stream()
                .filter(o -> !requiresValue(o) && refusal(o) != null && !listed.contains(o)).toList();
        assertEquals(List.of(), missing, "options the parser refuses as not supported that " + DIFFERENCES
                + " does not list under 'strace options jstrace does not take yet'");
    }

    /** Runs argv, its output discarded; what it wrote on stderr. */
    private static String run(List<String> argv, Map<String, String> env) throws Exception {
        Path err = Files.createTempFile("man-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + argv);
            String text = Files.readString(err);
            assertEquals(0, p.exitValue(), argv + ": " + text);
            return text;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}

package io.jstrace.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TipsTest {
    private static String printed(Options.Tips tips) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Tips.print(tips, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyTipFitsItsBubble() {
        List<List<String>> all = Tips.all();
        assertTrue(all.size() >= 10, "tips: " + all.size());
        for (List<String> tip : all) {
            assertTrue(!tip.isEmpty() && tip.size() <= 13, tip.toString());
            tip.forEach(l -> assertTrue(l.length() <= 44, l));
        }
    }

    @Test
    void compactIsTheBubbleAndOneLineMore() {
        String[] lines = Tips.render(List.of("one", "two"), false).split("\n");
        // Top, the empty first line, at least six text lines (the tail's shape), bottom, one more.
        assertEquals(2 + 6 + 1 + 1, lines.length);
        assertEquals("  " + "_".repeat(46) + "    " + "         (  )  (", lines[0]);
        assertEquals(" /" + " ".repeat(46) + "\\   " + "          )  (  )", lines[1]);
        assertEquals(" | one" + " ".repeat(41) + " |   " + "         (  )  (", lines[2]);
        assertEquals(" |" + " ".repeat(45) + "  _\\ " + "       |  jstrace  |   |", lines[5]);
        assertEquals(" \\" + "_".repeat(46) + "/   " + "       \\           /", lines[8]);
        assertEquals(" ".repeat(52) + "        `---------'", lines[9]);
    }

    @Test
    void fullDrawsTheWholeDrawingAndLongLinesAreCut() {
        String[] lines = Tips.render(List.of("x".repeat(50)), true).split("\n");
        assertEquals(12, lines.length); // the drawing's rows
        assertEquals(" | " + "x".repeat(44) + " |   ", lines[2].substring(0, 52));
        assertEquals(" ".repeat(52) + "     ~~~~~~~~~~~~~~~~~~~", lines[10]);
        assertEquals(" ".repeat(52), lines[11]);
    }

    @Test
    void idsWrapAndRandomVaries() {
        int n = Tips.all().size();
        assertEquals(printed(new Options.Tips(1, Options.Tips.Format.COMPACT)),
                printed(new Options.Tips(1 + n, Options.Tips.Format.COMPACT)));
        assertEquals("", printed(new Options.Tips(1, Options.Tips.Format.NONE)));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            seen.add(printed(new Options.Tips(-1, Options.Tips.Format.COMPACT)));
        }
        assertTrue(seen.size() > 1);
    }
}

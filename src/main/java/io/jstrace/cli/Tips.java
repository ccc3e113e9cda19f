package io.jstrace.cli;

import io.jstrace.data.DataFiles;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * --tips: a tip about jstrace (tips.txt) in a speech bubble beside a drawing (tips-drawing.txt),
 * printed on stderr when tracing ends, in strace's shape: the bubble is 44 columns inside, the
 * drawing starts on its top line; compact stops one line below the bubble, full draws the rest.
 */
final class Tips {
    private static final int WIDTH = 44;
    private static final int MAX_LINES = 13;
    private static final String TOP = "  " + "_".repeat(WIDTH + 2) + "    ";
    private static final String BOTTOM = " \\" + "_".repeat(WIDTH + 2) + "/   ";
    /** The bubble's right edge, line by line from its second; the last repeats (the tail points at the head). */
    private static final String[] RIGHT = {" \\   ", " |   ", " \\   ", "  \\  ", "  _\\ ", " /   ", " |   "};
    private static final String LEFT_FIRST = " / ", LEFT = " | ";

    private Tips() {}

    /** The tips, each its lines. */
    static List<List<String>> all() {
        List<List<String>> tips = new ArrayList<>();
        List<String> tip = new ArrayList<>();
        for (String line : DataFiles.text(Tips.class, "tips.txt", StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.equals("%")) {
                tips.add(List.copyOf(tip));
                tip.clear();
            } else {
                tip.add(line);
            }
        }
        return tips;
    }

    /** Prints the tip {@code tips} asks for, if any. */
    static void print(Options.Tips tips, PrintStream err) {
        if (tips == null || tips.format() == Options.Tips.Format.NONE) {
            return;
        }
        List<List<String>> all = all();
        int id = tips.id() >= 0 ? tips.id() : ThreadLocalRandom.current().nextInt(all.size());
        err.print(render(all.get(id % all.size()), tips.format() == Options.Tips.Format.FULL));
        err.flush();
    }

    /** One tip in its bubble beside the drawing. */
    static String render(List<String> tip, boolean full) {
        List<String> drawing = DataFiles.text(Tips.class, "tips-drawing.txt", StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#")).toList();
        StringBuilder sb = new StringBuilder();
        line(sb, TOP, drawing, 0);
        line(sb, LEFT_FIRST + " ".repeat(WIDTH) + RIGHT[0], drawing, 1);
        // The bubble is at least as tall as its right edge's shape.
        int rows = Math.min(MAX_LINES, Math.max(tip.size(), RIGHT.length - 1));
        for (int i = 0; i < rows; i++) {
            String text = i < tip.size() ? tip.get(i) : "";
            text = text.length() > WIDTH ? text.substring(0, WIDTH) : text + " ".repeat(WIDTH - text.length());
            line(sb, LEFT + text + RIGHT[Math.min(i + 1, RIGHT.length - 1)], drawing, 2 + i);
        }
        line(sb, BOTTOM, drawing, 2 + rows);
        String blank = " ".repeat(LEFT.length() + WIDTH + RIGHT[0].length());
        int row = 3 + rows;
        do {
            line(sb, blank, drawing, row++);
        } while (full && row < drawing.size());
        return sb.toString();
    }

    /** {@code left} then row {@code row} of the drawing (its last row again past its end). */
    private static void line(StringBuilder sb, String left, List<String> drawing, int row) {
        sb.append(left).append(drawing.get(Math.min(row, drawing.size() - 1))).append('\n');
    }
}

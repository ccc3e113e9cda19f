package io.jstrace.output;

/**
 * Colours for the strace text ({@code --color}). strace itself has no colour option, so this
 * follows {@code ls --color}, grep and gcc: ANSI SGR sequences around a few parts of a line,
 * each part reset after itself, so stripping {@code ESC [ ... m} gives back the plain text.
 */
public final class Palette {
    /** {@code --color=WHEN}. */
    public enum When { NEVER, AUTO, ALWAYS }

    /** The parts of a line that get a colour, with their SGR parameters. */
    public enum Role {
        /** The call's name, in {@code name(} and {@code <... name resumed>}. */
        SYSCALL("1;36"),
        /** A quoted string argument. */
        STRING("32"),
        /** A failed call's result: {@code -1 ENOENT (No such file or directory)}. */
        ERROR("31"),
        /** The signal in {@code --- SIGCHLD {...} ---} and {@code --- stopped by SIGSTOP ---}. */
        SIGNAL("35"),
        /** {@code +++ exited with N +++}. */
        EXIT("1"),
        /** {@code +++ killed by SIGKILL +++}. */
        KILLED("1;31");

        private final String start;

        Role(String sgr) {
            this.start = "\033[" + sgr + "m";
        }
    }

    private static final String RESET = "\033[0m";

    public static final Palette NONE = new Palette(false);
    public static final Palette ANSI = new Palette(true);

    private final boolean on;

    private Palette(boolean on) {
        this.on = on;
    }

    /**
     * The palette for {@code when}: AUTO colours only a terminal ({@code terminal}: no -o and
     * stderr is a tty), and not when NO_COLOR is set and non-empty (no-color.org) or TERM is
     * {@code dumb}; ALWAYS colours even then, since an explicit option overrides NO_COLOR.
     */
    public static Palette choose(When when, boolean terminal, String noColor, String term) {
        return switch (when) {
            case NEVER -> NONE;
            case ALWAYS -> ANSI;
            case AUTO -> terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(term) ? ANSI : NONE;
        };
    }

    public boolean on() {
        return on;
    }

    /** Starts {@code role}'s colour; end it with {@link #end}. */
    public StringBuilder start(StringBuilder sb, Role role) {
        return on ? sb.append(role.start) : sb;
    }

    public StringBuilder end(StringBuilder sb) {
        return on ? sb.append(RESET) : sb;
    }

    /** Appends {@code text} in {@code role}'s colour. */
    public StringBuilder paint(StringBuilder sb, Role role, String text) {
        return end(start(sb, role).append(text));
    }

    /** The columns {@code s} takes on a terminal: its length without the colour sequences. */
    public int width(CharSequence s) {
        if (!on) {
            return s.length();
        }
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\033') {
                while (i < s.length() && s.charAt(i) != 'm') {
                    i++;
                }
            } else {
                w++;
            }
        }
        return w;
    }
}

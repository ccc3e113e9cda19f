package io.jstrace.trace;

import java.util.BitSet;
import java.util.regex.Pattern;

/**
 * A POSIX extended regular expression read as glibc's regcomp reads it (REG_EXTENDED, C locale),
 * for strace's {@code -e trace=/REGEX}: the same expressions are valid, and an invalid one fails
 * with glibc's regerror text ({@code Unmatched ( or \(}). It becomes a {@link Pattern} for
 * matching names: bracket expressions are spelt out byte by byte, {@code \w \W \s \S \b \B \< \>}
 * are glibc's GNU operators, {@code \1}..{@code \9} back references to closed groups.
 */
public final class PosixRegex {
    /** regcomp's failure, worded as regerror words it. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final int DUP_MAX = 0x7fff;
    private static final String BADPAT = "Invalid regular expression", ECOLLATE = "Invalid collation character",
            ECTYPE = "Invalid character class name", EESCAPE = "Trailing backslash",
            ESUBREG = "Invalid back reference", EBRACK = "Unmatched [, [^, [:, [., or [=",
            EPAREN = "Unmatched ( or \\(", EBRACE = "Unmatched \\{", BADBR = "Invalid content of \\{\\}",
            ERANGE = "Invalid range end", BADRPT = "Invalid preceding regular expression",
            ESIZE = "Regular expression too big";

    private final String re;
    private int pos;
    private final StringBuilder out = new StringBuilder();
    private int groups;
    private int closedGroups;

    private PosixRegex(String re) {
        this.re = re;
    }

    /** The expression as a Java pattern that finds what regexec would find; {@code re} holds one byte per char. */
    public static Pattern compile(String re) throws Invalid {
        PosixRegex p = new PosixRegex(re);
        p.alternatives(0);
        return Pattern.compile(p.out.toString(), Pattern.DOTALL);
    }

    private boolean atEnd() {
        return pos >= re.length();
    }

    private char peek() {
        return re.charAt(pos);
    }

    private void alternatives(int nest) throws Invalid {
        branch(nest);
        while (!atEnd() && peek() == '|') {
            pos++;
            out.append('|');
            if (!atEnd() && peek() != '|' && !(nest > 0 && peek() == ')')) {
                branch(nest);
            }
        }
    }

    private void branch(int nest) throws Invalid {
        while (!atEnd() && peek() != '|' && !(nest > 0 && peek() == ')')) {
            expression(nest);
        }
    }

    /** One atom and the repetitions after it. */
    private void expression(int nest) throws Invalid {
        char c = peek();
        int start = out.length();
        switch (c) {
            case '*', '+', '?', '{' -> throw new Invalid(BADRPT);
            case '^', '$' -> {
                // An anchor takes no repetition: "^*" is an error, as in glibc.
                pos++;
                out.append(c == '^' ? "^" : "\\z");
                return;
            }
            case '(' -> {
                pos++;
                int group = groups++;
                out.append('(');
                if (atEnd() || peek() != ')') {
                    alternatives(nest + 1);
                }
                if (atEnd()) {
                    throw new Invalid(EPAREN);
                }
                pos++;
                out.append(')');
                if (group < 9) {
                    closedGroups |= 1 << group;
                }
            }
            case '[' -> {
                pos++;
                bracket();
            }
            case '.' -> {
                pos++;
                out.append('.');
            }
            case '\\' -> {
                if (pos + 1 >= re.length()) {
                    throw new Invalid(EESCAPE);
                }
                char e = re.charAt(pos + 1);
                pos += 2;
                if (escape(e)) {
                    return;
                }
            }
            default -> {
                pos++;
                literal(c);
            }
        }
        repetitions(start);
    }

    /** A backslash escape: true if it was an anchor (no repetition may follow). */
    private boolean escape(char e) throws Invalid {
        switch (e) {
            case '<' -> out.append("\\b(?=\\w)");
            case '>' -> out.append("\\b(?<=\\w)");
            case 'b' -> out.append("\\b");
            case 'B' -> out.append("\\B");
            case '`' -> out.append("\\A");
            case '\'' -> out.append("\\z");
            default -> {
                switch (e) {
                    case 'w' -> out.append("[A-Za-z0-9_]");
                    case 'W' -> out.append("[^A-Za-z0-9_]");
                    case 's' -> out.append("[ \\t\\n\\x0B\\f\\r]");
                    case 'S' -> out.append("[^ \\t\\n\\x0B\\f\\r]");
                    default -> {
                        if (e >= '1' && e <= '9') {
                            if ((closedGroups & 1 << (e - '1')) == 0) {
                                throw new Invalid(ESUBREG);
                            }
                            out.append("\\").append(e);
                        } else {
                            literal(e);
                        }
                    }
                }
                return false;
            }
        }
        return true;
    }

    private void repetitions(int atomStart) throws Invalid {
        while (!atEnd()) {
            char c = peek();
            if (c == '*' || c == '+' || c == '?') {
                pos++;
                wrap(atomStart, String.valueOf(c));
            } else if (c == '{') {
                pos++;
                wrap(atomStart, interval());
            } else {
                return;
            }
        }
    }

    /** Java does not take "a**": each repetition applies to the group of what came before. */
    private void wrap(int atomStart, String quantifier) {
        out.insert(atomStart, "(?:").append(')').append(quantifier);
    }

    /** After '{': "m}", "m,}", "m,n}" or ",n}", as glibc's parse_dup_op reads them. */
    private String interval() throws Invalid {
        int first = number();
        if (first == -1) {
            if (atEnd() || peek() != ',') {
                throw new Invalid(atEnd() ? EBRACE : BADBR);
            }
            first = 0;
        }
        if (first == -2) {
            throw new Invalid(atEnd() ? EBRACE : BADBR);
        }
        int last;
        if (peek() == '}') {
            last = first;
        } else {
            pos++; // ','
            last = number();
            if (last == -2) {
                throw new Invalid(atEnd() ? EBRACE : BADBR);
            }
            if (atEnd() || peek() != '}' || last != -1 && first > last) {
                throw new Invalid(BADBR);
            }
        }
        pos++; // '}'
        if ((last == -1 ? first : last) > DUP_MAX) {
            throw new Invalid(ESIZE);
        }
        return "{" + first + (last == first ? "" : "," + (last == -1 ? "" : last)) + "}";
    }

    /**
     * glibc's fetch_number: digits up to '}' or ',' (left unread): the number, -1 for none,
     * -2 for anything else or the end of the expression.
     */
    private int number() {
        int n = -1;
        while (true) {
            if (atEnd()) {
                return -2;
            }
            char c = peek();
            if (c == '}' || c == ',') {
                return n;
            }
            boolean escaped = c == '\\' && pos + 1 < re.length();
            pos += escaped ? 2 : 1;
            n = escaped || c < '0' || c > '9' || n == -2 ? -2 : n == -1 ? c - '0' : Math.min(DUP_MAX + 1, n * 10 + c - '0');
        }
    }

    private void literal(char c) {
        out.append(String.format("\\x{%x}", (int) c));
    }

    /** After '[': a bracket expression, as glibc's parse_bracket_exp reads it. */
    private void bracket() throws Invalid {
        if (atEnd()) {
            throw new Invalid(BADPAT);
        }
        boolean negate = peek() == '^';
        if (negate) {
            pos++;
            if (atEnd()) {
                throw new Invalid(BADPAT);
            }
        }
        BitSet set = new BitSet(256);
        boolean first = true;
        while (true) {
            Element start = element(first);
            first = false;
            // Classes and equivalence classes cannot start a range: glibc looks no further.
            if (start.kind == 0 && atEnd()) {
                throw new Invalid(EBRACK);
            }
            boolean range = false;
            if (start.kind == 0 && peek() == '-') {
                pos++;
                if (atEnd()) {
                    throw new Invalid(EBRACK);
                }
                if (peek() == ']') {
                    pos--; // a '-' before the closing bracket is itself
                } else {
                    range = true;
                }
            }
            if (range) {
                Element end = element(true);
                if (start.kind != 0 || end.kind != 0 || start.ch > end.ch) {
                    throw new Invalid(ERANGE);
                }
                set.set(start.ch, end.ch + 1);
            } else {
                start.addTo(set);
            }
            if (atEnd()) {
                throw new Invalid(EBRACK);
            }
            if (peek() == ']') {
                pos++;
                break;
            }
        }
        if (negate) {
            set.flip(0, 256);
        }
        if (set.isEmpty()) {
            out.append("(?!)");
            return;
        }
        out.append('[');
        set.stream().forEach(b -> out.append(String.format("\\x{%x}", b)));
        out.append(']');
    }

    /** One element of a bracket: a byte, [.c.], [=c=] or [:class:]. kind: 0 a byte, 1 a class, 2 equivalence. */
    private record Element(int kind, char ch, String cls) {
        void addTo(BitSet set) throws Invalid {
            if (cls == null) {
                set.set(ch);
                return;
            }
            if (!isClass(cls)) {
                throw new Invalid(ECTYPE);
            }
            for (int b = 0; b < 128; b++) {
                if (inClass(cls, (char) b)) {
                    set.set(b);
                }
            }
        }
    }

    private Element element(boolean acceptHyphen) throws Invalid {
        char c = peek();
        if (c == '[' && pos + 1 < re.length() && ".=:".indexOf(re.charAt(pos + 1)) >= 0) {
            char delim = re.charAt(pos + 1);
            pos += 2;
            String name = symbol(delim);
            return switch (delim) {
                case ':' -> new Element(1, '\0', name);
                default -> {
                    if (name.length() != 1) {
                        throw new Invalid(ECOLLATE);
                    }
                    yield new Element(delim == '=' ? 2 : 0, name.charAt(0), null);
                }
            };
        }
        pos++;
        if (c == '-' && !acceptHyphen && (atEnd() || peek() != ']')) {
            throw new Invalid(ERANGE);
        }
        return new Element(0, c, null);
    }

    /** The name of [.x.], [=x=] or [:x:] up to its closing delimiter and ']' (glibc allows 32 bytes). */
    private String symbol(char delim) throws Invalid {
        if (atEnd()) {
            throw new Invalid(EBRACK);
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; ; i++) {
            if (i >= 32) {
                throw new Invalid(EBRACK);
            }
            char ch = re.charAt(pos++);
            if (atEnd()) {
                throw new Invalid(EBRACK);
            }
            if (ch == delim && peek() == ']') {
                pos++;
                return name.toString();
            }
            name.append(ch);
        }
    }

    private static boolean isClass(String name) {
        return switch (name) {
            case "alpha", "upper", "lower", "digit", "xdigit", "space", "print", "punct", "graph", "cntrl",
                 "blank", "alnum" -> true;
            default -> false;
        };
    }

    /** The C locale's ctype classes. */
    private static boolean inClass(String name, char c) {
        boolean upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = c >= '0' && c <= '9';
        boolean graph = c > ' ' && c < 127;
        return switch (name) {
            case "alpha" -> upper || lower;
            case "upper" -> upper;
            case "lower" -> lower;
            case "digit" -> digit;
            case "xdigit" -> digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
            case "space" -> c == ' ' || c >= '\t' && c <= '\r';
            case "print" -> graph || c == ' ';
            case "punct" -> graph && !upper && !lower && !digit;
            case "graph" -> graph;
            case "cntrl" -> c < ' ' || c == 127;
            case "blank" -> c == ' ' || c == '\t';
            default -> upper || lower || digit; // alnum
        };
    }
}

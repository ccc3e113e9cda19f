package io.jstrace.output;

/** strace's quoting of strings, paths and characters: C escapes, octal or hex as -x and its kin say. */
final class Quoting {
    private Quoting() {
    }

    /** strace's string_quote: C escapes, octal for the rest, or hex as {@code hex} says. */
    static void quote(StringBuilder sb, byte[] b, ValueText.Hex hex) {
        sb.append('"');
        body(sb, b, "", hex);
        sb.append('"');
    }

    /** The inside of a quoted string; bytes in {@code alsoOctal} are escaped too. */
    static void body(StringBuilder sb, byte[] b, String alsoOctal, ValueText.Hex hex) {
        boolean allHex = hex == ValueText.Hex.ALL || (hex == ValueText.Hex.NON_PRINTABLE && needsHex(b));
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (allHex) {
                hexByte(sb, c);
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case 0x0b -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c >= ' ' && c < 0x7f && alsoOctal.indexOf(c) < 0) {
                        sb.append((char) c);
                    } else if (hex == ValueText.Hex.NON_ASCII_CHARS) {
                        hexByte(sb, c);
                    } else {
                        octal(sb, c, i + 1 < b.length && b[i + 1] >= '0' && b[i + 1] <= '7');
                    }
                }
            }
        }
    }

    private static void hexByte(StringBuilder sb, int c) {
        sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
    }

    /** Octal escape; three digits when an octal digit follows, so it cannot be misread. */
    private static void octal(StringBuilder sb, int c, boolean full) {
        sb.append('\\');
        if (full || c >> 6 != 0) {
            sb.append((char) ('0' + (c >> 6)));
        }
        if (full || c >> 3 != 0) {
            sb.append((char) ('0' + ((c >> 3) & 7)));
        }
        sb.append((char) ('0' + (c & 7)));
    }

    private static boolean needsHex(byte[] b) {
        for (byte x : b) {
            int c = x & 0xff;
            if (c > 0x7e || (c < ' ' && (c < 9 || c > 13))) {
                return true;
            }
        }
        return false;
    }

    /** strace's print_char with quotes: printable as itself (' and \\ escaped), the rest in hex. */
    static void character(StringBuilder sb, int c, boolean namedWhitespace) {
        sb.append('\'');
        if (c >= ' ' && c < 0x7f) {
            if (c == '\'' || c == '\\') {
                sb.append('\\');
            }
            sb.append((char) c);
        } else if (namedWhitespace && c >= '\t' && c <= '\r') {
            sb.append('\\').append("tnvfr".charAt(c - '\t'));
        } else {
            hexByte(sb, c);
        }
        sb.append('\'');
    }
}

package io.jstrace.output;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.model.Event;
import io.jstrace.model.Value;

import java.util.List;

/** Renders decoded values as strace prints them. */
public final class ValueText {
    /**
     * How strings are quoted: -x hex-quotes strings with non-printable bytes, -xx all strings;
     * {@code NON_ASCII_CHARS} (--strings-in-hex=non-ascii-chars) escapes single bytes in hex
     * instead of octal. In strace's order of --strings-in-hex's words.
     */
    public enum Hex { NONE, NON_PRINTABLE, ALL, NON_ASCII_CHARS }

    private final Hex hex;
    private final DecodeOptions.Xstyle style;
    private final Palette palette;
    private final boolean inComment;

    public ValueText(Hex hex) {
        this(hex, DecodeOptions.Xstyle.ABBREV);
    }

    /** {@code style}: -X raw prints constants as numbers, -X verbose as numbers with the names in a comment. */
    public ValueText(Hex hex, DecodeOptions.Xstyle style) {
        this(hex, style, Palette.NONE);
    }

    /** {@code palette} colours strings (--color); the line's other parts are coloured by {@link StraceText}. */
    public ValueText(Hex hex, DecodeOptions.Xstyle style, Palette palette) {
        this(hex, style, palette, false);
    }

    /** {@code inComment}: the text goes inside a comment, where C cannot nest another one. */
    private ValueText(Hex hex, DecodeOptions.Xstyle style, Palette palette, boolean inComment) {
        this.hex = hex;
        this.style = style;
        this.palette = palette;
        this.inComment = inComment;
    }

    public Palette palette() {
        return palette;
    }

    public String format(Value v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    public void appendAll(StringBuilder sb, List<Value> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            append(sb, values.get(i));
        }
    }

    public void append(StringBuilder sb, Value v) {
        switch (v) {
            case Value.Num n -> number(sb, n.value(), n.radix());
            case Value.Sym s -> {
                if (style == DecodeOptions.Xstyle.ABBREV) {
                    sb.append(s.name());
                } else {
                    rawSym(sb, s);
                    if (style == DecodeOptions.Xstyle.VERBOSE) {
                        sb.append(" /* ").append(s.name()).append(" */");
                    }
                }
            }
            case Value.Flags f when f.names().isEmpty() && f.rest() == 0 -> {
                if (f.unknown() != null) {
                    number(sb, 0, f.restRadix());
                }
            }
            // printflags of 0 without a default prints nothing under -X raw, even where 0 has a name.
            case Value.Flags f when style == DecodeOptions.Xstyle.RAW && f.value() == 0 && f.unknown() == null -> { }
            case Value.Flags f when style != DecodeOptions.Xstyle.ABBREV && !f.names().isEmpty() -> {
                number(sb, f.value(), f.restRadix());
                if (style == DecodeOptions.Xstyle.VERBOSE) {
                    sb.append(" /* ");
                    append(sb, f, DecodeOptions.Xstyle.ABBREV);
                    sb.append(" */");
                }
            }
            case Value.Flags f when f.names().isEmpty() -> {
                number(sb, f.rest(), f.restRadix());
                unknownComment(sb, f.unknown());
            }
            case Value.Flags f -> {
                for (int i = 0; i < f.names().size(); i++) {
                    if (i > 0) {
                        sb.append('|');
                    }
                    sb.append(f.names().get(i));
                }
                if (f.rest() != 0) {
                    sb.append('|');
                    number(sb, f.rest(), f.restRadix());
                }
            }
            case Value.Unknown u -> {
                number(sb, u.value(), u.radix());
                unknownComment(sb, u.expected());
            }
            case Value.Str s -> {
                palette.start(sb, Palette.Role.STRING);
                sb.append('"');
                Quoting.body(sb, s.bytes(), "", s.hex() ? Hex.ALL : hex);
                sb.append('"');
                palette.end(sb);
                if (s.truncated()) {
                    sb.append("...");
                }
            }
            case Value.Fd fd -> {
                sb.append(fd.fd());
                if (fd.path() != null || fd.detail() != null) {
                    sb.append('<');
                    if (fd.path() != null) {
                        escapePath(sb, fd.path());
                    }
                    if (fd.detail() != null) {
                        sb.append(fd.detail());
                    }
                    sb.append('>');
                    if (fd.deleted()) {
                        sb.append("(deleted)");
                    }
                }
            }
            case Value.Pid p -> {
                sb.append(p.pid());
                if (p.comm() != null) {
                    sb.append('<');
                    escapePath(sb, p.comm());
                    sb.append('>');
                }
                if (p.tracerPid() != 0 && p.tracerPid() != p.pid() && !inComment) {
                    sb.append(" /* ").append(p.tracerPid()).append(" in strace's PID NS */");
                }
            }
            case Value.WithPath w -> {
                append(sb, w.value());
                sb.append('<');
                escapePath(sb, w.path());
                sb.append('>');
            }
            case Value.Addr a -> address(sb, a.address());
            case Value.Unreadable u -> address(sb, u.address());
            case Value.Struct s -> {
                sb.append('{');
                for (int i = 0; i < s.fields().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    append(sb, s.fields().get(i));
                }
                if (s.truncated()) {
                    sb.append(s.fields().isEmpty() ? "..." : ", ...");
                }
                sb.append('}');
            }
            case Value.Arr a -> {
                sb.append('[');
                appendAll(sb, a.items());
                if (a.truncated()) {
                    sb.append(a.items().isEmpty() ? "..." : ", ...");
                }
                sb.append(']');
            }
            case Value.BitSet b -> {
                if (b.inverted()) {
                    sb.append('~');
                }
                sb.append('[');
                for (int i = 0; i < b.members().size(); i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    member(sb, b.members().get(i));
                }
                sb.append(']');
            }
            case Value.Call c -> {
                sb.append(c.function()).append('(');
                appendAll(sb, c.args());
                sb.append(')');
            }
            case Value.Or o -> expression(sb, o, false);
            case Value.Shift sh -> expression(sb, sh, false);
            case Value.And a -> expression(sb, a, true);
            case Value.Equals e -> expression(sb, e, true);
            case Value.Sum s -> {
                append(sb, s.base());
                sb.append('+');
                append(sb, s.offset());
            }
            case Value.ByteRange r -> {
                sb.append("/* bytes ").append(r.first()).append("..").append(r.last()).append(" */ ");
                append(sb, r.bytes());
            }
            case Value.Product p -> {
                append(sb, p.value());
                sb.append('*');
                append(sb, p.factor());
            }
            case Value.Changed c -> {
                append(sb, c.before());
                sb.append(" => ");
                append(sb, c.after());
            }
            case Value.Labeled l -> {
                sb.append(l.label()).append(' ');
                append(sb, l.value());
            }
            case Value.Indexed i -> {
                sb.append('[');
                append(sb, i.index());
                sb.append("]=");
                append(sb, i.value());
            }
            case Value.Field f -> {
                if (f.name() != null) {
                    sb.append(f.name()).append('=');
                }
                append(sb, f.value());
            }
            case Value.Name x -> sb.append(x.name());
            case Value.AddressOf a -> sb.append('&').append(a.name());
            case Value.Abstract a -> {
                sb.append('@');
                append(sb, a.name());
            }
            case Value.Decoded d -> {
                if (style != DecodeOptions.Xstyle.ABBREV) {
                    number(sb, d.raw(), d.radix());
                }
                if (style == DecodeOptions.Xstyle.VERBOSE) {
                    sb.append(" /* ");
                    if (d.abbreviated()) {
                        new ValueText(hex, DecodeOptions.Xstyle.ABBREV, palette, true).append(sb, d.decoded());
                    } else {
                        append(sb, d.decoded());
                    }
                    sb.append(" */");
                } else if (style == DecodeOptions.Xstyle.ABBREV) {
                    append(sb, d.decoded());
                }
            }
            case Value.WithRaw w -> {
                append(sb, style == DecodeOptions.Xstyle.RAW ? w.raw() : w.decoded());
                if (style == DecodeOptions.Xstyle.VERBOSE && w.rawInVerbose()) {
                    sb.append(" /* ");
                    append(sb, w.raw());
                    sb.append(" */");
                }
            }
            case Value.Fraction f -> sb.append(Long.toUnsignedString(f.numerator())).append('/')
                    .append(Long.toUnsignedString(f.denominator()));
            case Value.Char ch -> Quoting.character(sb, ch.c() & 0xff, ch.namedWhitespace());
            case Value.OneOf o -> {
                for (int i = 0; i < o.names().size(); i++) {
                    if (i > 0) {
                        sb.append(" or ");
                    }
                    append(sb, o.names().get(i));
                }
            }
            case Value.Explained e -> append(sb, e.value(),
                    style == DecodeOptions.Xstyle.RAW ? DecodeOptions.Xstyle.RAW : DecodeOptions.Xstyle.VERBOSE);
            case Value.Styled s -> {
                switch (style) {
                    case RAW -> append(sb, s.raw());
                    case ABBREV -> append(sb, s.abbrev());
                    case VERBOSE -> {
                        append(sb, s.raw());
                        if (s.comment() != null) {
                            sb.append(" /* ");
                            append(sb, s.comment(), DecodeOptions.Xstyle.ABBREV);
                            sb.append(" */");
                        }
                    }
                }
            }
            case Value.Commented c -> {
                append(sb, c.value());
                if (!inComment) {
                    sb.append(" /* ").append(c.comment()).append(" */");
                }
            }
            case Value.Note n -> sb.append(n.text());
            case Value.Elided e -> sb.append("...");
            case Value.Unavailable u -> sb.append("???");
        }
    }

    /** A call's outcome as strace prints it after {@code = }: the value and its details, the error, or {@code ?}. */
    public void appendResult(StringBuilder sb, Event.Result result) {
        switch (result) {
            case Event.Result.None n -> sb.append('?');
            case Event.Result.Success ok -> {
                append(sb, ok.value());
                if (!ok.details().isEmpty()) {
                    sb.append(" (");
                    appendAll(sb, ok.details());
                    sb.append(')');
                }
            }
            case Event.Result.Failure f -> {
                palette.start(sb, Palette.Role.ERROR);
                // The kernel's restart codes (ERESTARTSYS, ...) never reach the program: no value.
                sb.append(f.errno() >= 512 && f.errno() <= 530 ? "?" : String.valueOf(f.value())).append(' ').append(f.name());
                if (f.description() != null) {
                    sb.append(" (").append(f.description()).append(')');
                }
                palette.end(sb);
            }
        }
    }

    /**
     * C expressions. strace spaces the operators of a condition ({@code WIFEXITED(s) && ...}) and
     * of what is or-ed with one ({@code {WIFSTOPPED(s) && ...} | PTRACE_EVENT_EXEC << 16}), and
     * writes bitwise ors and shifts of flags without spaces ({@code S_IFREG|0644}).
     */
    private void expression(StringBuilder sb, Value v, boolean spaced) {
        switch (v) {
            case Value.Or o -> {
                boolean space = spaced || o.parts().stream().anyMatch(p -> p instanceof Value.Struct || p instanceof Value.And);
                for (int i = 0; i < o.parts().size(); i++) {
                    if (i > 0) {
                        sb.append(space ? " | " : "|");
                    }
                    expression(sb, o.parts().get(i), space);
                }
            }
            case Value.Shift s -> {
                expression(sb, s.value(), spaced);
                sb.append(spaced ? " << " : "<<");
                expression(sb, s.by(), spaced);
            }
            case Value.And a -> {
                for (int i = 0; i < a.conditions().size(); i++) {
                    if (i > 0) {
                        sb.append(" && ");
                    }
                    expression(sb, a.conditions().get(i), true);
                }
            }
            case Value.Equals e -> {
                expression(sb, e.left(), true);
                sb.append(" == ");
                expression(sb, e.right(), true);
            }
            default -> append(sb, v);
        }
    }

    /** strace's comment after a number its table has no name for: not under -X raw, nor inside a comment. */
    private void unknownComment(StringBuilder sb, String expected) {
        if (expected != null && !expected.isEmpty() && style != DecodeOptions.Xstyle.RAW && !inComment) {
            sb.append(" /* ").append(expected).append(" */");
        }
    }

    /** Set members print as their number under -X raw, {@code 9 /* KILL *}{@code /} under -X verbose. */
    private void member(StringBuilder sb, Value v) {
        if (v instanceof Value.Sym s && style != DecodeOptions.Xstyle.ABBREV) {
            sb.append(s.value());
            if (style == DecodeOptions.Xstyle.VERBOSE) {
                sb.append(" /* ").append(s.name()).append(" */");
            }
        } else {
            append(sb, v);
        }
    }

    private void append(StringBuilder sb, Value v, DecodeOptions.Xstyle as) {
        new ValueText(hex, as, palette, inComment).append(sb, v);
    }

    /** Signal names (SIGHUP, SIGRTMIN, SIGRT_3), not other SIG-prefixed constants such as SIGEV_NONE or SIG_BLOCK. */
    private static final java.util.regex.Pattern SIGNAL = java.util.regex.Pattern.compile("SIG[A-Z0-9]+|SIGRT_[0-9]+");

    /** A constant's number: signal numbers and negative values in decimal, others in hex, as strace prints them raw. */
    private static void rawSym(StringBuilder sb, Value.Sym s) {
        boolean signal = SIGNAL.matcher(s.name()).matches();
        boolean decimal = s.value() < 0 || signal && s.value() <= 64;
        number(sb, s.value(), decimal ? Value.Radix.DEC : Value.Radix.HEX);
    }

    private static void address(StringBuilder sb, long a) {
        if (a == 0) {
            sb.append("NULL");
        } else {
            sb.append("0x").append(Long.toHexString(a));
        }
    }

    static void number(StringBuilder sb, long v, Value.Radix radix) {
        switch (radix) {
            case DEC -> sb.append(v);
            case UDEC -> sb.append(Long.toUnsignedString(v));
            case HEX -> sb.append(v == 0 ? "0" : "0x" + Long.toHexString(v));
            case WORD -> padded(sb, v, 16);
            case WORD32 -> padded(sb, v, 8);
            case WORD16 -> padded(sb, v, 4);
            case WORD8 -> padded(sb, v, 2);
            case OCT -> {
                // C's "%#03o": a leading 0, at least three digits.
                String o = Long.toOctalString(v);
                sb.append('0');
                for (int i = o.length(); i < 2; i++) {
                    sb.append('0');
                }
                if (v != 0) {
                    sb.append(o);
                } else {
                    sb.append('0');
                }
            }
        }
    }

    /** C's {@code "%#0<width>x"}: {@code width} characters, the "0x" counted (and absent for zero). */
    private static void padded(StringBuilder sb, long v, int width) {
        String h = v == 0 ? "" : Long.toHexString(v);
        sb.append(v == 0 ? "" : "0x").repeat('0', Math.max(0, (v == 0 ? width : width - 2) - h.length())).append(h);
    }

    /** strace's string_quote: C escapes, octal for the rest, or hex as -x/-xx/--strings-in-hex say. */
    public void quote(StringBuilder sb, byte[] b) {
        Quoting.quote(sb, b, hex);
    }

    /** Paths behind fds (-y) are escaped like strings, without the quotes, and with '<' and '>' escaped. */
    private void escapePath(StringBuilder sb, String path) {
        Quoting.body(sb, path.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "<>", hex);
    }
}

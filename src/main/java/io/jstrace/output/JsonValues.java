package io.jstrace.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jstrace.model.Value;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * Decoded values as JSON, for {@link JsonLines} and {@link Timeline}. A number is a JSON number;
 * every other value is an object whose first key names its variant ({@code sym}, {@code flags},
 * {@code str}, ...), so a consumer tells them apart by key, never by parsing text. The shapes
 * are documented in docs/jstrace-jsonl.schema.json ({@code $defs/value}).
 */
final class JsonValues {
    private JsonValues() {}

    private static final HexFormat HEX = HexFormat.of();

    static void writeAll(JsonGenerator g, List<Value> values) throws IOException {
        for (Value v : values) {
            write(g, v);
        }
    }

    static void write(JsonGenerator g, Value v) throws IOException {
        switch (v) {
            case Value.Num n -> {
                if (n.radix() == Value.Radix.DEC) {
                    g.writeNumber(n.value());
                } else {
                    unsigned(g, n.value());
                }
            }
            case Value.Sym s -> {
                g.writeStartObject();
                g.writeStringField("sym", s.name());
                g.writeNumberField("value", s.value());
                g.writeEndObject();
            }
            case Value.Flags f -> {
                g.writeStartObject();
                g.writeArrayFieldStart("flags");
                for (String name : f.names()) {
                    g.writeString(name);
                }
                g.writeEndArray();
                if (f.rest() != 0) {
                    g.writeFieldName("rest");
                    unsigned(g, f.rest());
                }
                g.writeFieldName("value");
                unsigned(g, f.value());
                g.writeEndObject();
            }
            case Value.Str s -> {
                g.writeStartObject();
                String text = s.hex() ? null : utf8(s.bytes());
                if (text != null) {
                    g.writeStringField("str", text);
                } else {
                    g.writeStringField("hex", HEX.formatHex(s.bytes()));
                }
                truncated(g, s.truncated());
                g.writeEndObject();
            }
            case Value.Fd fd -> {
                g.writeStartObject();
                g.writeNumberField("fd", fd.fd());
                if (fd.path() != null) {
                    g.writeStringField("path", fd.path());
                }
                if (fd.detail() != null) {
                    g.writeStringField("detail", fd.detail());
                }
                if (fd.deleted()) {
                    g.writeBooleanField("deleted", true);
                }
                g.writeEndObject();
            }
            case Value.Pid p -> {
                g.writeStartObject();
                g.writeNumberField("pid", p.pid());
                if (p.comm() != null) {
                    g.writeStringField("comm", p.comm());
                }
                if (p.tracerPid() != 0 && p.tracerPid() != p.pid()) {
                    g.writeNumberField("tracer_pid", p.tracerPid());
                }
                g.writeEndObject();
            }
            case Value.WithPath w -> {
                g.writeStartObject();
                g.writeFieldName("with_path");
                write(g, w.value());
                g.writeStringField("path", w.path());
                g.writeEndObject();
            }
            case Value.Addr a -> tagged(g, "addr", a.address());
            case Value.Unreadable u -> tagged(g, "unreadable", u.address());
            case Value.Struct s -> {
                g.writeStartObject();
                g.writeObjectFieldStart("struct");
                for (int i = 0; i < s.fields().size(); i++) {
                    Value.Field f = s.fields().get(i);
                    // strace prints some members without a name (an IPv6 address, a wait status): keyed by position.
                    g.writeFieldName(f.name() != null ? f.name() : "#" + i);
                    write(g, f.value());
                }
                g.writeEndObject();
                truncated(g, s.truncated());
                g.writeEndObject();
            }
            case Value.Arr a -> {
                g.writeStartObject();
                g.writeArrayFieldStart("array");
                writeAll(g, a.items());
                g.writeEndArray();
                truncated(g, a.truncated());
                g.writeEndObject();
            }
            case Value.BitSet b -> {
                g.writeStartObject();
                g.writeArrayFieldStart("set");
                writeAll(g, b.members());
                g.writeEndArray();
                if (b.inverted()) {
                    g.writeBooleanField("inverted", true);
                }
                g.writeEndObject();
            }
            case Value.Call c -> {
                g.writeStartObject();
                g.writeStringField("call", c.function());
                g.writeArrayFieldStart("args");
                writeAll(g, c.args());
                g.writeEndArray();
                g.writeEndObject();
            }
            case Value.Or o -> list(g, "or", o.parts());
            case Value.And a -> list(g, "and", a.conditions());
            case Value.Equals e -> list(g, "equals", List.of(e.left(), e.right()));
            case Value.Shift s -> pair(g, "shift", s.value(), "by", s.by());
            case Value.Product p -> pair(g, "product", p.value(), "factor", p.factor());
            case Value.Sum s -> pair(g, "sum", s.base(), "plus", s.offset());
            case Value.ByteRange r -> {
                g.writeStartObject();
                g.writeNumberField("bytes_from", r.first());
                g.writeNumberField("bytes_to", r.last());
                g.writeFieldName("value");
                write(g, r.bytes());
                g.writeEndObject();
            }
            case Value.Changed c -> pair(g, "before", c.before(), "after", c.after());
            case Value.Indexed i -> pair(g, "index", i.index(), "value", i.value());
            case Value.Labeled l -> {
                g.writeStartObject();
                g.writeStringField("label", l.label());
                g.writeFieldName("value");
                write(g, l.value());
                g.writeEndObject();
            }
            case Value.Field f -> {
                g.writeStartObject();
                g.writeStringField("field", f.name());
                g.writeFieldName("value");
                write(g, f.value());
                g.writeEndObject();
            }
            case Value.Abstract a -> {
                g.writeStartObject();
                g.writeFieldName("abstract");
                write(g, a.name());
                g.writeEndObject();
            }
            case Value.Name x -> named(g, "name", x.name());
            case Value.AddressOf a -> named(g, "address_of", a.name());
            case Value.Note n -> named(g, "note", n.text());
            case Value.Elided e -> {
                g.writeStartObject();
                g.writeBooleanField("elided", true);
                g.writeEndObject();
            }
            case Value.OneOf o -> list(g, "one_of", o.names());
            case Value.Char ch -> {
                g.writeStartObject();
                g.writeNumberField("char", ch.c() & 0xff);
                g.writeEndObject();
            }
            // Only the text's form differs: the value itself has its name and number.
            case Value.Explained e -> write(g, e.value());
            case Value.WithRaw w -> pair(g, "with_raw", w.decoded(), "raw", w.raw());
            case Value.Fraction f -> {
                g.writeStartObject();
                g.writeFieldName("numerator");
                unsigned(g, f.numerator());
                g.writeFieldName("denominator");
                unsigned(g, f.denominator());
                g.writeEndObject();
            }
            case Value.Unknown u -> {
                g.writeStartObject();
                g.writeFieldName("unknown");
                if (u.radix() == Value.Radix.DEC) {
                    g.writeNumber(u.value());
                } else {
                    unsigned(g, u.value());
                }
                g.writeStringField("expected", u.expected());
                g.writeEndObject();
            }
            case Value.Unavailable u -> {
                g.writeStartObject();
                g.writeBooleanField("unavailable", true);
                g.writeEndObject();
            }
            case Value.Decoded d -> {
                g.writeStartObject();
                g.writeFieldName("raw");
                unsigned(g, d.raw());
                g.writeFieldName("decoded");
                write(g, d.decoded());
                g.writeEndObject();
            }
            case Value.Styled s -> pair(g, "encoded", s.raw(), "meaning", s.abbrev());
            case Value.Commented c -> {
                g.writeStartObject();
                g.writeFieldName("commented");
                write(g, c.value());
                g.writeStringField("comment", c.comment());
                g.writeEndObject();
            }
        }
    }

    private static void list(JsonGenerator g, String key, List<Value> values) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart(key);
        writeAll(g, values);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void pair(JsonGenerator g, String key1, Value v1, String key2, Value v2) throws IOException {
        g.writeStartObject();
        g.writeFieldName(key1);
        write(g, v1);
        g.writeFieldName(key2);
        write(g, v2);
        g.writeEndObject();
    }

    private static void named(JsonGenerator g, String key, String text) throws IOException {
        g.writeStartObject();
        g.writeStringField(key, text);
        g.writeEndObject();
    }

    /** The 64 bits read as unsigned: addresses, masks, and numbers strace prints in hex, octal or %u. */
    static void unsigned(JsonGenerator g, long v) throws IOException {
        if (v >= 0) {
            g.writeNumber(v);
        } else {
            g.writeNumber(new BigInteger(Long.toUnsignedString(v)));
        }
    }

    private static void tagged(JsonGenerator g, String key, long address) throws IOException {
        g.writeStartObject();
        g.writeFieldName(key);
        unsigned(g, address);
        g.writeEndObject();
    }

    private static void truncated(JsonGenerator g, boolean truncated) throws IOException {
        if (truncated) {
            g.writeBooleanField("truncated", true);
        }
    }

    /** The bytes as text when they are valid UTF-8 (almost always); null for binary data. */
    private static String utf8(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = d.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

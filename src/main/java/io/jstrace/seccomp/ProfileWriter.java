package io.jstrace.seccomp;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a profile as an OCI runtime takes it (config.json's {@code linux.seccomp}, which Docker
 * reads too): the calls with one unconditional action share an entry per action, sorted by
 * name; each conditional rule is an entry of its own, in the order the filter tries them.
 */
final class ProfileWriter {
    private ProfileWriter() {}

    static void write(Profile profile, OutputStream out) throws IOException {
        Map<Action, TreeSet<String>> unconditional = new LinkedHashMap<>();
        unconditional.put(Action.ALLOW, new TreeSet<>());
        List<Map.Entry<String, Rule>> conditional = new ArrayList<>();
        profile.rules().forEach((name, rules) -> {
            for (Rule r : rules) {
                if (r.unconditional()) {
                    unconditional.computeIfAbsent(r.action(), a -> new TreeSet<>()).add(name);
                } else {
                    conditional.add(Map.entry(name, r));
                }
            }
        });
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            action(g, "defaultAction", "defaultErrnoRet", profile.defaultAction());
            g.writeArrayFieldStart("architectures");
            for (String a : profile.architectures()) {
                g.writeString(a);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("syscalls");
            for (var e : unconditional.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    entry(g, e.getValue(), e.getKey(), List.of());
                }
            }
            for (var e : conditional) {
                entry(g, List.of(e.getKey()), e.getValue().action(), e.getValue().conditions());
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void entry(JsonGenerator g, Iterable<String> names, Action action, List<Condition> conditions)
            throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("names");
        for (String n : names) {
            g.writeString(n);
        }
        g.writeEndArray();
        action(g, "action", "errnoRet", action);
        if (!conditions.isEmpty()) {
            g.writeArrayFieldStart("args");
            for (Condition c : conditions) {
                g.writeStartObject();
                g.writeNumberField("index", c.arg());
                g.writeFieldName("value");
                g.writeNumber(Long.toUnsignedString(c.value()));
                if (c.op() == Condition.Op.MASKED_EQ) {
                    g.writeFieldName("valueTwo");
                    g.writeNumber(Long.toUnsignedString(c.valueTwo()));
                }
                g.writeStringField("op", c.op().scmpName());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void action(JsonGenerator g, String field, String errnoField, Action a) throws IOException {
        g.writeStringField(field, a.kind().scmpName());
        if (a.kind() == Action.Kind.ERRNO || a.kind() == Action.Kind.TRACE) {
            g.writeNumberField(errnoField, a.errno());
        }
    }
}

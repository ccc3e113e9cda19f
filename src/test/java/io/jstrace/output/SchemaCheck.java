package io.jstrace.output;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates JSON values (as {@link JsonTree} reads them) against a JSON Schema (draft 2020-12),
 * for the keywords docs/jstrace-jsonl.schema.json uses: $ref (local), type, const, enum,
 * required, properties, additionalProperties, items, minItems, maxItems, pattern, oneOf, allOf,
 * if/then. A keyword
 * it does not know fails the check, so the schema cannot outgrow its checker unnoticed.
 */
public final class SchemaCheck {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "title", "description");

    private final Map<String, Object> root;

    private SchemaCheck(Map<String, Object> root) {
        this.root = root;
    }

    public static SchemaCheck load(Path schema) throws IOException {
        return new SchemaCheck(JsonTree.object(JsonTree.parse(Files.readString(schema))));
    }

    /** What is wrong with {@code instance} against the schema at {@code pointer} ("#" is the whole schema). */
    public List<String> errors(Object instance, String pointer) {
        List<String> out = new ArrayList<>();
        check(resolve(pointer), instance, "$", out);
        return out;
    }

    private Object resolve(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("only local references: " + ref);
        }
        Object at = root;
        for (String part : ref.substring(1).split("/")) {
            if (!part.isEmpty()) {
                at = JsonTree.object(at).get(part);
                if (at == null) {
                    throw new IllegalArgumentException("no " + ref + " in the schema");
                }
            }
        }
        return at;
    }

    private void check(Object schemaNode, Object v, String path, List<String> out) {
        if (schemaNode instanceof Boolean b) {
            if (!b) {
                out.add(path + ": not allowed");
            }
            return;
        }
        Map<String, Object> s = JsonTree.object(schemaNode);
        for (Map.Entry<String, Object> k : s.entrySet()) {
            Object arg = k.getValue();
            switch (k.getKey()) {
                case "$ref" -> check(resolve((String) arg), v, path, out);
                case "type" -> {
                    List<Object> types = arg instanceof List<?> ? JsonTree.array(arg) : List.of(arg);
                    if (types.stream().noneMatch(t -> isType(v, (String) t))) {
                        out.add(path + ": not of type " + arg + ": " + brief(v));
                    }
                }
                case "const" -> {
                    if (!same(arg, v)) {
                        out.add(path + ": not " + arg + ": " + brief(v));
                    }
                }
                case "enum" -> {
                    if (JsonTree.array(arg).stream().noneMatch(e -> same(e, v))) {
                        out.add(path + ": not one of " + arg + ": " + brief(v));
                    }
                }
                case "required" -> {
                    if (v instanceof Map<?, ?> m) {
                        for (Object name : JsonTree.array(arg)) {
                            if (!m.containsKey(name)) {
                                out.add(path + ": missing " + name);
                            }
                        }
                    }
                }
                case "properties" -> {
                    if (v instanceof Map<?, ?> m) {
                        JsonTree.object(arg).forEach((name, sub) -> {
                            if (m.containsKey(name)) {
                                check(sub, m.get(name), path + "." + name, out);
                            }
                        });
                    }
                }
                case "additionalProperties" -> {
                    if (v instanceof Map<?, ?> m) {
                        Map<String, Object> declared = s.containsKey("properties") ? JsonTree.object(s.get("properties")) : Map.of();
                        for (Map.Entry<?, ?> e : m.entrySet()) {
                            if (!declared.containsKey(e.getKey())) {
                                check(arg, e.getValue(), path + "." + e.getKey(), out);
                            }
                        }
                    }
                }
                case "items" -> {
                    if (v instanceof List<?> l) {
                        for (int i = 0; i < l.size(); i++) {
                            check(arg, l.get(i), path + "[" + i + "]", out);
                        }
                    }
                }
                case "minItems" -> {
                    if (v instanceof List<?> l && l.size() < ((Number) arg).intValue()) {
                        out.add(path + ": fewer than " + arg + " items");
                    }
                }
                case "maxItems" -> {
                    if (v instanceof List<?> l && l.size() > ((Number) arg).intValue()) {
                        out.add(path + ": more than " + arg + " items");
                    }
                }
                case "pattern" -> {
                    if (v instanceof String str && !Pattern.compile((String) arg).matcher(str).find()) {
                        out.add(path + ": does not match " + arg);
                    }
                }
                case "oneOf" -> {
                    int matched = 0;
                    for (Object alt : JsonTree.array(arg)) {
                        List<String> e = new ArrayList<>();
                        check(alt, v, path, e);
                        matched += e.isEmpty() ? 1 : 0;
                    }
                    if (matched != 1) {
                        out.add(path + ": matches " + matched + " of oneOf, not 1: " + brief(v));
                    }
                }
                case "allOf" -> JsonTree.array(arg).forEach(sub -> check(sub, v, path, out));
                case "if" -> {
                    List<String> e = new ArrayList<>();
                    check(arg, v, path, e);
                    if (e.isEmpty() && s.containsKey("then")) {
                        check(s.get("then"), v, path, out);
                    }
                }
                case "then" -> { } // with "if"
                default -> {
                    if (!ANNOTATIONS.contains(k.getKey())) {
                        throw new IllegalArgumentException("the checker does not implement keyword " + k.getKey());
                    }
                }
            }
        }
    }

    private static boolean isType(Object v, String type) {
        return switch (type) {
            case "object" -> v instanceof Map;
            case "array" -> v instanceof List;
            case "string" -> v instanceof String;
            case "integer" -> v instanceof Long || v instanceof BigInteger;
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "null" -> v == null;
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return JsonTree.decimal(a).compareTo(JsonTree.decimal(b)) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String brief(Object v) {
        String s = String.valueOf(v);
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}

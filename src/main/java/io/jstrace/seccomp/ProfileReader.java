package io.jstrace.seccomp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.jstrace.syscalls.SyscallTable;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads a seccomp profile as Docker ({@code --security-opt seccomp=FILE}) and the OCI runtimes
 * (config.json's {@code linux.seccomp}) take it: {@code defaultAction}, {@code defaultErrnoRet},
 * {@code architectures} (or Docker's {@code archMap}), {@code flags}, {@code syscalls[]} with
 * {@code names} (or {@code name}), {@code action}, {@code errnoRet}, {@code args} and Docker's
 * {@code includes}/{@code excludes} on {@code caps}, {@code arches} and {@code minKernel}
 * (evaluated here, against {@link Host}). As they do, it skips names that are no x86_64 call
 * and fields it does not know (a note for each under -v), and refuses what it cannot enforce:
 * notification listeners ({@code listenerPath}, SCMP_ACT_NOTIFY).
 */
public final class ProfileReader {
    private static final int EPERM = 1, MAX_ERRNO = 4095, MAX_DEPTH = 32, MAX_DIGITS = 24;
    private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64);
    /** libseccomp's architecture names; only x86_64 numbering is enforced, whichever are listed. */
    private static final Set<String> ARCHITECTURES = Set.of("SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32",
            "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32",
            "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64",
            "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64",
            "SCMP_ARCH_RISCV64", "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH", "SCMP_ARCH_SHEB");
    /** The filter flags of the runtime spec: none changes which calls the filter lets through. */
    private static final Set<String> FLAGS = Set.of("SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG",
            "SECCOMP_FILTER_FLAG_SPEC_ALLOW", "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV");
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_DIGITS).build()).build();

    private final String what;
    private final SyscallTable table;
    private final Host host;
    private final JsonParser p;
    private final Set<String> unknownNames = new TreeSet<>(), unknownFields = new TreeSet<>();

    private ProfileReader(String what, SyscallTable table, Host host, JsonParser p) {
        this.what = what;
        this.table = table;
        this.host = host;
        this.p = p;
    }

    /** The profile in {@code file} for this machine, or a {@link ProfileError} naming the first problem. */
    public static Profile read(String file, SyscallTable table, Consumer<String> notes) throws ProfileError {
        return read("seccomp policy", file, table, Host.current(), notes);
    }

    /**
     * @param what  how errors and notes name the file ({@code seccomp policy})
     * @param notes what was skipped, one line each (shown under -v)
     */
    static Profile read(String what, String file, SyscallTable table, Host host, Consumer<String> notes) throws ProfileError {
        String where = what + " '" + file + "'";
        byte[] json = ProfileFile.read(what, file);
        try (JsonParser p = JSON.createParser(json)) {
            ProfileReader r = new ProfileReader(where, table, host, p);
            Profile profile = r.profile();
            if (!r.unknownNames.isEmpty()) {
                notes.accept(where + ": skipped names that are no x86_64 system call: " + String.join(" ", r.unknownNames));
            }
            if (!r.unknownFields.isEmpty()) {
                notes.accept(where + ": ignored unknown fields: " + String.join(" ", r.unknownFields));
            }
            return profile;
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getOriginalMessage());
            throw new ProfileError(where + ": " + (m.startsWith("Document nesting depth") ? "nested deeper than " + MAX_DEPTH + " levels"
                    : m.startsWith("Number value length") ? "a number longer than " + MAX_DIGITS + " digits" : "too large a value"));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String m = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").replaceFirst(" \\(start marker at .*", "");
            throw new ProfileError(where + ": malformed JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + m);
        } catch (IOException e) {
            throw ProfileError.of(what, file, e);
        }
    }

    private Profile profile() throws IOException, ProfileError {
        expect(p.nextToken(), JsonToken.START_OBJECT, "the profile");
        Action.Kind defaultKind = null;
        int defaultErrno = EPERM;
        List<String> architectures = List.of();
        boolean archMap = false;
        List<Entry> entries = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "defaultAction" -> defaultKind = kind("defaultAction");
                case "defaultErrnoRet" -> defaultErrno = errno("defaultErrnoRet");
                case "architectures" -> architectures = architectures("architectures");
                case "archMap" -> archMap = archMap(); // Docker's per-host expansion of architectures
                case "flags" -> flags();
                case "syscalls" -> entries = entries();
                case "listenerPath" -> {
                    if (!string("listenerPath").isEmpty()) {
                        throw error("listenerPath: seccomp notification listeners (SCMP_ACT_NOTIFY) are not supported");
                    }
                }
                default -> skip(field);
            }
        }
        if (p.nextToken() != null) {
            throw error("unexpected data after the profile");
        }
        if (archMap && !architectures.isEmpty()) {
            throw error("both 'architectures' and 'archMap' are given; use one");
        }
        if (defaultKind == null) {
            if (!entries.isEmpty()) {
                throw error("no defaultAction");
            }
            defaultKind = Action.Kind.ALLOW; // Docker and runc: no default and no rules, no filter
        }
        Rules rules = new Rules(Action.of(defaultKind, defaultErrno));
        for (Entry e : entries) {
            for (String name : e.names) {
                if (table.byName(name) == null) {
                    unknownNames.add(name);
                } else {
                    rules.add(name, e.action, e.conditions);
                }
            }
        }
        return rules.profile(architectures);
    }

    /** One element of {@code syscalls} that applies here. */
    private record Entry(List<String> names, Action action, List<Condition> conditions) {}

    private List<Entry> entries() throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_ARRAY, "syscalls");
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            Entry e = entry("syscalls[" + i + "]");
            if (e != null) {
                entries.add(e);
            }
        }
        return entries;
    }

    /** The entry at the current object, or null when its includes/excludes leave it out here. */
    private Entry entry(String where) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_OBJECT, where);
        List<String> names = null;
        Action.Kind kind = null;
        int errno = EPERM;
        List<Condition> conditions = List.of();
        boolean applies = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            String at = where + "." + field;
            switch (field) {
                case "names" -> {
                    if (names != null) {
                        throw error(where + ": both 'name' and 'names' are given; use one");
                    }
                    names = strings(at);
                }
                case "name" -> {
                    if (names != null) {
                        throw error(where + ": both 'name' and 'names' are given; use one");
                    }
                    names = List.of(string(at));
                }
                case "action" -> kind = kind(at);
                case "errnoRet" -> errno = errno(at);
                case "args" -> conditions = conditions(at);
                case "includes" -> applies &= filter(at, true);
                case "excludes" -> applies &= filter(at, false);
                default -> skip(at);
            }
        }
        if (kind == null) {
            throw error(where + ": no action");
        }
        return applies && names != null ? new Entry(names, Action.of(kind, errno), conditions) : null;
    }

    private List<Condition> conditions(String where) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_ARRAY, where);
        List<Condition> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String at = where + "[" + out.size() + "]";
            expect(p.currentToken(), JsonToken.START_OBJECT, at);
            Long index = null;
            long value = 0, valueTwo = 0;
            Condition.Op op = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "index" -> index = u64(at + ".index");
                    case "value" -> value = u64(at + ".value");
                    case "valueTwo" -> valueTwo = u64(at + ".valueTwo");
                    case "op" -> {
                        String name = string(at + ".op");
                        op = Condition.Op.byScmpName(name);
                        if (op == null) {
                            throw error(at + ".op: unknown operator '" + name + "'");
                        }
                    }
                    default -> skip(at + "." + field);
                }
            }
            if (index == null) {
                throw error(at + ": no index");
            }
            if (index < 0 || index >= Condition.ARGS) {
                throw error(at + ".index: " + Long.toUnsignedString(index) + " is not an argument (0..5)");
            }
            if (op == null) {
                throw error(at + ": no op");
            }
            out.add(new Condition(index.intValue(), op, value, valueTwo));
        }
        return out;
    }

    /** Docker's includes ({@code include}) or excludes: whether the entry applies on this host. */
    private boolean filter(String where, boolean include) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_OBJECT, where);
        boolean applies = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            String at = where + "." + field;
            boolean matches = switch (field) {
                case "caps" -> {
                    List<String> caps = strings(at);
                    yield caps.isEmpty() ? include : include ? caps.stream().allMatch(host::has) : caps.stream().anyMatch(host::has);
                }
                case "arches" -> {
                    List<String> arches = strings(at);
                    yield arches.isEmpty() ? include : arches.contains(Host.ARCH);
                }
                case "minKernel" -> {
                    String v = string(at);
                    yield v.isEmpty() ? include : atLeast(at, v);
                }
                default -> {
                    skip(at);
                    yield include;
                }
            };
            applies &= include == matches;
        }
        return applies;
    }

    private boolean atLeast(String where, String version) throws ProfileError {
        String[] parts = version.split("\\.", 3);
        if (parts.length == 2 && parts[0].matches("\\d{1,3}") && parts[1].matches("\\d{1,3}")) {
            int k = Integer.parseInt(parts[0]), m = Integer.parseInt(parts[1]);
            if ((k | m) != 0 && k < 256 && m < 256) {
                return host.atLeast(k, m);
            }
        }
        throw error(where + ": invalid kernel version '" + version + "', expected \"<kernel>.<major>\"");
    }

    private List<String> architectures(String where) throws IOException, ProfileError {
        List<String> names = strings(where);
        for (String a : names) {
            architecture(where, a);
        }
        return names;
    }

    private void architecture(String where, String name) throws ProfileError {
        if (!ARCHITECTURES.contains(name)) {
            throw error(where + ": unknown architecture '" + name + "'");
        }
    }

    /** Checks Docker's archMap ([{architecture, subArchitectures}]); whether it has entries. */
    private boolean archMap() throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_ARRAY, "archMap");
        boolean any = false;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            expect(p.currentToken(), JsonToken.START_OBJECT, "archMap[" + i + "]");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                String at = "archMap[" + i + "]." + field;
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                switch (field) {
                    case "architecture" -> architecture(at, string(at));
                    case "subArchitectures" -> architectures(at);
                    default -> skip(at);
                }
            }
            any = true;
        }
        return any;
    }

    private void flags() throws IOException, ProfileError {
        for (String f : strings("flags")) {
            if (!FLAGS.contains(f)) {
                throw error("flags: unknown flag '" + f + "'");
            }
        }
    }

    private void skip(String field) throws IOException {
        if (!field.endsWith("comment")) {
            unknownFields.add(field.replaceAll("\\[\\d+]", "[]"));
        }
        p.skipChildren();
    }

    private Action.Kind kind(String where) throws IOException, ProfileError {
        String name = string(where);
        Action.Kind k = Action.Kind.byScmpName(name);
        if (k == null) {
            throw error(where + ": " + (name.equals("SCMP_ACT_NOTIFY") ? "seccomp notification listeners (SCMP_ACT_NOTIFY) are not supported"
                    : "unknown action '" + name + "'"));
        }
        return k;
    }

    private int errno(String where) throws IOException, ProfileError {
        long v = u64(where);
        if (v < 0 || v > MAX_ERRNO) {
            throw error(where + ": errno " + Long.toUnsignedString(v) + " out of range 0.." + MAX_ERRNO);
        }
        return (int) v;
    }

    /** An unsigned 64-bit integer, as Go reads it into a uint64. */
    private long u64(String where) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, where);
        BigInteger v = p.getBigIntegerValue();
        if (v.signum() < 0 || v.compareTo(U64) >= 0) {
            throw error(where + ": " + v + " is out of range 0..18446744073709551615");
        }
        return v.longValue();
    }

    private String string(String where) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.VALUE_STRING, where);
        return p.getText();
    }

    private List<String> strings(String where) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_ARRAY, where);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(string(where + "[" + out.size() + "]"));
        }
        return out;
    }

    private void expect(JsonToken got, JsonToken want, String where) throws ProfileError {
        if (got != want) {
            throw error(where + ": expected " + describe(want) + ", found " + describe(got));
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "end of file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() != null ? "'" + t.asString() + "'" : t.name();
        };
    }

    private ProfileError error(String problem) {
        return new ProfileError(what + ": " + problem);
    }
}

package io.jstrace.seccomp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.jstrace.syscalls.SyscallTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Docker/OCI seccomp profile (the JSON {@code docker run --security-opt seccomp=FILE}
 * takes): {@code defaultAction}, {@code defaultErrnoRet}, {@code architectures},
 * {@code syscalls[].names} (or the older {@code name}), {@code .action}, {@code .errnoRet}.
 * What jstrace cannot enforce exactly is refused rather than approximated: argument conditions
 * ({@code args}), non-empty {@code includes}/{@code excludes}, notification listeners, and names
 * that are no x86_64 syscall. Docker's {@code archMap} and {@code comment}s are skipped.
 */
public final class ProfileReader {
    private static final int EPERM = 1, MAX_ERRNO = 4095;
    /** libseccomp's architecture names; only x86_64 numbering is enforced, whichever are listed. */
    private static final Set<String> ARCHITECTURES = Set.of("SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32",
            "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS", "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32",
            "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32", "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64",
            "SCMP_ARCH_PPC64LE", "SCMP_ARCH_S390", "SCMP_ARCH_S390X", "SCMP_ARCH_PARISC", "SCMP_ARCH_PARISC64",
            "SCMP_ARCH_RISCV64", "SCMP_ARCH_LOONGARCH64", "SCMP_ARCH_M68K", "SCMP_ARCH_SH", "SCMP_ARCH_SHEB");

    private final String file;
    private final SyscallTable table;
    private final JsonParser p;

    private ProfileReader(String file, SyscallTable table, JsonParser p) {
        this.file = file;
        this.table = table;
        this.p = p;
    }

    /** The profile in {@code file}, or a {@link ProfileError} naming the first problem. */
    public static Profile read(String file, SyscallTable table) throws ProfileError {
        byte[] json;
        try {
            json = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw ProfileError.of("seccomp policy", file, e);
        }
        try (JsonParser p = new JsonFactory().createParser(json)) {
            return new ProfileReader(file, table, p).profile();
        } catch (JsonProcessingException e) {
            throw new ProfileError("seccomp policy '" + file + "': malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().lines().findFirst().orElse("").replaceFirst(" \\(start marker at .*", ""));
        } catch (IOException e) {
            throw ProfileError.of("seccomp policy", file, e);
        }
    }

    private Profile profile() throws IOException, ProfileError {
        expect(p.nextToken(), JsonToken.START_OBJECT, "the profile");
        Action.Kind defaultKind = null;
        int defaultErrno = EPERM;
        List<String> architectures = List.of();
        Map<String, Action> actions = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "defaultAction" -> defaultKind = kind("defaultAction");
                case "defaultErrnoRet" -> defaultErrno = errno("defaultErrnoRet");
                case "architectures" -> architectures = architectures();
                case "archMap" -> p.skipChildren(); // Docker's per-host expansion of architectures
                case "syscalls" -> rules(actions);
                default -> throw error("unsupported field '" + field + "'");
            }
        }
        if (p.nextToken() != null) {
            throw error("unexpected data after the profile");
        }
        if (defaultKind == null) {
            throw error("no defaultAction");
        }
        return new Profile(action(defaultKind, defaultErrno), architectures, actions);
    }

    private List<String> architectures() throws IOException, ProfileError {
        List<String> names = strings("architectures");
        for (String a : names) {
            if (!ARCHITECTURES.contains(a)) {
                throw error("unknown architecture '" + a + "'");
            }
        }
        return names;
    }

    private void rules(Map<String, Action> actions) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.START_ARRAY, "syscalls");
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            String where = "syscalls[" + i + "]";
            expect(p.currentToken(), JsonToken.START_OBJECT, where);
            List<String> names = null;
            Action.Kind kind = null;
            int errno = EPERM;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "names" -> names = strings(where + ".names");
                    case "name" -> names = List.of(string(where + ".name"));
                    case "action" -> kind = kind(where + ".action");
                    case "errnoRet" -> errno = errno(where + ".errnoRet");
                    case "args" -> empty(where + ".args", "argument conditions are not supported");
                    case "includes", "excludes" -> empty(where + "." + field,
                            "conditions on capabilities, architectures or kernel versions are not supported");
                    case "comment" -> p.skipChildren();
                    default -> throw error(where + ": unsupported field '" + field + "'");
                }
            }
            if (names == null) {
                throw error(where + ": no names");
            }
            if (kind == null) {
                throw error(where + ": no action");
            }
            Action a = action(kind, errno);
            for (String name : names) {
                if (table.byName(name) == null) {
                    throw error("unknown system call '" + name + "'");
                }
                Action before = actions.putIfAbsent(name, a);
                if (before != null && !before.equals(a)) {
                    throw error("system call '" + name + "' is given two different actions");
                }
            }
        }
    }

    private static Action action(Action.Kind kind, int errno) {
        return new Action(kind, kind == Action.Kind.ERRNO ? errno : 0);
    }

    private Action.Kind kind(String where) throws IOException, ProfileError {
        String name = string(where);
        Action.Kind k = Action.Kind.byScmpName(name);
        if (k == null) {
            throw error(where + ": unsupported action '" + name + "'");
        }
        return k;
    }

    private int errno(String where) throws IOException, ProfileError {
        expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT, where);
        long v = p.getLongValue();
        if (v < 0 || v > MAX_ERRNO) {
            throw error(where + ": errno " + v + " out of range 0.." + MAX_ERRNO);
        }
        return (int) v;
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

    /** Accepts null, [] or an object whose members are all null or []; anything more is refused. */
    private void empty(String where, String refusal) throws IOException, ProfileError {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                p.nextToken();
                empty(where + "." + p.currentName(), refusal);
            }
        } else if (t == JsonToken.START_ARRAY) {
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw error(where + ": " + refusal);
            }
        } else if (t != JsonToken.VALUE_NULL) {
            throw error(where + ": " + refusal);
        }
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
        return new ProfileError("seccomp policy '" + file + "': " + problem);
    }
}

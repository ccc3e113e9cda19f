package io.jstrace.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The syscall tampering the command line asked for: one {@link Injection} per syscall number.
 * A later expression naming the same syscall replaces the earlier one, as in strace.
 */
public final class Tampering {
    public static final Tampering NONE = new Tampering(new Injection[0], List.of());

    /** Indexed by syscall number: looked up at every shown call's entry. */
    private final Injection[] bySyscall;
    private final List<String> warnings;

    private Tampering(Injection[] bySyscall, List<String> warnings) {
        this.bySyscall = bySyscall;
        this.warnings = warnings;
    }

    /** The injection for syscall {@code number}, or null. */
    public Injection of(int number) {
        return number >= 0 && number < bySyscall.length ? bySyscall[number] : null;
    }

    public boolean isEmpty() {
        return bySyscall.length == 0;
    }

    /** Doubtful but valid requests noticed while parsing (strace prints them and goes on). */
    public List<String> warnings() {
        return warnings;
    }

    public static final class Builder {
        private final Map<Integer, Injection> bySyscall = new HashMap<>();
        private final List<String> warnings = new java.util.ArrayList<>();

        public void put(int number, Injection injection) {
            bySyscall.put(number, injection);
        }

        public void warn(String message) {
            warnings.add(message);
        }

        /** The warnings so far. */
        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        public Tampering build() {
            if (bySyscall.isEmpty() && warnings.isEmpty()) {
                return NONE;
            }
            Injection[] table = new Injection[bySyscall.keySet().stream().mapToInt(n -> n + 1).max().orElse(0)];
            bySyscall.forEach((n, inj) -> table[n] = inj);
            return new Tampering(table, List.copyOf(warnings));
        }
    }
}

package io.jstrace.trace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The syscall tampering the command line asked for: one {@link Injection} per syscall number.
 * A later expression naming the same syscall replaces the earlier one, as in strace.
 */
public final class Tampering {
    public static final Tampering NONE = new Tampering(Map.of(), List.of());

    private final Map<Integer, Injection> bySyscall;
    private final List<String> warnings;

    private Tampering(Map<Integer, Injection> bySyscall, List<String> warnings) {
        this.bySyscall = bySyscall;
        this.warnings = warnings;
    }

    /** The injection for syscall {@code number}, or null. */
    public Injection of(int number) {
        return bySyscall.get(number);
    }

    public boolean isEmpty() {
        return bySyscall.isEmpty();
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

        public Tampering build() {
            return bySyscall.isEmpty() && warnings.isEmpty() ? NONE
                    : new Tampering(Map.copyOf(bySyscall), List.copyOf(warnings));
        }
    }
}

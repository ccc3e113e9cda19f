package io.jstrace.decode;

import io.jstrace.model.Value;

/**
 * How one syscall argument is decoded. A kind may look at the other arguments and, at exit,
 * at the return value (through {@link Call}); it returns null to leave the argument out.
 */
@FunctionalInterface
public interface ArgKind {
    Value decode(Call call, int index);

    default Phase phase() {
        return Phase.ENTRY;
    }

    /** What the argument is for -P, -e read=/write= and memory capture. */
    default Role role() {
        return Role.NONE;
    }

    /** A kind read at exit. */
    static ArgKind atExit(ArgKind k) {
        return of(k, Phase.EXIT, k.role());
    }

    /** A kind read at entry and again at exit (see {@link Phase#ENTRY_AND_EXIT}). */
    static ArgKind atEntryAndExit(ArgKind k) {
        return of(k, Phase.ENTRY_AND_EXIT, k.role());
    }

    /** {@code k} with the role {@code role}. */
    static ArgKind withRole(Role role, ArgKind k) {
        return of(k, k.phase(), role);
    }

    private static ArgKind of(ArgKind k, Phase phase, Role role) {
        return new ArgKind() {
            @Override
            public Value decode(Call call, int index) {
                return k.decode(call, index);
            }

            @Override
            public Phase phase() {
                return phase;
            }

            @Override
            public Role role() {
                return role;
            }
        };
    }
}

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

    /**
     * Whether a kind read at exit has anything to show for this call, asked at entry: when no
     * later argument has, the entry line ends without the separator (ptrace(PTRACE_ATTACH, 5)).
     */
    default boolean shownFor(Call call) {
        return true;
    }

    /** {@code k}, left out of the calls {@code shown} rejects. */
    static ArgKind onlyFor(java.util.function.Predicate<Call> shown, ArgKind k) {
        return of(k, k.phase(), k.role(), shown);
    }

    /** A kind read at exit. */
    static ArgKind atExit(ArgKind k) {
        return of(k, Phase.EXIT, k.role(), k::shownFor);
    }

    /** A kind read at entry and again at exit (see {@link Phase#ENTRY_AND_EXIT}). */
    static ArgKind atEntryAndExit(ArgKind k) {
        return of(k, Phase.ENTRY_AND_EXIT, k.role(), k::shownFor);
    }

    /** {@code k} with the role {@code role}. */
    static ArgKind withRole(Role role, ArgKind k) {
        return of(k, k.phase(), role, k::shownFor);
    }

    private static ArgKind of(ArgKind k, Phase phase, Role role, java.util.function.Predicate<Call> shown) {
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

            @Override
            public boolean shownFor(Call call) {
                return shown.test(call);
            }
        };
    }
}

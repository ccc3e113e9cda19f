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

    /** A kind read at exit. */
    static ArgKind atExit(ArgKind k) {
        return inPhase(k, Phase.EXIT);
    }

    /** A kind read at entry and again at exit (see {@link Phase#ENTRY_AND_EXIT}). */
    static ArgKind atEntryAndExit(ArgKind k) {
        return inPhase(k, Phase.ENTRY_AND_EXIT);
    }

    private static ArgKind inPhase(ArgKind k, Phase phase) {
        return new ArgKind() {
            @Override
            public Value decode(Call call, int index) {
                return k.decode(call, index);
            }

            @Override
            public Phase phase() {
                return phase;
            }
        };
    }
}

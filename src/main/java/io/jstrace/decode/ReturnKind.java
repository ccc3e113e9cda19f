package io.jstrace.decode;

import io.jstrace.model.Value;

/** How a successful return value prints ({@code = 3}, {@code = 0x5555...}, {@code = 022}). */
@FunctionalInterface
public interface ReturnKind {
    Value decode(Call call);

    /** Extra text strace prints after the value, in parentheses ({@code = 0 (Timeout)}), or null. */
    default Value detail(Call call) {
        return null;
    }

    /** A decimal return value followed by {@code (detail)} when {@code detail} gives one. */
    static ReturnKind decimalWith(java.util.function.Function<Call, Value> detail) {
        return new ReturnKind() {
            @Override
            public Value decode(Call call) {
                return Value.Num.dec(call.ret());
            }

            @Override
            public Value detail(Call call) {
                return detail.apply(call);
            }
        };
    }
}

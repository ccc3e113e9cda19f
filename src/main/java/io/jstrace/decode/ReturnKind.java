package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.List;
import java.util.function.Function;

/** How a successful return value prints ({@code = 3}, {@code = 0x5555...}, {@code = 022}). */
@FunctionalInterface
public interface ReturnKind {
    Value decode(Call call);

    /**
     * What strace prints after the value, in parentheses and comma-separated
     * ({@code = 0 (Timeout)}, {@code = 1 (in [3], left {...})}); empty for nothing.
     */
    default List<Value> details(Call call) {
        return List.of();
    }

    /**
     * An error the call's decoder reads from a return value the kernel did not mark as one
     * (strace sets u_error at exit), shown as {@code = VALUE ENAME (text)}; 0 for none.
     */
    default long errno(Call call) {
        return 0;
    }

    /** A decimal return value followed by {@code (detail)} when {@code detail} gives one (not null). */
    static ReturnKind decimalWith(Function<Call, Value> detail) {
        return decimalWithAll(c -> one(detail.apply(c)));
    }

    /** A decimal return value followed by the details {@code details} gives. */
    static ReturnKind decimalWithAll(Function<Call, List<Value>> details) {
        return new ReturnKind() {
            @Override
            public Value decode(Call call) {
                return Value.Num.dec(call.ret());
            }

            @Override
            public List<Value> details(Call call) {
                return details.apply(call);
            }
        };
    }

    /** No detail for null, else just {@code v}. */
    static List<Value> one(Value v) {
        return v == null ? List.of() : List.of(v);
    }
}

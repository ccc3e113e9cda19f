package io.jstrace.trace;

import io.jstrace.decode.ArgKind;
import io.jstrace.model.Value;

import java.util.Collections;
import java.util.List;

/** Arguments of a syscall without a signature: strace prints them in hex. */
final class RawArgs {
    private RawArgs() {}

    private static final ArgKind HEX = (c, i) -> Value.Num.hex(c.arg(i));

    static List<ArgKind> kinds(int n) {
        return Collections.nCopies(n, HEX);
    }
}

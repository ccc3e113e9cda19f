package io.jstrace.api;

import io.jstrace.model.SystemCall;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

/** Values and calls as strace's text prints them, for programs that show what they traced. */
public final class Strace {
    private Strace() {}

    private static final ValueText TEXT = new ValueText(ValueText.Hex.NONE);

    /** A value as strace prints it: {@code O_RDONLY|O_CLOEXEC}, {@code "/etc/hosts"}, {@code {st_mode=S_IFREG|0644, ...}}. */
    public static String format(Value v) {
        return TEXT.format(v);
    }

    /** A whole call as strace's line prints it, without pid or times: {@code openat(AT_FDCWD, "/etc/hosts", O_RDONLY) = 3}. */
    public static String format(SystemCall call) {
        StringBuilder sb = new StringBuilder(call.name()).append('(');
        TEXT.appendAll(sb, call.args());
        sb.append(") = ");
        TEXT.appendResult(sb, call.result());
        return sb.toString();
    }
}

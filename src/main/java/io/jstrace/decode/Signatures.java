package io.jstrace.decode;

import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The decoders of the syscalls whose table row has a signature ({@link Syscall#signature()}:
 * the return kind, then one kind per printed argument), resolved to kinds once.
 */
public final class Signatures {
    private static final Pattern SPACE = Pattern.compile(" +");
    private final Map<String, Signature> byName = new HashMap<>();

    private Signatures() {}

    /** Loaded once, by the first caller; a second thread asking meanwhile waits for it (class initialisation). */
    private static final class Standard {
        static final Signatures INSTANCE = load(SyscallTable.x86_64(), Kinds.standard());
    }

    public static Signatures standard() {
        return Standard.INSTANCE;
    }

    public static Signatures load(SyscallTable table, Kinds kinds) {
        Signatures s = new Signatures();
        for (Syscall sc : table.all()) {
            if (sc.signature() == null) {
                continue;
            }
            String[] f = SPACE.split(sc.signature());
            List<ArgKind> args = new ArrayList<>(f.length - 1);
            try {
                for (int i = 1; i < f.length; i++) {
                    args.add(kinds.arg(f[i]));
                }
                s.byName.put(sc.name(), new Signature(sc.name(), kinds.ret(f[0]), List.copyOf(args)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("syscall table: " + sc.name() + ": " + e.getMessage(), e);
            }
        }
        return s;
    }

    /** The signature of {@code name}, or null when it has none (printed raw). */
    public Signature of(String name) {
        return byName.get(name);
    }
}

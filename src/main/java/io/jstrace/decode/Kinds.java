package io.jstrace.decode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The named argument and return kinds that signature files refer to. A kind spec is
 * {@code name} or {@code name:param} (e.g. {@code flags:mmap_prot}, {@code wbuf:2}).
 */
public final class Kinds {
    private final Map<String, Function<String, ArgKind>> args = new HashMap<>();
    private final Map<String, Function<String, ReturnKind>> returns = new HashMap<>();

    private static final List<KindFamily> FAMILIES = List.of(
            new BasicKinds(), new FileKinds(), new MemoryKinds(), new ProcessKinds(), new SignalKinds(),
            new NetworkKinds(), new TimeKinds(), new IoKinds(), new MiscKinds(), new IpcKinds(), new KernelKinds(), new KeyctlKinds(),
            new SecurityKinds(), new QuotaKinds(), new MountKinds(), new IoUringKinds(), new AioKinds(),
            new PidKinds(), new PtraceKinds(), new PerfKinds(), new UserDesc(), new BpfKinds());

    public static Kinds standard() {
        Kinds k = new Kinds();
        for (KindFamily f : FAMILIES) {
            f.register(k);
        }
        return k;
    }

    /** Registers a kind that takes no parameter. */
    public void arg(String name, ArgKind kind) {
        argWithParam(name, p -> kind);
    }

    public void argWithParam(String name, Function<String, ArgKind> factory) {
        if (args.putIfAbsent(name, factory) != null) {
            throw new IllegalStateException("argument kind defined twice: " + name);
        }
    }

    public void ret(String name, ReturnKind kind) {
        retWithParam(name, p -> kind);
    }

    public void retWithParam(String name, Function<String, ReturnKind> factory) {
        if (returns.putIfAbsent(name, factory) != null) {
            throw new IllegalStateException("return kind defined twice: " + name);
        }
    }

    /** Whether an argument kind is registered under {@code name} (without its parameter). */
    public boolean knowsArg(String name) {
        return args.containsKey(name);
    }

    public ArgKind arg(String spec) {
        return resolve(args, spec, "argument");
    }

    public ReturnKind ret(String spec) {
        return resolve(returns, spec, "return");
    }

    private static <T> T resolve(Map<String, Function<String, T>> map, String spec, String what) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String param = colon < 0 ? null : spec.substring(colon + 1);
        Function<String, T> f = map.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown " + what + " kind: " + spec);
        }
        return f.apply(param);
    }
}

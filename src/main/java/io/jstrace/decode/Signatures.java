package io.jstrace.decode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Syscall signatures from the data files under {@code /io/jstrace/decode/signatures/}, one line
 * per syscall: {@code name return-kind arg-kind...}. The files are listed in {@code index}.
 */
public final class Signatures {
    private static final String DIR = "/io/jstrace/decode/signatures/";
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private final Map<String, Signature> byName = new HashMap<>();
    private final Map<String, List<String>> specsByName = new HashMap<>();

    private Signatures() {}

    /** Loaded once, by the first caller; a second thread asking meanwhile waits for it (class initialisation). */
    private static final class Standard {
        static final Signatures INSTANCE = load(Kinds.standard());
    }

    public static Signatures standard() {
        return Standard.INSTANCE;
    }

    public static Signatures load(Kinds kinds) {
        Signatures s = new Signatures();
        for (String file : lines(DIR + "index")) {
            for (String line : lines(DIR + file)) {
                String[] f = SPACE.split(line);
                List<ArgKind> args = new ArrayList<>(f.length - 2);
                try {
                    for (int i = 2; i < f.length; i++) {
                        args.add(kinds.arg(f[i]));
                    }
                    if (s.byName.put(f[0], new Signature(f[0], kinds.ret(f[1]), List.copyOf(args))) != null) {
                        throw new IllegalArgumentException("defined twice");
                    }
                    s.specsByName.put(f[0], List.of(f).subList(2, f.length));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + ": " + f[0] + ": " + e.getMessage(), e);
                }
            }
        }
        return s;
    }

    /** The signature of {@code name}, or null when it has none (printed raw). */
    public Signature of(String name) {
        return byName.get(name);
    }

    /**
     * The argument kind specs of {@code name} as the signature file spells them ({@code fd},
     * {@code path}, {@code wbuf:2}, ...), or null when it has no signature. What an argument is
     * (a path, an fd, a buffer) is read from here rather than listed again per syscall.
     */
    public List<String> argSpecs(String name) {
        return specsByName.get(name);
    }

    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Signatures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

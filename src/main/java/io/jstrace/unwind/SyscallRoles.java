package io.jstrace.unwind;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which system calls have their stack taken at entry, and which change the mappings (syscalls.tsv). */
record SyscallRoles(Set<String> atEntry, Set<String> changeMaps) {
    static final SyscallRoles STANDARD = load("syscalls.tsv");

    private static SyscallRoles load(String resource) {
        Set<String> entry = new HashSet<>();
        Set<String> maps = new HashSet<>();
        try (InputStream in = SyscallRoles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 2) {
                    throw new IllegalStateException(resource + ": expected NAME<TAB>ROLES: " + line);
                }
                for (String role : List.of(f[1].split(" "))) {
                    switch (role) {
                        case "entry" -> entry.add(f[0]);
                        case "maps" -> maps.add(f[0]);
                        default -> throw new IllegalStateException(resource + ": unknown role " + role);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SyscallRoles(Set.copyOf(entry), Set.copyOf(maps));
    }
}

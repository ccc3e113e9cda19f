package io.jstrace.unwind;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed ELF files by path and inode (as /proc/PID/maps names them), so each library is read
 * once for all processes; a file that cannot be read is remembered as such.
 */
final class ElfFiles {
    private record Key(String path, long inode) {}

    private final Map<Key, Optional<ElfFile>> files = new HashMap<>();

    /** The ELF file a mapping maps, or null (no such file, "[vdso]", " (deleted)", not ELF). */
    ElfFile of(Maps.Mapping m) {
        return files.computeIfAbsent(new Key(m.path(), m.inode()), k -> open(k.path())).orElse(null);
    }

    private static Optional<ElfFile> open(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ElfFile.open(Path.of(path)));
        } catch (IOException | UnwindException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

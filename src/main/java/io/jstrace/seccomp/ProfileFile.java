package io.jstrace.seccomp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The bytes of a profile file, read with bounds: only a regular file (a FIFO or a device such as
 * /dev/zero is refused before it is opened, so nothing blocks or grows), of at most
 * {@link #MAX_BYTES} (Docker's own profile is 13 KB).
 */
final class ProfileFile {
    static final int MAX_BYTES = 1 << 20;

    private ProfileFile() {}

    /** The contents of {@code file}; errors read {@code what 'file': reason}. */
    static byte[] read(String what, String file) throws ProfileError {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new ProfileError(what + " '" + file + "': No such file or directory");
        }
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw new ProfileError(what + " '" + file + "': Is a directory");
            }
            if (!a.isRegularFile()) {
                throw new ProfileError(what + " '" + file + "': not a regular file");
            }
            if (a.size() > MAX_BYTES) {
                throw tooLarge(what, file);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] b = in.readNBytes(MAX_BYTES + 1);
                if (b.length > MAX_BYTES) {
                    throw tooLarge(what, file); // it grew since its size was read
                }
                return b;
            }
        } catch (IOException e) {
            throw ProfileError.of(what, file, e);
        }
    }

    private static ProfileError tooLarge(String what, String file) {
        return new ProfileError(what + " '" + file + "': larger than " + (MAX_BYTES >> 20) + " MiB, not a seccomp profile");
    }
}

package io.jstrace.seccomp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** A seccomp profile that cannot be read or enforced; the message names the file and the problem. */
public final class ProfileError extends Exception {
    public ProfileError(String message) {
        super(message, null, false, false);
    }

    /** {@code what 'file': reason}, the reason worded as strerror words the usual ones. */
    static ProfileError of(String what, String file, IOException e) {
        String reason = switch (e) {
            case NoSuchFileException n -> "No such file or directory";
            case AccessDeniedException a -> "Permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage();
        };
        return new ProfileError(what + " '" + file + "': " + reason);
    }
}

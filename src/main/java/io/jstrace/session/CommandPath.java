package io.jstrace.session;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The program a command names, looked up as a shell looks it up (strace's own lookup, before it starts the command). */
final class CommandPath {
    private CommandPath() {}

    /**
     * The path to execute: {@code name} itself if it has a slash, else the first PATH entry
     * holding an executable regular file by that name.
     */
    static String resolve(String name) {
        if (name.indexOf('/') >= 0) {
            if (!Files.exists(Path.of(name))) {
                throw new IllegalArgumentException("Can't stat '" + name + "': No such file or directory");
            }
            return name;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            path = "/bin:/usr/bin";
        }
        for (String dir : path.split(":", -1)) {
            File f = new File(dir.isEmpty() ? "." : dir, name);
            if (f.isFile() && f.canExecute()) {
                return dir.isEmpty() ? name : f.getPath();
            }
        }
        throw new IllegalArgumentException("Can't stat '" + name + "': No such file or directory");
    }
}

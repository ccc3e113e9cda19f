package io.jstrace.trace;

import io.jstrace.linux.ProcDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Facts read from /proc. */
public final class Proc {
    private Proc() {}

    /** The threads of process {@code pid}, leader first; just {@code pid} if /proc cannot tell. */
    static List<Integer> threads(int pid) {
        List<Integer> out = new ArrayList<>();
        out.add(pid);
        try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of(ProcDirs.of(pid) + "/task"))) {
            for (Path p : d) {
                int tid = Integer.parseInt(p.getFileName().toString());
                if (tid != pid) {
                    out.add(tid);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process is gone or /proc is not mounted: attach reports the error.
        }
        return out;
    }

    /** The thread group (process) of thread {@code tid}; -1 if /proc cannot tell (the thread is gone). */
    public static int tgid(int tid) {
        String v = status(Integer.toString(ProcDirs.procId(tid)), "Tgid");
        return v == null ? -1 : Integer.parseInt(v);
    }

    /**
     * The value of line {@code key} of /proc/{@code dir}/status ({@code dir}: a pid, {@code self},
     * {@code PID/task/TID}), trimmed; null if /proc cannot tell (gone, no such line).
     */
    static String status(String dir, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + dir + "/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith(key) && line.length() > key.length() && line.charAt(key.length()) == ':') {
                    return line.substring(key.length() + 1).trim();
                }
            }
        } catch (IOException e) {
            // Gone: the caller decides.
        }
        return null;
    }

    /** The process of thread {@code tid}: /proc's word, or the tid itself once the thread is gone. */
    public static int processOf(int tid) {
        int pid = tgid(tid);
        return pid > 0 ? pid : tid;
    }

    /** The name the kernel keeps for thread {@code tid} (comm, at most 15 bytes); null if it is gone. */
    public static String comm(int tid) {
        try {
            String s = new String(Files.readAllBytes(Path.of(ProcDirs.of(tid) + "/comm")), StandardCharsets.UTF_8);
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * How many seccomp filters process {@code pid} runs under ({@code self} for jstrace), from
     * the {@code Seccomp_filters} line (Linux 5.9+); -1 if /proc cannot tell.
     */
    static int seccompFilters(String pid) {
        String v = status(pid, "Seccomp_filters");
        return v == null ? -1 : Integer.parseInt(v);
    }
}

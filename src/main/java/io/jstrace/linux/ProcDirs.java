package io.jstrace.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The /proc directory of a thread jstrace knows by its id in jstrace's PID namespace. /proc may
 * belong to an ancestor namespace (jstrace started by {@code unshare -pf} without a /proc of its
 * own): its directories are then named by the ancestor's ids, and the thread's is the one whose
 * NSpid line (the ids from /proc's namespace down to the thread's own) holds the thread's id at
 * jstrace's level, as strace's get_proc_pid finds it. Found directories are remembered and
 * checked again on each use (ids are reused).
 */
public final class ProcDirs {
    private ProcDirs() {}

    /** Where jstrace's ids are in NSpid lines: 0 when /proc is of jstrace's namespace. */
    private static final int LEVEL = Math.max(0, nsPids("self").length - 1);
    private static final Map<Integer, Integer> FOUND = new ConcurrentHashMap<>();

    /** Where jstrace's own ids are in the NSpid, NStgid, NSpgid and NSsid lines of /proc's status files. */
    public static int level() {
        return LEVEL;
    }

    /** {@code /proc/ID} for thread {@code tid} of jstrace's namespace ({@code /proc/0}, which no read finds, if none). */
    public static String of(int tid) {
        return "/proc/" + procId(tid);
    }

    /** The id /proc names thread {@code tid} of jstrace's namespace by; 0 if none. */
    public static int procId(int tid) {
        if (LEVEL == 0 || tid <= 0) {
            return tid;
        }
        Integer cached = FOUND.get(tid);
        if (cached != null && ours(cached.toString()) == tid) {
            return cached;
        }
        FOUND.remove(tid);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
                    for (Path task : tasks) {
                        String id = task.getFileName().toString();
                        if (ours(id) == tid) {
                            FOUND.put(tid, Integer.parseInt(id));
                            return Integer.parseInt(id);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // The process went away while listed.
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The id at jstrace's level of the thread /proc names {@code id}; 0 if none (gone, not of jstrace's namespace). */
    private static int ours(String id) {
        int[] ids = nsPids(id);
        return ids.length > LEVEL ? ids[LEVEL] : 0;
    }

    /** The NSpid line of /proc/DIR/status; empty when not readable. */
    private static int[] nsPids(String dir) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + dir + "/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("NSpid:")) {
                    String[] words = line.substring(6).trim().split("\\s+");
                    int[] ids = new int[words.length];
                    for (int i = 0; i < words.length; i++) {
                        ids[i] = Integer.parseInt(words[i]);
                    }
                    return ids;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone or unreadable.
        }
        return new int[0];
    }
}

package io.jstrace.trace;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.Pids;
import io.jstrace.linux.ProcDirs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Pids read from /proc, as strace's pidns.c does: a tracee in the tracer's PID namespace sees the
 * tracer's pids; one in another namespace names processes by their ids there, which the NSpid,
 * NStgid, NSpgid and NSsid lines of /proc/PID/status list from /proc's namespace (first) down to
 * the process's own (last). A translation is found by scanning /proc (and each process's tasks)
 * for a process of the tracee's namespace holding that id, and remembered (and checked again on
 * each use). /proc may belong to an ancestor of the tracer's namespace: ids are then taken at the
 * tracer's level ({@link ProcDirs}). Limitation: only processes whose own namespace is the tracee's are searched,
 * not those of namespaces nested below it (strace walks them with NS_GET_PARENT).
 */
public final class ProcPids implements Pids {
    private static final Path PROC = Path.of("/proc");
    private static final String[] KEYS = {"NSpid", "NStgid", "NSpgid", "NSsid"};

    private final String ourNs = namespace("self");
    /** Where the tracer's ids are in the NS* lines: 0 when /proc is of the tracer's namespace. */
    private final int ourLevel = ProcDirs.level();
    /** (namespace, type, id) to the /proc directory of the process found for it. */
    private final Map<String, String> found = new HashMap<>();

    private ProcPids() {}

    /**
     * /proc's answers where {@code options} ask for names or translations, or for the paths of
     * another process's fds (kcmp's, by a pid of the caller's namespace), else {@link Pids#NONE}.
     */
    public static Pids forOptions(DecodeOptions options) {
        return options.pidComm() || options.pidNs() || options.fdDetail() > 0 ? new ProcPids() : Pids.NONE;
    }

    @Override
    public int translate(int tid, int pid, Type type) {
        if (pid <= 0) {
            return 0;
        }
        int traceeDir = ProcDirs.procId(tid);
        String ns = traceeDir <= 0 ? null : namespace(Integer.toString(traceeDir));
        if (ns == null || ns.equals(ourNs)) {
            return ns == null ? 0 : pid;
        }
        String dir = find(ns + ' ' + type + ' ' + pid, d -> ours(d, ns, pid, type));
        return dir == null ? 0 : ours(dir, ns, pid, type);
    }

    @Override
    public String comm(int pid) {
        String name = Proc.comm(pid);
        return name == null || name.isEmpty() ? null : name;
    }

    /**
     * The /proc directory ({@code PID/task/TID}) for which {@code match} gives an id, the one
     * remembered under {@code key} if it still matches; null if none.
     */
    private String find(String key, ToIntFunction<String> match) {
        String cached = found.get(key);
        if (cached != null && match.applyAsInt(cached) != 0) {
            return cached;
        }
        found.remove(key);
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path proc : procs) {
                for (Path task : tasks(proc)) {
                    String dir = proc.getFileName() + "/task/" + task.getFileName();
                    if (match.applyAsInt(dir) != 0) {
                        found.put(key, dir);
                        return dir;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The tracer's id of the process of /proc/DIR if it is of namespace {@code ns} and has {@code id} there; else 0. */
    private int ours(String dir, String ns, int id, Type type) {
        if (!ns.equals(namespace(dir))) {
            return 0;
        }
        int[] ids = ids(dir, KEYS[type.ordinal()]);
        if (ids.length <= ourLevel) {
            return 0;
        }
        return ids[ids.length - 1] == id ? ids[ourLevel] : 0;
    }

    private static List<Path> tasks(Path proc) {
        try (var s = Files.list(proc.resolve("task"))) {
            return s.toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The ids on line {@code key} of /proc/DIR/status; empty when not readable. */
    private static int[] ids(String dir, String key) {
        String v = Proc.status(dir, key);
        if (v == null || v.isEmpty()) {
            return new int[0];
        }
        String[] words = v.split("\\s+");
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = Integer.parseInt(words[i]);
        }
        return ids;
    }

    /** /proc/DIR/ns/pid's target ({@code pid:[4026531836]}), null when not readable. */
    private static String namespace(String dir) {
        try {
            return Files.readSymbolicLink(PROC.resolve(dir + "/ns/pid")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

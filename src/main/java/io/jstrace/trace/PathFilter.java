package io.jstrace.trace;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Role;
import io.jstrace.decode.Signature;
import io.jstrace.decode.Signatures;
import io.jstrace.linux.TraceeMemory;
import io.jstrace.syscalls.Syscall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * -P PATH: only the calls that touch one of the paths, as strace's pathtrace decides at syscall
 * entry. A call touches a path through a path argument equal to it, or an fd argument whose
 * /proc/TID/fd link is it (select's fd sets and poll's pollfd array included). Which arguments are
 * paths or fds is what their kinds' {@link Role}s say; calls without a signature are tested as strace
 * tests the calls it has no special case for: the first argument, a path for %file calls, an fd
 * for %desc and %network ones. Calls outside those three classes never match.
 */
public final class PathFilter {
    private static final int MAX_FDS = 1024 * 1024;

    /** A requested path that realpath(3) turned into another one: both are traced. */
    public record Resolution(String requested, String resolved) {}

    /** One argument test: what the argument is, where it is, and in which calls (null: all). */
    private record Check(Kind kind, int arg, Predicate<long[]> when) {}

    private enum Kind { PATH, FD, FD_SET, POLL_FDS }

    private final Set<String> paths;
    private final List<Resolution> resolutions;
    private final Signatures signatures = Signatures.standard();
    private final List<List<Check>> plans = new ArrayList<>();

    private PathFilter(Set<String> paths, List<Resolution> resolutions) {
        this.paths = paths;
        this.resolutions = resolutions;
    }

    /** The filter for {@code requested} paths (in the tracer's encoding, one char per byte), each also by its real path. */
    public static PathFilter of(List<String> requested) {
        Set<String> paths = new LinkedHashSet<>();
        List<Resolution> resolutions = new ArrayList<>();
        for (String p : requested) {
            paths.add(p);
            String real = realPath(p);
            if (real != null && !real.equals(p)) {
                resolutions.add(new Resolution(p, real));
                paths.add(real);
            }
        }
        return new PathFilter(paths, List.copyOf(resolutions));
    }

    private static String realPath(String p) {
        try {
            return Path.of(p).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return null; // realpath(3) failed: strace traces the path as given
        }
    }

    /** What strace reports as "Requested path ... resolved into ...", in command-line order. */
    public List<Resolution> resolutions() {
        return resolutions;
    }

    /** Whether the call of {@code sc} that thread {@code tid} enters with {@code args} touches a traced path. */
    public boolean matches(int tid, Syscall sc, long[] args, TraceeMemory memory) {
        if (sc == null) {
            return false;
        }
        for (Check c : plan(sc)) {
            if (c.when() != null && !c.when().test(args)) {
                continue;
            }
            boolean hit = switch (c.kind()) {
                case PATH -> pathAt(tid, args[c.arg()], memory);
                case FD -> fd(tid, (int) args[c.arg()]);
                case FD_SET -> fdSet(tid, (int) args[0], args[c.arg()], memory);
                case POLL_FDS -> pollFds(tid, args[c.arg()], args[c.arg() + 1] & 0xffffffffL, memory);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private List<Check> plan(Syscall sc) {
        while (plans.size() <= sc.number()) {
            plans.add(null);
        }
        List<Check> p = plans.get(sc.number());
        if (p == null) {
            p = derive(sc);
            plans.set(sc.number(), p);
        }
        return p;
    }

    private List<Check> derive(Syscall sc) {
        if (!sc.inClass("file") && !sc.inClass("desc") && !sc.inClass("network")) {
            return List.of();
        }
        Signature sig = signatures.of(sc.name());
        if (sig == null) {
            return List.of(new Check(sc.inClass("file") ? Kind.PATH : Kind.FD, 0, null));
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < sig.args().size(); i++) {
            Role role = sig.args().get(i).role();
            Predicate<long[]> when = role instanceof Role.When w ? w.applies() : null;
            Kind kind = switch (role instanceof Role.When w ? w.role() : role) {
                case Role.When w -> null; // not nested
                case Role.Path p -> Kind.PATH;
                case Role.Fd f -> Kind.FD;
                case Role.FdSet s -> Kind.FD_SET;
                case Role.PollFds p -> Kind.POLL_FDS;
                case Role.None n -> null;
                case Role.Data d -> null;
            };
            if (kind != null) {
                checks.add(new Check(kind, i, when));
            }
        }
        return List.copyOf(checks);
    }

    private boolean pathAt(int tid, long addr, TraceeMemory memory) {
        if (addr == 0) {
            return false;
        }
        TraceeMemory.CString s = memory.readCString(tid, addr, Decode.PATH_MAX);
        return s != null && s.terminated() && paths.contains(new String(s.bytes(), StandardCharsets.ISO_8859_1));
    }

    /** The fd's path as strace's getfdpath has it: the /proc link, " (deleted)" dropped when the file is gone. */
    private boolean fd(int tid, int fd) {
        FdTable.Target t = FdTable.target(tid, fd);
        return t != null && paths.contains(t.path());
    }

    /** select/pselect6: every fd set in one of the sets, below {@code nfds}. */
    private boolean fdSet(int tid, int nfds, long addr, TraceeMemory memory) {
        if (nfds <= 0 || addr == 0) {
            return false;
        }
        int n = Math.min(nfds, MAX_FDS);
        byte[] bits = memory.readFully(tid, addr, ((n + 7) / 8 + 7) & ~7);
        if (bits == null) {
            return false;
        }
        for (int fd = 0; fd < n; fd++) {
            if ((bits[fd >> 3] & (1 << (fd & 7))) != 0 && fd(tid, fd)) {
                return true;
            }
        }
        return false;
    }

    /** poll/ppoll: the fd of each struct pollfd (8 bytes: fd, events, revents). */
    private boolean pollFds(int tid, long addr, long count, TraceeMemory memory) {
        long n = Math.min(count, MAX_FDS);
        for (long i = 0; i < n; i++) {
            byte[] b = memory.readFully(tid, addr + 8 * i, 4);
            if (b == null) {
                return false;
            }
            if (fd(tid, new Bytes(b).s32(0))) {
                return true;
            }
        }
        return false;
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** select/pselect6: fd_set bitmaps as {@code [3 4]}, and the ready sets and time left after the result. */
final class SelectDecoder {
    private SelectDecoder() {}

    /** strace reads at most this many fds of a set (its own FD_SETSIZE-independent cap). */
    static final int MAX_FDS = 1024 * 1024;
    static final String[] SET_NAMES = {"in", "out", "except"};

    /** The fd count the kernel uses: the first argument as an int, negative as 0, capped. */
    private static int nfds(Call c) {
        return Math.min(Math.max(c.intArg(0), 0), MAX_FDS);
    }

    /** The bytes of a set of {@code nfds} fds: whole longs, as the kernel reads them. */
    private static int setBytes(int nfds) {
        return ((nfds + 7) / 8 + 7) & -8;
    }

    /** A set at entry: the address when -e verbose= hides structs, nfds is 0, or it is unreadable. */
    static Value set(Call c, long addr) {
        int nfds = nfds(c);
        int size = setBytes(nfds);
        Bytes b = size == 0 ? null : Decode.struct(c, addr, size);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value> fds = new ArrayList<>();
        for (int fd : bits(b, nfds)) {
            fds.add(Decode.fd(c, fd));
        }
        return new Value.BitSet(fds, false);
    }

    static List<Integer> bits(Bytes b, int nfds) {
        List<Integer> out = new ArrayList<>();
        int n = Math.min(nfds, b.length() * 8);
        for (int i = 0; i < n; i++) {
            if ((b.u8(i / 8) >> (i % 8) & 1) != 0) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * {@code in [3], out [4], left {...}} (as many fds as the call says are ready), or
     * {@code Timeout}; strace prints {@code ()} when the sets, read back, hold none.
     */
    static List<Value> detail(Call c, Value left) {
        if (c.ret() == 0) {
            return List.of(new Value.Note("Timeout"));
        }
        int nfds = nfds(c);
        List<Value> parts = new ArrayList<>();
        long ready = c.ret();
        for (int i = 0; i < 3 && ready > 0; i++) {
            long addr = c.arg(i + 1);
            // The ready sets after the result are read even where -e verbose= hides the arguments.
            byte[] raw = addr == 0 ? null : c.memory.readFully(c.tid, addr, setBytes(nfds));
            if (raw == null) {
                continue;
            }
            List<Value> fds = new ArrayList<>();
            for (int fd : bits(new Bytes(raw), nfds)) {
                fds.add(Decode.dec(fd));
                if (--ready == 0) {
                    break;
                }
            }
            if (!fds.isEmpty()) {
                parts.add(new Value.Labeled(SET_NAMES[i], new Value.BitSet(fds, false)));
            }
        }
        if (left != null) {
            parts.add(new Value.Labeled("left", left));
        }
        return parts.isEmpty() ? List.of(new Value.Note("")) : parts;
    }
}

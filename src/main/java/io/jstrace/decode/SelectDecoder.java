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

    static Bytes read(Call c, long addr, int nfds) {
        if (addr == 0 || nfds <= 0) {
            return null;
        }
        int bytes = ((Math.min(nfds, MAX_FDS) + 63) / 64) * 8;
        if (c.exited()) {
            // The ready sets after the result are read even where -e verbose= hides the arguments.
            byte[] b = c.memory.readFully(c.tid, addr, bytes);
            return b == null ? null : new Bytes(b);
        }
        return Decode.struct(c, addr, bytes);
    }

    static Value set(Call c, long addr) {
        int nfds = c.intArg(0);
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        if (nfds < 0) {
            return Decode.ptr(addr);
        }
        if (nfds == 0) {
            return new Value.BitSet(List.of(), false);
        }
        Bytes b = read(c, addr, nfds);
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

    /** {@code in [3], out [4], left {...}} or {@code Timeout}. */
    static List<Value> detail(Call c, Value left) {
        if (c.ret() == 0) {
            return List.of(new Value.Note("Timeout"));
        }
        int nfds = c.intArg(0);
        List<Value> parts = new ArrayList<>();
        long ready = c.ret();
        for (int i = 0; i < 3 && ready > 0; i++) {
            Bytes b = read(c, c.arg(i + 1), nfds);
            if (b == null) {
                continue;
            }
            List<Value> fds = new ArrayList<>();
            for (int fd : bits(b, nfds)) {
                if (ready-- <= 0) {
                    break;
                }
                fds.add(Decode.dec(fd));
            }
            if (!fds.isEmpty()) {
                parts.add(new Value.Labeled(SET_NAMES[i], new Value.BitSet(fds, false)));
            }
        }
        if (left != null) {
            parts.add(new Value.Labeled("left", left));
        }
        return parts;
    }
}

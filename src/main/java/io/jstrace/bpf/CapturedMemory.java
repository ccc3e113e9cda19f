package io.jstrace.bpf;

import io.jstrace.linux.TraceeMemory;

import java.util.Arrays;
import java.util.List;

/**
 * A tracee's memory as the BPF programs captured it at one call: the decoders read it as they
 * read a live process. Until {@link #atExit} only what was read at entry is seen; after, what was
 * read at exit comes first. What was not captured reads as unreadable (the decoders print the address).
 */
final class CapturedMemory implements TraceeMemory {
    private List<Record.Region> entry;
    private List<Record.Region> exit = List.of();
    private boolean atExit;

    CapturedMemory(List<Record.Region> regions) {
        this.entry = of(regions, Layout.AT_ENTRY);
    }

    /** From now on the exit's regions; entry regions the entry record did not have (reads retried at exit) are added. */
    void atExit(List<Record.Region> regions) {
        exit = of(regions, Layout.AT_EXIT);
        if (entry.isEmpty()) {
            entry = of(regions, Layout.AT_ENTRY);
        }
        atExit = true;
    }

    /** The regions read in {@code phase}. A loop: this runs for every call, where most have no region at all. */
    private static List<Record.Region> of(List<Record.Region> regions, int phase) {
        if (regions.isEmpty()) {
            return List.of();
        }
        List<Record.Region> out = new java.util.ArrayList<>(regions.size());
        for (Record.Region r : regions) {
            if (r.phase() == phase) {
                out.add(r);
            }
        }
        return out;
    }

    private Record.Region find(long addr) {
        if (atExit) {
            Record.Region r = find(exit, addr);
            if (r != null) {
                return r;
            }
        }
        return find(entry, addr);
    }

    /** The region that starts at {@code addr}, else one that holds it (envp may lie inside argv's array). */
    private static Record.Region find(List<Record.Region> regions, long addr) {
        Record.Region holding = null;
        for (Record.Region r : regions) {
            if (r.address() == addr && r.data().length > 0) {
                return r;
            }
            if (holding == null && addr - r.address() > 0 && addr - r.address() < r.data().length) {
                holding = r;
            }
        }
        return holding;
    }

    @Override
    public byte[] read(int pid, long addr, int len) {
        if (len <= 0) {
            return new byte[0];
        }
        Record.Region r = find(addr);
        if (r == null) {
            return null;
        }
        int from = (int) (addr - r.address());
        byte[] d = r.data();
        // A string region's NUL was read; bytes past it were not.
        return Arrays.copyOfRange(d, from, from + Math.min(len, d.length - from));
    }

    @Override
    public CString readCString(int pid, long addr, int max) {
        Record.Region r = find(addr);
        if (r == null) {
            return null;
        }
        byte[] d = r.data();
        int from = (int) (addr - r.address());
        for (int i = from; i < d.length && i - from <= max; i++) {
            if (d[i] == 0) {
                return i - from > max ? new CString(Arrays.copyOfRange(d, from, from + max), false)
                        : new CString(Arrays.copyOfRange(d, from, i), true);
            }
        }
        // No NUL: longer than max if more than max bytes were read, else unknown (not captured).
        return d.length - from > max ? new CString(Arrays.copyOfRange(d, from, from + max), false) : null;
    }

    @Override
    public long[] readWords(int pid, long addr, int max) {
        Record.Region r = find(addr);
        if (r == null) {
            return new long[0];
        }
        byte[] d = r.data();
        int from = (int) (addr - r.address());
        int n = Math.min(max, (d.length - from) / 8);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long v = 0;
            for (int j = 7; j >= 0; j--) {
                v = (v << 8) | (d[from + 8 * i + j] & 0xff);
            }
            out[i] = v;
            if (v == 0) {
                return Arrays.copyOf(out, i + 1);
            }
        }
        return out;
    }
}

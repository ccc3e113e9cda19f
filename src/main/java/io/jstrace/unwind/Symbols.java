package io.jstrace.unwind;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The function symbols of an ELF file (.symtab and .dynsym, in section order), looked up as
 * libunwind does for strace: the nearest FUNC symbol at or below the address, whatever its
 * size, the first one seen winning a tie, and nothing if it is a file's length away or more.
 */
final class Symbols {
    private static final int STT_FUNC = 2, SYM_SIZE = 24;

    /** A symbol found for an address: its name and the address's distance from it. */
    record Hit(String name, long offset) {}

    private final ByteBuffer bytes;
    private final long fileSize;
    /** Sorted by value, one entry per value. */
    private final long[] values;
    /** File offsets of the names, parallel to {@link #values}. */
    private final long[] names;

    private Symbols(ByteBuffer bytes, long fileSize, long[] values, long[] names) {
        this.bytes = bytes;
        this.fileSize = fileSize;
        this.values = values;
        this.names = names;
    }

    static Symbols of(ElfFile elf) {
        ByteBuffer b = elf.bytes();
        List<long[]> found = new ArrayList<>();
        List<ElfFile.Section> sections = elf.sections();
        for (ElfFile.Section s : sections) {
            if ((s.type() != ElfFile.SHT_SYMTAB && s.type() != ElfFile.SHT_DYNSYM)
                    || s.link() < 0 || s.link() >= sections.size()) {
                continue;
            }
            long strtab = sections.get(s.link()).offset();
            long end = Math.min(s.offset() + s.size(), elf.size());
            for (long p = s.offset(); p + SYM_SIZE <= end; p += SYM_SIZE) {
                int at = (int) p;
                int info = b.get(at + 4);
                int shndx = Short.toUnsignedInt(b.getShort(at + 6));
                if ((info & 0xf) == STT_FUNC && shndx != 0) {
                    found.add(new long[] {b.getLong(at + 8), strtab + Integer.toUnsignedLong(b.getInt(at))});
                }
            }
        }
        // A stable sort keeps the first symbol seen at each value first; later ones are dropped.
        found.sort((x, y) -> Long.compareUnsigned(x[0], y[0]));
        long[] values = new long[found.size()];
        long[] names = new long[found.size()];
        int n = 0;
        for (long[] e : found) {
            if (n == 0 || values[n - 1] != e[0]) {
                values[n] = e[0];
                names[n++] = e[1];
            }
        }
        return new Symbols(b, elf.size(), Arrays.copyOf(values, n), Arrays.copyOf(names, n));
    }

    /** The symbol for file address {@code addr} (the ELF's own addresses, before loading), or null. */
    Hit lookup(long addr) {
        int lo = 0, hi = values.length - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(values[mid], addr) <= 0) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best < 0 || Long.compareUnsigned(addr - values[best], fileSize) >= 0) {
            return null;
        }
        return new Hit(name(names[best]), addr - values[best]);
    }

    private String name(long offset) {
        if (offset >= bytes.limit()) {
            return "";
        }
        int start = (int) offset;
        int end = start;
        while (end < bytes.limit() && bytes.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - start];
        bytes.get(start, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}

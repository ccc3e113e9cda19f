package io.jstrace.unwind;

import java.util.HashMap;
import java.util.Map;

/**
 * An ELF file's .eh_frame, found through .eh_frame_hdr's sorted table of (start address, FDE)
 * pairs. Addresses here are the file's own (before loading). CIEs are parsed once.
 */
final class EhFrame {
    /** The only table encoding libunwind searches: 4-byte signed offsets from the header. */
    private static final int TABLE_ENCODING = Cursor.PE_DATAREL | Cursor.PE_SDATA4;

    /** A Common Information Entry: what its FDEs share. */
    record Cie(long codeAlign, long dataAlign, int returnRegister, int fdeEncoding, boolean signalFrame,
               boolean augmented, int instructions, int end, long vaddrDelta) {}

    /** A Frame Description Entry: the code range [start, end) and its CFA program. */
    record Fde(Cie cie, long start, long end, int instructions, int instructionsEnd, long vaddrDelta) {}

    private final ElfFile elf;
    private final long hdr;
    private final int table;
    private final int count;
    private final Map<Integer, Cie> cies = new HashMap<>();

    EhFrame(ElfFile elf, long hdrVaddr) throws UnwindException {
        this.elf = elf;
        this.hdr = hdrVaddr;
        long off = elf.offsetOf(hdrVaddr);
        if (off < 0) {
            throw new UnwindException("no .eh_frame_hdr in the file");
        }
        Cursor c = new Cursor(elf.bytes(), elf.checked(off, 4), hdrVaddr - off);
        int version = c.u8();
        int framePtrEnc = c.u8();
        int countEnc = c.u8();
        int tableEnc = c.u8();
        if (version != 1) {
            throw new UnwindException(".eh_frame_hdr version " + version);
        }
        c.pointer(framePtrEnc, hdrVaddr);
        if (countEnc == Cursor.PE_OMIT || tableEnc != TABLE_ENCODING) {
            this.count = 0;
        } else {
            this.count = (int) Math.min(Integer.MAX_VALUE / 8, c.pointer(countEnc, hdrVaddr));
        }
        this.table = c.pos;
        elf.checked(table, 8L * count);
    }

    /** The FDE covering file address {@code pc}, or null if none does. */
    Fde find(long pc) throws UnwindException {
        int lo = 0, hi = count - 1, best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long start = hdr + elf.bytes().getInt(table + 8 * mid);
            if (start <= pc) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best < 0) {
            return null;
        }
        Fde fde = fde(hdr + elf.bytes().getInt(table + 8 * best + 4));
        return pc >= fde.start() && pc < fde.end() ? fde : null;
    }

    private Fde fde(long vaddr) throws UnwindException {
        long off = elf.offsetOf(vaddr);
        if (off < 0) {
            throw new UnwindException("FDE outside the file");
        }
        long delta = vaddr - off;
        Cursor c = new Cursor(elf.bytes(), elf.checked(off, 4), delta);
        int end = entryEnd(c);
        int idAt = c.pos;
        long cieOffset = idAt - c.u32();
        Cie cie = cie(elf.checked(cieOffset, 4), delta);
        long start = c.pointer(cie.fdeEncoding(), 0);
        long range = c.pointer(cie.fdeEncoding() & 0x0f, 0);
        if (cie.augmented()) {
            // 'z' augmentation: the FDE's augmentation data (an LSDA pointer) is skipped by length.
            long len = c.uleb();
            c.pos = elf.checked(c.pos + len, 0);
        }
        return new Fde(cie, start, start + range, c.pos, end, delta);
    }

    /** Reads an entry's length and returns where the entry ends; 64-bit DWARF lengths are refused. */
    private int entryEnd(Cursor c) throws UnwindException {
        long len = c.u32();
        if (len == 0xffffffffL || len == 0) {
            throw new UnwindException("unsupported .eh_frame entry");
        }
        return elf.checked(c.pos + len, 0);
    }

    private Cie cie(int off, long delta) throws UnwindException {
        Cie known = cies.get(off);
        if (known != null) {
            return known;
        }
        Cursor c = new Cursor(elf.bytes(), off, delta);
        int end = entryEnd(c);
        if (c.u32() != 0) {
            throw new UnwindException("FDE does not point to a CIE");
        }
        int version = c.u8();
        String aug = c.cString();
        if (aug.contains("eh")) {
            c.u64();
        }
        long codeAlign = c.uleb();
        long dataAlign = c.sleb();
        int ra = version == 1 ? c.u8() : (int) c.uleb();
        int fdeEncoding = Cursor.PE_ABSPTR;
        boolean signal = false;
        boolean z = aug.startsWith("z");
        if (z) {
            long len = c.uleb();
            int dataEnd = elf.checked(c.pos + len, 0);
            for (char ch : aug.substring(1).toCharArray()) {
                switch (ch) {
                    case 'R' -> fdeEncoding = c.u8();
                    case 'L' -> c.u8();
                    case 'P' -> c.pointer(c.u8() & 0x0f, 0);
                    case 'S' -> signal = true;
                    default -> { } // e.g. 'B' (aarch64): no data; anything later is skipped by length
                }
            }
            c.pos = dataEnd;
        } else if (!aug.isEmpty() && !aug.equals("eh")) {
            throw new UnwindException("CIE augmentation " + aug);
        }
        Cie cie = new Cie(codeAlign, dataAlign, ra, fdeEncoding, signal, z, c.pos, end, delta);
        cies.put(off, cie);
        return cie;
    }
}

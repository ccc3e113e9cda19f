package io.jstrace.unwind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A 64-bit little-endian ELF file, mapped read-only: its loadable segments, its unwind table
 * (.eh_frame_hdr and .eh_frame) and its function symbols, the last two parsed on first use.
 */
final class ElfFile {
    private static final int PT_LOAD = 1, PT_GNU_EH_FRAME = 0x6474e550;
    static final int SHT_SYMTAB = 2, SHT_DYNSYM = 11;

    /** A PT_LOAD program header. */
    record Segment(long offset, long vaddr, long fileSize) {}

    /** A section header, as far as symbol tables need one. */
    record Section(int type, long offset, long size, int link, long entSize) {}

    private final ByteBuffer bytes;
    private final List<Segment> loads = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private long ehFrameHdr = -1;
    private EhFrame ehFrame;
    private Symbols symbols;

    private ElfFile(ByteBuffer bytes) throws UnwindException {
        this.bytes = bytes.order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.limit() < 64 || bytes.getInt(0) != 0x464c457f || bytes.get(4) != 2 || bytes.get(5) != 1) {
            throw new UnwindException("not a 64-bit little-endian ELF file");
        }
        long phoff = bytes.getLong(32);
        long shoff = bytes.getLong(40);
        int phentsize = Short.toUnsignedInt(bytes.getShort(54));
        int phnum = Short.toUnsignedInt(bytes.getShort(56));
        int shentsize = Short.toUnsignedInt(bytes.getShort(58));
        int shnum = Short.toUnsignedInt(bytes.getShort(60));
        for (int i = 0; i < phnum; i++) {
            int p = checked(phoff + (long) i * phentsize, 56);
            int type = bytes.getInt(p);
            if (type == PT_LOAD) {
                loads.add(new Segment(bytes.getLong(p + 8), bytes.getLong(p + 16), bytes.getLong(p + 32)));
            } else if (type == PT_GNU_EH_FRAME) {
                ehFrameHdr = bytes.getLong(p + 16);
            }
        }
        for (int i = 0; shoff != 0 && i < shnum; i++) {
            int s = checked(shoff + (long) i * shentsize, 64);
            sections.add(new Section(bytes.getInt(s + 4), bytes.getLong(s + 24), bytes.getLong(s + 32),
                    bytes.getInt(s + 40), bytes.getLong(s + 56)));
        }
    }

    static ElfFile open(Path path) throws IOException, UnwindException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                throw new UnwindException("ELF file too large");
            }
            return new ElfFile(ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()));
        }
    }

    /** Checks that [offset, offset+len) lies in the file and returns offset as an int. */
    int checked(long offset, long len) throws UnwindException {
        if (offset < 0 || len < 0 || offset + len > bytes.limit()) {
            throw new UnwindException("truncated ELF file");
        }
        return (int) offset;
    }

    ByteBuffer bytes() {
        return bytes;
    }

    long size() {
        return bytes.limit();
    }

    List<Section> sections() {
        return sections;
    }

    /** The PT_LOAD segment that starts at {@code offset} in the file, as libunwind matches a mapping to one. */
    Segment loadAtOffset(long offset) {
        for (Segment s : loads) {
            if (s.offset() == offset) {
                return s;
            }
        }
        return null;
    }

    /** The file offset holding address {@code vaddr}, or -1 if no segment has it in the file. */
    long offsetOf(long vaddr) {
        for (Segment s : loads) {
            if (vaddr >= s.vaddr() && vaddr - s.vaddr() < s.fileSize()) {
                return s.offset() + (vaddr - s.vaddr());
            }
        }
        return -1;
    }

    /** The unwind table, or null if the file has no .eh_frame_hdr (libunwind then has no CFI either). */
    EhFrame ehFrame() throws UnwindException {
        if (ehFrame == null && ehFrameHdr >= 0) {
            ehFrame = new EhFrame(this, ehFrameHdr);
        }
        return ehFrame;
    }

    Symbols symbols() {
        if (symbols == null) {
            symbols = Symbols.of(this);
        }
        return symbols;
    }
}

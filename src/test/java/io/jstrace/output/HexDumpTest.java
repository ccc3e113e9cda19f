package io.jstrace.output;

import io.jstrace.model.Event;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** strace's dump lines, byte for byte (the expected lines are strace 6.1's output). */
class HexDumpTest {
    private static String dump(Event.DumpPart... parts) {
        StringBuilder sb = new StringBuilder();
        HexDump.append(sb, 42, List.of(parts));
        return sb.toString();
    }

    private static Event.DumpPart data(String s) {
        return new Event.DumpPart.Data(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void shortAndFullLines() {
        assertEquals(" | 00000  68 65 6c 6c 6f 0a                                 hello.           |\n",
                dump(data("hello\n")));
        assertEquals("""
                 | 00000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  0123456789abcdef |
                 | 00010  67 68 69 6a 6b 6c 6d 6e  6f 70 71 72 73 74 75 76  ghijklmnopqrstuv |
                 | 00020  77 78 79 7a 01 ff 0a                              wxyz...          |
                """, dump(data("0123456789abcdefghijklmnopqrstuvwxyz\001\377\n")));
    }

    @Test
    void buffersAndVectors() {
        assertEquals("""
                 = 1 buffers in vector 0
                 * 2 bytes in buffer 0
                 | 00000  61 62                                             ab               |
                """, dump(new Event.DumpPart.Vector(0, 1), new Event.DumpPart.Buffer(0, 2), data("ab")));
    }

    /** Past 1 MiB the offset takes as many digits as the last offset needs. */
    @Test
    void wideOffsets() {
        String out = dump(new Event.DumpPart.Data(new byte[(1 << 20) + 1]));
        assertTrue(out.startsWith(" | 000000  00 00"), out.substring(0, 40));
        assertTrue(out.endsWith(" | 100000  00                                                .                |\n"));
    }

    /**
     * A buffer whose last chunk cannot be read: what was read (its offsets as wide as the whole
     * buffer needs), then strace's line for the chunk, with the tracee's pid and the chunk's address.
     */
    @Test
    void unreadableEnd() {
        String out = dump(new Event.DumpPart.Data(new byte[1 << 20]), new Event.DumpPart.Unreadable((1 << 20) + 1, 1, 0x7f0000100000L));
        assertTrue(out.startsWith(" | 000000  00 00"), out.substring(0, 40));
        assertTrue(out.endsWith(" | 0ffff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  ................ |\n"
                + " | <Cannot fetch 1 byte from pid 42 @0x7f0000100000>\n"), out.substring(out.length() - 200));
        assertEquals(" | 00000  61 62                                             ab               |\n"
                + " | <Cannot fetch 2 bytes from pid 42 @0x10002>\n",
                dump(data("ab"), new Event.DumpPart.Unreadable(4, 2, 0x10002)));
    }
}

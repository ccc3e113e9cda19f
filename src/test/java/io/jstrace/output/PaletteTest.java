package io.jstrace.output;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PaletteTest {
    private static final String ESC = "\033[";

    /** A run with an interleaved call, a failure, a signal and both kinds of end. */
    private static final List<Event> EVENTS = List.of(
            new Event.Attached(10, 10, 0, Event.How.STARTED),
            new Event.Attached(11, 11, 0, Event.How.FOLLOWED),
            new Event.SyscallEntry(10, 10, 0, 257, "openat", List.of(new Value.Sym("AT_FDCWD", -100),
                    new Value.Str("/nonexistent".getBytes(StandardCharsets.US_ASCII), false),
                    new Value.Flags(List.of("O_RDONLY"), 0, Value.Radix.HEX, 0)), Event.Rest.NONE, Event.NO_IP),
            new Event.SyscallExit(10, 10, 0, 257, "openat", List.of(), new Event.Result.Failure(2, "ENOENT", "No such file or directory"), 0, -1, Event.Tampered.NONE, Event.NO_IP),
            new Event.SyscallEntry(10, 10, 0, 0, "read", List.of(new Value.Fd(0, null, null)), Event.Rest.ARGUMENTS, Event.NO_IP),
            new Event.SyscallEntry(11, 11, 0, 1, "write", List.of(new Value.Fd(1, null, null),
                    new Value.Str("hi\n".getBytes(StandardCharsets.US_ASCII), false), Value.Num.dec(3)), Event.Rest.NONE, Event.NO_IP),
            new Event.SyscallExit(11, 11, 0, 1, "write", List.of(), new Event.Result.Success(Value.Num.dec(3)), 0, -1, Event.Tampered.NONE, Event.NO_IP),
            new Event.SyscallExit(10, 10, 0, 0, "read", List.of(new Value.Str("x".getBytes(StandardCharsets.US_ASCII), true),
                    Value.Num.dec(1)), new Event.Result.Success(Value.Num.dec(1)), 0, -1, Event.Tampered.NONE, Event.NO_IP),
            new Event.Signal(10, 10, 0, 17, null, Event.NO_IP),
            new Event.Killed(11, 11, 0, 9, false),
            new Event.Exited(10, 10, 0, 1));

    private static String render(Palette palette) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextOptions opt = new TextOptions(TextOptions.Prefix.BRACKETED, 40, TextOptions.Stamp.NONE, -1, -1,
                false, true, false, null, false, false, sig -> true);
        StraceText text = new StraceText(Outputs.single(out, false), opt,
                new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.ABBREV, palette), new PrintStream(new ByteArrayOutputStream()), "jstrace");
        EVENTS.forEach(text::accept);
        text.close();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Stripped of its colours the text is the plain text, padding to the result column included. */
    @Test
    void colourSequencesWrapTheirPartsAndStripToThePlainText() {
        String plain = render(Palette.NONE);
        String coloured = render(Palette.ANSI);
        assertEquals(plain, coloured.replaceAll("\033\\[[0-9;]*m", ""));
        assertEquals("""
                [pid    10] ESC[1;36mopenatESC[0m(AT_FDCWD, ESC[32m"/nonexistent"ESC[0m, O_RDONLY) = ESC[31m-1 ENOENT (No such file or directory)ESC[0m
                [pid    10] ESC[1;36mreadESC[0m(0,  <unfinished ...>
                [pid    11] ESC[1;36mwriteESC[0m(1, ESC[32m"hi\\n"ESC[0m, 3)         = 3
                [pid    10] <... ESC[1;36mreadESC[0m resumed>ESC[32m"x"ESC[0m..., 1) = 1
                [pid    10] --- ESC[35mSIGCHLDESC[0m  ---
                [pid    11] ESC[1;31m+++ killed by SIGKILL +++ESC[0m
                ESC[1m+++ exited with 1 +++ESC[0m
                """, coloured.replace("\033[", "ESC["));
    }

    @Test
    void autoColoursOnlyATerminalWithoutNoColorAndAlwaysOverridesNoColor() {
        assertSame(Palette.ANSI, Palette.choose(Palette.When.AUTO, true, null, "xterm"));
        assertSame(Palette.ANSI, Palette.choose(Palette.When.AUTO, true, "", "xterm"));
        assertSame(Palette.NONE, Palette.choose(Palette.When.AUTO, false, null, "xterm"));
        assertSame(Palette.NONE, Palette.choose(Palette.When.AUTO, true, "1", "xterm"));
        assertSame(Palette.NONE, Palette.choose(Palette.When.AUTO, true, null, "dumb"));
        assertSame(Palette.ANSI, Palette.choose(Palette.When.ALWAYS, false, "1", "dumb"));
        assertSame(Palette.NONE, Palette.choose(Palette.When.NEVER, true, null, "xterm"));
    }

    @Test
    void widthSkipsColourSequences() {
        assertEquals(5, Palette.ANSI.width(ESC + "1;36mwrite" + ESC + "0m"));
        assertEquals(3, Palette.NONE.width("abc"));
    }
}

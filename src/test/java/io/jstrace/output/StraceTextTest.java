package io.jstrace.output;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How strace's text ends calls that never return, and the line of a thread whose execve takes the leader's pid. */
class StraceTextTest {
    private static final Event.Result NONE = new Event.Result.None();

    private static String render(List<Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TextOptions opt = new TextOptions(TextOptions.Prefix.PLAIN, 40, TextOptions.Stamp.NONE, -1, -1,
                false, true, false, null, false, false, sig -> true);
        StraceText text = new StraceText(Outputs.single(out, false), opt,
                new ValueText(ValueText.Hex.NONE, DecodeOptions.Xstyle.ABBREV, Palette.NONE),
                new PrintStream(new ByteArrayOutputStream()), "jstrace");
        events.forEach(text::accept);
        text.close();
        return out.toString();
    }

    private static Event.SyscallEntry entry(int tid, String name, Event.Rest rest, Value... args) {
        return new Event.SyscallEntry(10, tid, 0, 0, name, List.of(args), rest, Event.NO_IP);
    }

    private static Event.SyscallExit exit(int tid, String name, Event.Result r, Value... args) {
        return new Event.SyscallExit(10, tid, 0, 0, name, List.of(args), r, 0, -1, Event.Tampered.NONE, Event.NO_IP);
    }

    /**
     * A call that adds arguments at its exit and never returns says so ({@code <unfinished ...>}
     * in place of them), on its own line and resumed; one shown whole at entry just ends.
     */
    @Test
    void aCallThatNeverReturnsLeavesOutWhatItsExitWouldHaveShown() {
        assertEquals("""
                10    nanosleep({tv_sec=1},  <unfinished ...>) = ?
                10    read(3,  <unfinished ...>
                11    exit(42)                          = ?
                10    <... read resumed> <unfinished ...>) = ?
                """, render(List.of(
                entry(10, "nanosleep", Event.Rest.ARGUMENTS, new Value.Struct(List.of(new Value.Field("tv_sec", Value.Num.dec(1))), false)),
                exit(10, "nanosleep", NONE),
                entry(10, "read", Event.Rest.ARGUMENTS, new Value.Fd(3, null, null)),
                entry(11, "exit", Event.Rest.NONE, Value.Num.dec(42)),
                exit(11, "exit", NONE),
                exit(10, "read", NONE, Value.Num.dec(4096)))));
    }

    /**
     * The execve line of a thread that is still open when the leader's pid passes to it ends
     * with {@code <pid changed to LEADER ...>}; an execve line another thread interrupted was
     * closed with {@code <unfinished ...>} already.
     */
    @Test
    void anOpenExecveLineEndsWithThePidChange() {
        Value path = new Value.Str("/bin/true".getBytes(), false);
        assertEquals("""
                11    execve("/bin/true" <pid changed to 10 ...>
                10    +++ superseded by execve in pid 11 +++
                10    <... execve resumed>)             = 0
                10    pause( <unfinished ...>
                12    execve("/bin/true" <unfinished ...>
                10    <... pause resumed>)              = ?
                10    +++ superseded by execve in pid 12 +++
                10    <... execve resumed>)             = 0
                """, render(List.of(
                new Event.Attached(10, 10, 0, Event.How.STARTED),
                new Event.Attached(10, 11, 0, Event.How.FOLLOWED),
                entry(11, "execve", Event.Rest.NONE, path),
                new Event.Superseded(10, 10, 0, 11),
                exit(10, "execve", new Event.Result.Success(Value.Num.dec(0))),
                entry(10, "pause", Event.Rest.NONE),
                new Event.Attached(10, 12, 0, Event.How.FOLLOWED),
                entry(12, "execve", Event.Rest.NONE, path),
                exit(10, "pause", NONE),
                new Event.Superseded(10, 10, 0, 12),
                exit(10, "execve", new Event.Result.Success(Value.Num.dec(0))))));
    }
}

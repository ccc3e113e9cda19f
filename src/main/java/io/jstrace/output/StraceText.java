package io.jstrace.output;

import io.jstrace.model.CallStatus;

import io.jstrace.decode.Siginfo;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.trace.Sink;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * strace's text output. A syscall line is written at entry and left open; if another thread's
 * event comes first it is closed with {@code <unfinished ...>} and the exit is printed later as
 * {@code <... name resumed>}, exactly as strace does.
 */
public final class StraceText implements Sink {
    private final Outputs outputs;
    private final TextOptions opt;
    private final ValueText text;
    private final AttachMessages attachMessages;
    private final Map<Integer, Pending> pending = new HashMap<>();
    private final StringBuilder sb = new StringBuilder(256);
    private int live;
    /** More than one thread was traced at once: from then on -o without -f prefixes every line (strace decides at start-up). */
    private boolean many;
    private final StackText stacks = new StackText();
    /** -Y: the names prefixes show, as the tracer reports them ({@link Event.Renamed}). */
    private final Map<Integer, String> names = new HashMap<>();
    /** The thread whose syscall line -e status= has just left out (its -k stack follows at once), or -1. */
    private int leftOutExit = -1;
    private long lastNanos = -1;
    /** Whether the latest syscall exit was printed: its -e read=/write= dump follows it or not at all. */
    private boolean exitShown;

    /**
     * What was printed of a call at entry, for the exit half. With -e status= the entry text is
     * held ({@code held}) until the outcome decides whether the line is printed at all.
     */
    private record Pending(boolean hadArgs, Event.Rest rest, int width, String held) {}

    public StraceText(Outputs outputs, TextOptions opt, ValueText text, PrintStream messages, String program) {
        this.outputs = outputs;
        this.opt = opt;
        this.text = text;
        this.attachMessages = new AttachMessages(messages, program, opt.quietAttach());
    }

    @Override
    public void accept(Event e) {
        boolean afterLeftOutExit = leftOutExit == e.tid();
        leftOutExit = -1;
        switch (e) {
            case Event.SyscallEntry s -> entry(s);
            case Event.SyscallExit s -> exit(s);
            case Event.Backtrace b -> stacks.print(b, afterLeftOutExit, outputs.of(b.tid()));
            case Event.Signal s -> {
                text.palette().paint(sb.append("--- "), Palette.Role.SIGNAL, Siginfo.signalName(s.signal())).append(' ');
                if (s.siginfo() != null) {
                    text.append(sb, s.siginfo());
                }
                whole(e, sb.append(" ---\n"));
            }
            case Event.Stopped s -> whole(e, text.palette().paint(sb.append("--- stopped by "), Palette.Role.SIGNAL,
                    Siginfo.signalName(s.signal())).append(" ---\n"));
            case Event.Exited x -> {
                if (!opt.quietExit()) {
                    whole(e, text.palette().paint(sb, Palette.Role.EXIT, "+++ exited with " + x.code() + " +++").append('\n'));
                }
                stacks.ended(x.tid(), outputs.of(x.tid()));
                lastNumber.remove(x.tid());
                names.remove(x.tid());
                live--;
            }
            case Event.Killed k -> {
                // Unlike "exited with", -qq (quiet=exit) keeps these, as strace 6.1 does.
                if (opt.deathSignals().test(k.signal())) {
                    whole(e, text.palette().paint(sb, Palette.Role.KILLED, "+++ killed by " + Siginfo.signalName(k.signal())
                            + (k.core() ? " (core dumped)" : "") + " +++").append('\n'));
                }
                stacks.ended(k.tid(), outputs.of(k.tid()));
                lastNumber.remove(k.tid());
                names.remove(k.tid());
                live--;
            }
            case Event.Renamed r -> names.put(r.tid(), r.name());
            case Event.Superseded s -> {
                // The execve the former thread entered, held for -e status=, ends under the leader's tid.
                Pending held = pending.get(s.formerTid());
                if (held != null && held.held() != null) {
                    pending.put(s.tid(), pending.remove(s.formerTid()));
                }
                // The execve line the former thread left open ends by saying whose pid it goes on under.
                Outputs.Line former = outputs.of(s.formerTid());
                if (former.openTid == s.formerTid()) {
                    former.write(" <pid changed to " + s.tid() + " ...>\n");
                    former.openTid = -1;
                }
                if (!opt.quietSuperseded()) {
                    whole(e, sb.append("+++ superseded by execve in pid ").append(s.formerTid()).append(" +++\n"));
                }
            }
            case Event.IoDump d -> {
                if (exitShown) {
                    HexDump.append(sb, d.tid(), d.parts());
                    outputs.of(d.tid()).write(sb);
                    sb.setLength(0);
                }
            }
            case Event.Attached a -> {
                many |= ++live > 1;
                attachMessages.accept(a);
            }
            case Event.Detached d -> {
                Outputs.Line line = outputs.of(d.tid());
                Pending p = pending.remove(d.tid());
                if (p != null && p.held() != null && opt.statuses().contains(CallStatus.DETACHED)) {
                    // -e status=detached: the call held back until its end, which is this detach.
                    closeOpen(line);
                    line.write(sb.append(p.held()).append(" <detached ...>\n"));
                    sb.setLength(0);
                } else if (line.openTid == d.tid()) {
                    line.write(" <detached ...>\n");
                    line.openTid = -1;
                }
                attachMessages.accept(d);
                live--;
            }
        }
    }

    private void entry(Event.SyscallEntry s) {
        Outputs.Line line = outputs.of(s.tid());
        closeOpen(line);
        leader(s);
        text.appendAll(sb, s.entryArgs());
        if (s.rest() == Event.Rest.ARGUMENTS && !s.entryArgs().isEmpty()) {
            sb.append(", ");
        }
        if (opt.statuses() != null) {
            pending.put(s.tid(), new Pending(!s.entryArgs().isEmpty(), s.rest(), sb.length(), sb.toString()));
            sb.setLength(0);
            return;
        }
        line.write(sb);
        pending.put(s.tid(), new Pending(!s.entryArgs().isEmpty(), s.rest(), text.palette().width(sb), null));
        sb.setLength(0);
        line.openTid = s.tid();
    }

    /** Writes the line head: prefix, time stamp, syscall number, {@code name(}. */
    private void leader(Event.SyscallEntry s) {
        if (opt.numbers()) {
            lastNumber.put(s.tid(), s.number());
        }
        prefix(s);
        text.palette().paint(sb, Palette.Role.SYSCALL, s.name()).append('(');
    }

    /** -n: every line of a thread carries the number of its latest syscall, as strace prints it. */
    private final Map<Integer, Integer> lastNumber = new HashMap<>();

    private void number(int tid) {
        Integer nr = lastNumber.get(tid);
        if (nr != null) {
            String n = String.valueOf(nr);
            sb.append('[');
            sb.repeat(' ', Math.max(0, 4 - n.length()));
            sb.append(n).append("] ");
        }
    }

    private void exit(Event.SyscallExit s) {
        Outputs.Line line = outputs.of(s.tid());
        Pending p = pending.remove(s.tid());
        exitShown = false;
        if (p != null && p.held() != null) {
            if (!opt.statuses().contains(CallStatus.of(s.result()))) {
                leftOutExit = s.tid();
                return;
            }
            closeOpen(line);
            sb.append(p.held());
            line.openTid = s.tid();
        }
        boolean resumed = line.openTid != s.tid();
        if (resumed) {
            closeOpen(line);
            prefix(s);
            text.palette().paint(sb.append("<... "), Palette.Role.SYSCALL, s.name()).append(" resumed>");
        }
        List<Value> args = s.exitArgs();
        if (s.result() instanceof Event.Result.None && p != null && p.rest() != Event.Rest.NONE) {
            // The call never returned: what its exit would have added is not known.
            sb.append(" <unfinished ...>");
            args = List.of();
        } else if (p != null && p.rest() == Event.Rest.CONTINUED && !args.isEmpty()) {
            // The entry printed this argument's value; only what the call changed follows (" => ...").
            if (args.getFirst() instanceof Value.Changed changed) {
                sb.append(" => ");
                text.append(sb, changed.after());
            }
            args = args.subList(1, args.size());
            if (!args.isEmpty()) {
                sb.append(", ");
            }
        } else if (p != null && p.hadArgs() && p.rest() == Event.Rest.NONE && !args.isEmpty()) {
            sb.append(", ");
        }
        text.appendAll(sb, args);
        sb.append(") ");
        // The open line's head is already written, unless it was held here in sb (-e status=).
        int col = text.palette().width(sb) + (resumed || p == null || p.held() != null ? 0 : p.width());
        if (col < opt.column()) {
            sb.repeat(' ', opt.column() - col);
        }
        sb.append("= ");
        text.appendResult(sb, s.result());
        if (!(s.result() instanceof Event.Result.None)) {
            Event.Tampered t = s.tampered();
            sb.append(t.poked() ? t.injected() ? " (INJECTED: args, retval)" : " (INJECTED: args)" : t.injected() ? " (INJECTED)" : "")
                    .append(t.delayed() ? " (DELAYED)" : "");
        }
        if (opt.durationDigits() >= 0 && !(s.result() instanceof Event.Result.None)) {
            long d = s.durationNanos();
            sb.append(" <").append(d / 1_000_000_000L);
            fraction(d, opt.durationDigits());
            sb.append('>');
        }
        sb.append('\n');
        line.write(sb);
        sb.setLength(0);
        line.openTid = -1;
        exitShown = true;
    }

    private void closeOpen(Outputs.Line line) {
        if (line.openTid != -1) {
            line.write(" <unfinished ...>\n");
            line.openTid = -1;
        }
    }

    /** A line that is complete in itself (signal, exit): it interrupts any open line. */
    private void whole(Event e, StringBuilder body) {
        String s = body.toString();
        sb.setLength(0);
        Outputs.Line line = outputs.of(e.tid());
        closeOpen(line);
        prefix(e);
        sb.append(s);
        line.write(sb);
        sb.setLength(0);
    }

    private void prefix(Event e) {
        switch (opt.prefix()) {
            case PLAIN -> plain(e.tid());
            case PLAIN_IF_MANY -> {
                if (many) {
                    plain(e.tid());
                }
            }
            case BRACKETED -> {
                if (live > 1) {
                    String t = String.valueOf(e.tid());
                    sb.append("[pid ");
                    sb.repeat(' ', Math.max(0, 5 - t.length()));
                    tid(e.tid());
                    sb.append("] ");
                }
            }
            case NONE -> { }
        }
        stamp(e.timeNanos());
        if (opt.numbers()) {
            number(e.tid());
        }
        if (opt.instructionPointer()) {
            instructionPointer(e);
        }
    }

    /** -i: {@code [00007f...]}, or question marks where the thread has no registers to read. */
    private void instructionPointer(Event e) {
        long ip = switch (e) {
            case Event.SyscallEntry s -> s.ip();
            case Event.SyscallExit s -> s.ip();
            case Event.Signal s -> s.ip();
            case Event.Stopped s -> s.ip();
            case Event.IoDump d -> Event.NO_IP;
            case Event.Backtrace b -> Event.NO_IP;
            case Event.Exited x -> Event.NO_IP;
            case Event.Killed k -> Event.NO_IP;
            case Event.Attached a -> Event.NO_IP;
            case Event.Detached d -> Event.NO_IP;
            case Event.Superseded s -> Event.NO_IP;
            case Event.Renamed r -> Event.NO_IP;
        };
        sb.append('[');
        if (ip == Event.NO_IP) {
            sb.repeat('?', 16);
        } else {
            String hex = Long.toHexString(ip);
            sb.repeat('0', 16 - hex.length()).append(hex);
        }
        sb.append("] ");
    }

    private void plain(int tid) {
        String t = String.valueOf(tid);
        if (!tid(tid)) {
            sb.repeat(' ', Math.max(0, 5 - t.length()));
        }
        sb.append(' ');
    }

    /** A prefix's tid, under -Y with {@code <name>} after it; whether there was a name. */
    private boolean tid(int tid) {
        String name = names.get(tid);
        text.append(sb, new Value.Pid(tid, name, 0));
        return name != null;
    }

    /** strace's leader: the time (-t, --timestamps), then the time since the last line (-r), in parentheses after a time. */
    private void stamp(long nanos) {
        switch (opt.stamp().format()) {
            case NONE -> { }
            case UNIX -> {
                sb.append(nanos / 1_000_000_000L);
                fraction(nanos, opt.stamp().digits());
                sb.append(' ');
            }
            case TIME -> {
                ZonedDateTime t = Instant.ofEpochSecond(nanos / 1_000_000_000L).atZone(ZoneId.systemDefault());
                two(t.getHour()).append(':');
                two(t.getMinute()).append(':');
                two(t.getSecond());
                fraction(nanos, opt.stamp().digits());
                sb.append(' ');
            }
        }
        if (opt.relativeDigits() >= 0) {
            boolean after = opt.stamp().format() != TextOptions.Stamp.Format.NONE;
            long d = lastNanos < 0 ? 0 : nanos - lastNanos;
            lastNanos = nanos;
            String sec = String.valueOf(d / 1_000_000_000L);
            sb.append(after ? "(+" : "").repeat(' ', Math.max(0, 6 - sec.length())).append(sec);
            fraction(d, opt.relativeDigits());
            sb.append(after ? ") " : " ");
        }
    }

    /** {@code .ddd} with the first {@code digits} digits of the second's fraction; nothing for 0. */
    private void fraction(long nanos, int digits) {
        if (digits > 0) {
            String nine = String.valueOf(1_000_000_000L + nanos % 1_000_000_000L).substring(1);
            sb.append('.').append(nine, 0, digits);
        }
    }

    private StringBuilder two(int v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }

    @Override
    public void close() {
        outputs.close();
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * A wait status as strace's printstatus shows it: the macro expression that holds for it,
 * {@code [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]}, then any ptrace event and leftover bits.
 */
final class WaitStatusDecoder {
    private WaitStatusDecoder() {}

    private static final Value S = new Value.Name("s");

    static Value decode(int status) {
        Value cond;
        int rest = status;
        if ((status & 0xff) == 0x7f) {
            int sig = (status >> 8) & 0xff;
            Value name = sigName(sig & 0x7f);
            if ((sig & 0x80) != 0) {
                name = new Value.Or(name, Value.Num.hex(0x80));
            }
            cond = and(macro("WIFSTOPPED"), eq(macro("WSTOPSIG"), name));
            rest &= ~((sig << 8) | 0x7f);
        } else if ((status & 0x7f) != 0 && (status & 0x7f) != 0x7f) {
            int sig = status & 0x7f;
            cond = and(macro("WIFSIGNALED"), eq(macro("WTERMSIG"), sigName(sig)));
            if ((status & 0x80) != 0) {
                cond = and(cond, macro("WCOREDUMP"));
            }
            rest &= ~(sig | 0x80);
        } else if ((status & 0x7f) == 0) {
            int code = (status >> 8) & 0xff;
            cond = and(macro("WIFEXITED"), eq(macro("WEXITSTATUS"), Value.Num.dec(code)));
            rest &= ~(code << 8);
        } else if (status == 0xffff) {
            cond = macro("WIFCONTINUED");
            rest = 0;
        } else {
            return new Value.Arr(List.of(Value.Num.hex(status & 0xffffffffL)), false);
        }
        List<Value> parts = new ArrayList<>();
        parts.add(new Value.Struct(List.of(new Value.Field(null, cond)), false));
        int event = rest >>> 16;
        if (event != 0) {
            parts.add(new Value.Shift(
                    Decode.sym("ptrace_events", event, Value.Radix.HEX, "PTRACE_EVENT_???"), Value.Num.dec(16)));
            rest &= 0xffff;
        }
        if (rest != 0) {
            parts.add(Value.Num.hex(rest & 0xffffffffL));
        }
        return new Value.Arr(List.of(parts.size() == 1 ? parts.getFirst() : new Value.Or(parts)), false);
    }

    /** strace's sprintsigname: the name under every -X style (it is inside a C expression), else the number. */
    private static Value sigName(int sig) {
        String name = Siginfo.signalName(sig);
        return name != null ? new Value.Name(name) : Value.Num.dec(sig);
    }

    private static Value macro(String name) {
        return new Value.Call(name, List.of(S));
    }

    private static Value and(Value a, Value b) {
        List<Value> all = new ArrayList<>(a instanceof Value.And x ? x.conditions() : List.of(a));
        all.add(b);
        return new Value.And(all);
    }

    private static Value eq(Value a, Value b) {
        return new Value.Equals(a, b);
    }

    /** wait4's status argument at exit: the address when nothing was reaped or the call failed. */
    static Value at(Call c, long addr) {
        if (c.failed() || c.ret() == 0 || addr == 0) {
            return Decode.ptr(addr);
        }
        Bytes b = Decode.struct(c, addr, 4);
        return b == null ? Decode.ptr(addr) : decode(b.s32(0));
    }
}

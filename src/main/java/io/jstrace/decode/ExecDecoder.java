package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/** execve's argv and envp: string arrays, or (envp, unless -v) the address and a count of vars. */
final class ExecDecoder {
    private ExecDecoder() {}

    /** strace's printargv: at most -s strings, each -s limited; unreadable tails end in {@code ...}. */
    static Value argv(Call c, long addr) {
        if (addr == 0 || !c.options.structs()) {
            return Decode.ptr(addr);
        }
        List<Value> items = new ArrayList<>();
        int limit = c.options.stringLimit();
        for (int n = 0; ; n++) {
            long at = addr + 8L * n;
            Long word = at < addr ? null : c.memory.readLong(c.tid, at);
            if (word == null) {
                if (n == 0) {
                    return Decode.ptr(addr);
                }
                items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(at)));
                break;
            }
            if (word == 0) {
                break;
            }
            if (!c.options.verbose() && n >= limit) {
                return new Value.Arr(items, true);
            }
            items.add(Decode.cstring(c, word));
        }
        return new Value.Arr(items, false);
    }

    /** strace's printargc: {@code 0x7ffe... /* 35 vars *}{@code /}. */
    static Value envCount(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        int n = 0;
        boolean unterminated = false;
        for (long at = addr; ; at += 8, n++) {
            if (at < addr) {
                unterminated = true;
                break;
            }
            Long word = c.memory.readLong(c.tid, at);
            if (word == null) {
                if (n == 0) {
                    return Decode.ptr(addr);
                }
                break;
            }
            if (word == 0) {
                break;
            }
        }
        return new Value.Commented(Decode.ptr(addr),
                n + " var" + (n == 1 ? "" : "s") + (unterminated ? ", unterminated" : ""));
    }

    static Value envp(Call c, long addr) {
        return c.options.verbose() || !c.options.structs() ? argv(c, addr) : envCount(c, addr);
    }
}

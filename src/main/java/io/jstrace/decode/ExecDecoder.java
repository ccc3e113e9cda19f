package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** execve's argv and envp: string arrays, or (envp, unless -v) the address and a count of vars. */
final class ExecDecoder {
    private ExecDecoder() {}

    /**
     * strace's printargv: at most -s strings, each -s limited; unreadable tails end in {@code ...}.
     * The pointers come in one read and the strings in another (usually), not one read each.
     */
    static Value argv(Call c, long addr) {
        if (addr == 0 || !c.options.structs()) {
            return Decode.ptr(addr);
        }
        int limit = c.options.stringLimit();
        long[] words = c.memory.readWords(c.tid, addr, c.options.verbose() ? Integer.MAX_VALUE : limit + 1);
        if (words.length == 0) {
            return Decode.ptr(addr);
        }
        boolean terminated = words[words.length - 1] == 0;
        int count = terminated ? words.length - 1 : words.length;
        boolean cut = !c.options.verbose() && count > limit;
        List<Value> items = new ArrayList<>(Decode.cstrings(c, Arrays.copyOf(words, cut ? limit : count)));
        if (cut) {
            return new Value.Arr(items, true);
        }
        if (!terminated) {
            items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(addr + 8L * words.length)));
        }
        return new Value.Arr(items, false);
    }

    /** strace's printargc: {@code 0x7ffe... /* 35 vars *}{@code /}. */
    static Value envCount(Call c, long addr) {
        if (addr == 0) {
            return Value.NULL_PTR;
        }
        long[] words = c.memory.readWords(c.tid, addr, Integer.MAX_VALUE);
        if (words.length == 0) {
            return Decode.ptr(addr);
        }
        // No NULL before memory ends (or the address space does): strace says "unterminated".
        boolean unterminated = words[words.length - 1] != 0;
        int n = unterminated ? words.length : words.length - 1;
        return new Value.Commented(Decode.ptr(addr),
                n + " var" + (n == 1 ? "" : "s") + (unterminated ? ", unterminated" : ""));
    }

    static Value envp(Call c, long addr) {
        return c.options.verbose() || !c.options.structs() ? argv(c, addr) : envCount(c, addr);
    }
}

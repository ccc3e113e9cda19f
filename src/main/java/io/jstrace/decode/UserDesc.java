package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code struct user_desc} as strace's ldt.c prints it for modify_ldt, set_thread_area and
 * get_thread_area: the entry number ({@code -1} for "any"), base and limit as 32-bit words, and
 * each bit field.
 */
final class UserDesc implements KindFamily {
    private static final Layout L = Layout.of("user_desc");
    private static final Layout.Field ENTRY_NUMBER = L.field("entry_number"), BASE_ADDR = L.field("base_addr"),
            LIMIT = L.field("limit");
    /** The bit fields, a u32 after limit: contents is two bits wide, the others one. */
    private static final int BITS_OFFSET = LIMIT.offset() + LIMIT.size();
    /** Return values from here up are errors as the 32-bit int the kernel returned (strace's 0xfffff000). */
    private static final long CLIPPED_ERRORS = 0xfffff000L;
    private static final List<String> BITS = List.of("seg_32bit", "contents", "read_exec_only", "limit_in_pages",
            "seg_not_present", "useable", "lm");

    @Override
    public void register(Kinds k) {
        // modify_ldt's ptr: a struct only when bytecount is its size.
        k.arg("ldt_ptr", (c, i) -> c.arg(i + 1) == L.size() ? whole(c, c.arg(i)) : Decode.ptr(c.arg(i)));
        k.arg("user_desc", (c, i) -> whole(c, c.arg(i)));
        // modify_ldt returns an int: strace reads a value the kernel clipped to 32 bits as the error it encodes.
        k.ret("modify_ldt", new ReturnKind() {
            @Override
            public Value decode(Call c) {
                return Value.Num.dec(c.ret());
            }

            @Override
            public long errno(Call c) {
                return Long.compareUnsigned(c.ret(), CLIPPED_ERRORS) >= 0 ? -(int) c.ret() & 0xffffffffL : 0;
            }
        });
        k.ret("set_thread_area", ReturnKind.decimalWith(c -> {
            Bytes b = Decode.outStruct(c, c.arg(0), L.size());
            return b == null ? null : Decode.field("entry_number", Value.Num.udec(b.u(ENTRY_NUMBER)));
        }));
        // get_thread_area: the entry number given at entry, the struct the kernel filled at exit.
        k.arg("user_desc_out", ArgKind.atEntryAndExit((c, i) -> {
            long addr = c.arg(i);
            if (!c.exited()) {
                Bytes b = Decode.struct(c, addr, ENTRY_NUMBER.size());
                c.saved[i] = b == null ? Decode.ptr(addr) : id(b.u(ENTRY_NUMBER));
                return b == null ? (Value) c.saved[i] : null;
            }
            if (!(c.saved[i] instanceof Value given) || given instanceof Value.Addr) {
                return (Value) c.saved[i];
            }
            Bytes b = Decode.outStruct(c, addr, L.size());
            if (b == null) {
                return new Value.Struct(List.of(Decode.field("entry_number", given)), true);
            }
            Value now = id(b.u(ENTRY_NUMBER));
            return fields(b, now.equals(given) ? given : new Value.Changed(given, now));
        }));
    }

    private static Value whole(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, L.size());
        return b == null ? Decode.ptr(addr) : fields(b, id(b.u(ENTRY_NUMBER)));
    }

    private static Value fields(Bytes b, Value entryNumber) {
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("entry_number", entryNumber));
        f.add(Decode.field("base_addr", new Value.Num(b.u(BASE_ADDR), Value.Radix.WORD32)));
        f.add(Decode.field("limit", new Value.Num(b.u(LIMIT), Value.Radix.WORD32)));
        long bits = b.u32(BITS_OFFSET);
        int at = 0;
        for (String name : BITS) {
            int width = name.equals("contents") ? 2 : 1;
            f.add(Decode.field(name, Value.Num.udec((bits >>> at) & ((1 << width) - 1))));
            at += width;
        }
        return new Value.Struct(f, false);
    }

    /** strace's PRINT_VAL_ID: -1 as such, other ids unsigned. */
    private static Value id(long v) {
        return v == 0xffffffffL ? Value.Num.dec(-1) : Value.Num.udec(v);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fields of a bpf(2) struct shown one by one, as strace's PRINT_FIELD_* show them from the
 * bytes it copied: {@code len} of them, the rest zero. A member is named by its layout path
 * ({@code query.target_fd}) and shown under its last name; a field past {@code len} is one the
 * caller's size left out ({@link #reaches}).
 */
final class BpfFields {
    private final Call c;
    private final Layout layout;
    private final Bytes b;
    private final int len;
    private final List<Value.Field> out = new ArrayList<>();

    BpfFields(Call c, Layout layout, Bytes b, int len) {
        this.c = c;
        this.layout = layout;
        this.b = b;
        this.len = len;
    }

    /** Fields of a struct nested in this one (same bytes, shown apart). */
    BpfFields nested() {
        return new BpfFields(c, layout, b, len);
    }

    /** Whether the bytes copied reach member {@code f} (strace's {@code len > offsetof(...)}). */
    boolean reaches(String f) {
        return len > layout.field(f).offset();
    }

    long u(String f) {
        return b.u(layout.field(f));
    }

    Bytes bytes() {
        return b;
    }

    Layout.Field field(String f) {
        return layout.field(f);
    }

    /** A part of a struct that a kernel version added: shown when the bytes reach {@code gate}. */
    record Step(String gate, Consumer<BpfFields> show) {}

    static Step step(String gate, Consumer<BpfFields> show) {
        return new Step(gate, show);
    }

    /** Shows the parts in turn up to the first the bytes do not reach; whether all were shown. */
    boolean steps(Step... steps) {
        for (Step s : steps) {
            if (!reaches(s.gate())) {
                return false;
            }
            s.show().accept(this);
        }
        return true;
    }

    BpfFields add(String name, Value v) {
        out.add(Decode.field(name, v));
        return this;
    }

    /** Member {@code f} under its own (last) name. */
    BpfFields put(String f, Value v) {
        return add(f.substring(f.lastIndexOf('.') + 1), v);
    }

    BpfFields udec(String f) {
        return put(f, Value.Num.udec(u(f)));
    }

    BpfFields hex(String f) {
        return put(f, Value.Num.hex(u(f)));
    }

    BpfFields fd(String f) {
        return put(f, Decode.fd(c, (int) u(f)));
    }

    BpfFields addr(String f) {
        return put(f, Decode.ptr(u(f)));
    }

    BpfFields xval(String f, String table, String unknown) {
        return put(f, Decode.sym(table, u(f), Value.Radix.HEX, unknown));
    }

    BpfFields flags(String f, String table, String unknown) {
        return put(f, Decode.flags(table, u(f), unknown));
    }

    BpfFields ifindex(String f) {
        return put(f, NetSockaddr.ifindex(u(f)));
    }

    /** A char array member as strace's PRINT_FIELD_CSTRING_SZ: at most {@code size} of its bytes. */
    BpfFields cstring(String f, int size) {
        return put(f, NetSockaddr.cstring(b, layout.field(f).offset(), size));
    }

    /** The char array member {@code f}, at most as many of its bytes as were copied. */
    BpfFields cstring(String f) {
        Layout.Field x = layout.field(f);
        return cstring(f, Math.min(x.size(), len - x.offset()));
    }

    /** A count that the call may have changed: {@code before => after} when it did. */
    BpfFields changed(String f, long before) {
        long now = u(f);
        return put(f, before == now ? Value.Num.udec(now) : new Value.Changed(Value.Num.udec(before), Value.Num.udec(now)));
    }

    Value struct() {
        return new Value.Struct(List.copyOf(out), false);
    }

    List<Value.Field> fields() {
        return out;
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * bpf(2) as strace 6.1 decodes it: the command by name, its union bpf_attr read as far as the
 * size argument says (and only up to a page), the size. Most commands are shown whole at entry
 * ({@link BpfAttr}); those the kernel writes back are shown at exit ({@link BpfInOut}). Nonzero
 * bytes past the attr strace knows show as {@code ...}, with -v as {@code extra_data}.
 */
final class BpfKinds implements KindFamily {
    private static final int PAGE = 4096;
    /** The commands that return a new fd (strace's RVAL_FD), shown with -y's path when the attr was decoded. */
    private static final Set<String> FD_COMMANDS = Set.of("BPF_MAP_CREATE", "BPF_PROG_LOAD", "BPF_OBJ_PIN", "BPF_OBJ_GET",
            "BPF_PROG_GET_FD_BY_ID", "BPF_MAP_GET_FD_BY_ID", "BPF_BTF_LOAD", "BPF_BTF_GET_FD_BY_ID", "BPF_LINK_CREATE",
            "BPF_LINK_GET_FD_BY_ID");

    /**
     * What the entry found: the command's name (null when the attr is shown as an address), the
     * attr's bytes, the value shown at entry (null when the exit shows it), and the command's own state.
     */
    record Entry(String cmd, byte[] attr, Value shown, Object state) {}

    @Override
    public void register(Kinds k) {
        k.arg("bpf_cmd", (c, i) -> Decode.sym("bpf_commands", c.arg(i) & 0xffffffffL, Value.Radix.HEX, "BPF_???"));
        k.arg("bpf_attr", ArgKind.atEntryAndExit(BpfKinds::attr));
        k.ret("bpf", c -> c.saved[1] instanceof Entry e && e.cmd() != null && FD_COMMANDS.contains(e.cmd())
                ? BasicKinds.fdReturn(c) : Value.Num.dec(c.ret()));
    }

    private static Value attr(Call c, int i) {
        long addr = c.arg(i);
        int size = (int) c.arg(2);
        if (!c.exited()) {
            Entry e = atEntry(c, addr, size);
            c.saved[i] = e;
            return e.shown();
        }
        if (!(c.saved[i] instanceof Entry e)) {
            return null; // not seen at entry
        }
        if (e.shown() != null) {
            return BpfInOut.atExit(c, e, addr, size);
        }
        byte[] now = size > 0 && size <= PAGE ? c.memory.readFully(c.tid, addr, size) : null;
        return BpfInOut.shownAtExit(c, e, now != null ? now : e.attr(), addr, size);
    }

    private static Entry atEntry(Call c, long addr, int size) {
        String cmd = Xlat.of("bpf_commands").name(c.arg(0) & 0xffffffffL);
        boolean decoded = cmd != null && (BpfInOut.handles(cmd) || BpfAttr.knows(cmd));
        Bytes read = decoded && size > 0 && size <= PAGE ? Decode.struct(c, addr, size) : null;
        if (read == null) {
            return new Entry(null, null, Decode.ptr(addr), null);
        }
        byte[] raw = read.b();
        if (BpfInOut.handles(cmd)) {
            return BpfInOut.atEntry(c, cmd, raw);
        }
        BpfFields f = fields(c, raw, BpfAttr.L.size());
        int known = BpfAttr.decode(c, cmd, f);
        return new Entry(cmd, raw, withExtra(c, f, new Bytes(raw), size, known), null);
    }

    /** The attr's fields over its {@code raw} bytes, padded with zeros to {@code size}. */
    static BpfFields fields(Call c, byte[] raw, int size) {
        return new BpfFields(c, BpfAttr.L, padded(raw, size), raw.length);
    }

    static Bytes padded(byte[] raw, int size) {
        return new Bytes(Arrays.copyOf(raw, Math.max(size, raw.length)));
    }

    /**
     * The struct {@code f} built, with strace's decode_attr_extra_data: when any of the {@code size}
     * bytes of {@code all} past {@code known} is nonzero, {@code ...}, or with -v those bytes in hex.
     */
    static Value withExtra(Call c, BpfFields f, Bytes all, int size, int known) {
        List<Value.Field> fields = new ArrayList<>(f.fields());
        byte[] b = all.b();
        boolean extra = false;
        for (int i = known; i < Math.min(size, b.length) && !extra; i++) {
            extra = b[i] != 0;
        }
        if (!extra) {
            return new Value.Struct(fields, false);
        }
        if (!c.options.verbose()) {
            return new Value.Struct(fields, true);
        }
        byte[] rest = Arrays.copyOfRange(b, known, size);
        fields.add(Decode.field("extra_data", new Value.Commented(new Value.Str(rest, false, true),
                "bytes " + known + ".." + (size - 1))));
        return new Value.Struct(fields, false);
    }
}

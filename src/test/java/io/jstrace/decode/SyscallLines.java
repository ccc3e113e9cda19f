package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole syscalls decoded by their table signatures against a {@link FakeMemory}, as the tracer
 * decodes them (entry kinds at entry, exit kinds after the kernel wrote its output), printed as
 * strace prints the line without the pid; a failure prints as {@code = -1 errno N}.
 */
final class SyscallLines {
    private final FakeMemory memory = new FakeMemory();
    private final DecodeOptions options;
    private final Pids pids;

    SyscallLines() {
        this(DecodeOptions.DEFAULT);
    }

    SyscallLines(DecodeOptions options) {
        this(options, Pids.NONE);
    }

    /** Pids as {@code pids} tells (-Y, --pidns-translation). */
    SyscallLines(DecodeOptions options, Pids pids) {
        this.options = options;
        this.pids = pids;
    }

    /** Default options but -v ({@code verbose}) and -X ({@code style}). */
    static DecodeOptions options(boolean verbose, DecodeOptions.Xstyle style) {
        DecodeOptions d = DecodeOptions.DEFAULT;
        return new DecodeOptions(d.stringLimit(), verbose, d.fdDetail(), style, d.structs());
    }

    /** Places {@code bytes} in memory and returns their address. */
    long put(byte[] bytes) {
        return memory.place(bytes);
    }

    /** Places {@code bytes} so that they end where readable memory ends. */
    long putAtEnd(byte[] bytes) {
        int pages = (bytes.length + 0xfff) & ~0xfff;
        byte[] region = new byte[pages];
        System.arraycopy(bytes, 0, region, pages - bytes.length, bytes.length);
        return put(region) + pages - bytes.length;
    }

    /** What the kernel writes at {@code addr} before the call returns. */
    SyscallLines fillAtExit(long addr, byte[] bytes) {
        memory.fillAtExit(addr, bytes);
        return this;
    }

    static ByteBuffer le(int size) {
        return FakeMemory.le(size);
    }

    /** The line of {@code name(args...)} returning {@code ret} (-4095..-1: that errno). */
    String line(String name, long ret, long... args) {
        Signature sig = Signatures.standard().of(name);
        Call c = new Call(1, 0, Arrays.copyOf(args, 6), memory, options, FdPaths.NONE, pids);
        Value[] values = new Value[sig.args().size()];
        for (int i = 0; i < values.length; i++) {
            if (sig.args().get(i).phase() != Phase.EXIT) {
                values[i] = sig.args().get(i).decode(c, i);
            }
        }
        memory.exit();
        c.exit(ret, ret < 0 && ret > -4096);
        for (int i = 0; i < values.length; i++) {
            if (sig.args().get(i).phase() != Phase.ENTRY) {
                values[i] = sig.args().get(i).decode(c, i);
            }
        }
        List<Value> shown = new ArrayList<>();
        for (Value v : values) {
            if (v != null) {
                shown.add(v);
            }
        }
        ValueText text = new ValueText(ValueText.Hex.NONE, options.xstyle());
        StringBuilder sb = new StringBuilder(name).append('(');
        text.appendAll(sb, shown);
        sb.append(") = ");
        if (c.failed()) {
            return sb.append("-1 errno ").append(-ret).toString();
        }
        text.append(sb, sig.ret().decode(c));
        List<Value> details = sig.ret().details(c);
        if (!details.isEmpty()) {
            sb.append(" (");
            text.appendAll(sb, details);
            sb.append(')');
        }
        return sb.toString();
    }
}

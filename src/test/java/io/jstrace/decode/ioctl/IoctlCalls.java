package io.jstrace.decode.ioctl;

import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.decode.FakeMemory;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * ioctl calls decoded against a fake tracee memory: regions of bytes at addresses, everything
 * else unreadable. {@link #call} runs the request's decoder at entry and at exit as the tracer
 * does and prints the request and argument as strace would.
 */
final class IoctlCalls {
    private final FakeMemory memory = new FakeMemory();
    private DecodeOptions options = DecodeOptions.DEFAULT;

    /** Places {@code bytes} in memory and returns their address. */
    long put(byte[] bytes) {
        return memory.place(bytes);
    }

    /** What the kernel writes at {@code addr} before the call returns. */
    IoctlCalls fillAtExit(long addr, byte[] bytes) {
        memory.fillAtExit(addr, bytes);
        return this;
    }

    IoctlCalls options(DecodeOptions o) {
        this.options = o;
        return this;
    }

    IoctlCalls verbose() {
        return options(new DecodeOptions(options.stringLimit(), true, options.fdDetail(), options.xstyle(), options.structs()));
    }

    static ByteBuffer le(int size) {
        return FakeMemory.le(size);
    }

    /** {@code "REQUEST, ARG"} for ioctl(3, request, arg) returning {@code ret} (negative: -errno). */
    String call(long request, long arg, long ret) {
        return call(request, arg, ret, DecodeOptions.Xstyle.ABBREV);
    }

    String call(long request, long arg, long ret, DecodeOptions.Xstyle style) {
        Call c = new Call(1, 16, new long[] {3, request, arg, 0, 0, 0}, memory, options, FdPaths.NONE);
        List<Value> shown = new ArrayList<>();
        shown.add(Ioctls.request(c, 1));
        memory.exit();
        c.exit(ret, ret < 0);
        Ioctls.request(c, 1);
        Value a = Ioctls.argument(c, 2);
        if (a != null) {
            shown.add(a);
        }
        StringBuilder sb = new StringBuilder();
        new ValueText(ValueText.Hex.NONE, style).appendAll(sb, shown);
        return sb.toString();
    }
}

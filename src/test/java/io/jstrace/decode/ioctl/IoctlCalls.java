package io.jstrace.decode.ioctl;

import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.linux.TraceeMemory;
import io.jstrace.model.Value;
import io.jstrace.output.ValueText;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ioctl calls decoded against a fake tracee memory: regions of bytes at addresses, everything
 * else unreadable. {@link #call} runs the request's decoder at entry and at exit as the tracer
 * does and prints the request and argument as strace would.
 */
final class IoctlCalls {
    /** Where {@link #put} places structs: well away from zero. */
    static final long BASE = 0x10000;

    private final TreeMap<Long, byte[]> regions = new TreeMap<>();
    private final Map<Long, byte[]> atExit = new TreeMap<>();
    private DecodeOptions options = DecodeOptions.DEFAULT;
    private long next = BASE;

    /** Places {@code bytes} in memory and returns their address. */
    long put(byte[] bytes) {
        long at = next;
        regions.put(at, bytes.clone());
        next += (bytes.length + 0xfff) & ~0xfffL;
        next += 0x1000; // an unreadable page between regions
        return at;
    }

    /** What the kernel writes at {@code addr} before the call returns. */
    IoctlCalls fillAtExit(long addr, byte[] bytes) {
        atExit.put(addr, bytes.clone());
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
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code "REQUEST, ARG"} for ioctl(3, request, arg) returning {@code ret} (negative: -errno). */
    String call(long request, long arg, long ret) {
        return call(request, arg, ret, DecodeOptions.Xstyle.ABBREV);
    }

    String call(long request, long arg, long ret, DecodeOptions.Xstyle style) {
        Memory mem = new Memory();
        Call c = new Call(1, 16, new long[] {3, request, arg, 0, 0, 0}, mem, options, FdPaths.NONE);
        List<Value> shown = new ArrayList<>();
        shown.add(Ioctls.request(c, 1));
        atExit.forEach(regions::put);
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

    private final class Memory implements TraceeMemory {
        @Override
        public byte[] read(int pid, long addr, int len) {
            Map.Entry<Long, byte[]> r = regions.floorEntry(addr);
            if (r == null || addr >= r.getKey() + r.getValue().length) {
                return null;
            }
            int from = (int) (addr - r.getKey());
            return Arrays.copyOfRange(r.getValue(), from, Math.min(r.getValue().length, from + len));
        }

        @Override
        public CString readCString(int pid, long addr, int max) {
            byte[] b = read(pid, addr, max + 1);
            if (b == null) {
                return null;
            }
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    return new CString(Arrays.copyOf(b, i), true);
                }
            }
            return b.length > max ? new CString(Arrays.copyOf(b, max), false) : null;
        }

        @Override
        public long[] readWords(int pid, long addr, int max) {
            throw new UnsupportedOperationException();
        }
    }
}

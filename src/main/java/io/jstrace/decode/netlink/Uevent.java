package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.model.Value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * NETLINK_KOBJECT_UEVENT (strace's decode_netlink_kobject_uevent): a udev monitor message as
 * its header and the properties after it; anything else (a kernel uevent) as a string.
 */
final class Uevent {
    private Uevent() {}

    private static final byte[] PREFIX = "libudev\0".getBytes(StandardCharsets.US_ASCII);

    static Value decode(NlMem mem, long addr, long len) {
        StructSpec s = NlSpec.struct("udev_monitor_netlink_header");
        Bytes b = addr == 0 || len < s.size() || mem.call.failed() ? null : mem.read(addr, s.size());
        if (b == null || !Arrays.equals(Arrays.copyOf(b.b(), PREFIX.length), PREFIX)) {
            return mem.str(addr, len, NlMem.Quote.PLAIN);
        }
        Value header = s.print(null, b);
        if (len <= s.size()) {
            return header;
        }
        return new Value.Arr(List.of(header, mem.str(addr + s.size(), len - s.size(), NlMem.Quote.PLAIN)), false);
    }
}

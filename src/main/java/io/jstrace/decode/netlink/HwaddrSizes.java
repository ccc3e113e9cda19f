package io.jstrace.decode.netlink;

import java.util.HashMap;
import java.util.Map;

/**
 * How many bytes of a hardware address strace shows for a device type (its hwaddr_sizes), from
 * the {@code hwaddr_size ARPHRD_X N} lines of the netlink data files; types not listed up to
 * ARPHRD_VSOCKMON and beyond show the whole address.
 */
final class HwaddrSizes {
    private HwaddrSizes() {}

    private static final Map<Integer, Integer> SIZES = load();

    private static Map<Integer, Integer> load() {
        Map<Integer, Integer> m = new HashMap<>();
        for (String[] l : NlSpec.directives("hwaddr_size")) {
            m.put((int) NlSpec.constant("arp_hardware_types", l[0], "hwaddr_size"), Integer.parseInt(l[1]));
        }
        return Map.copyOf(m);
    }

    static int of(int devtype) {
        return SIZES.getOrDefault(devtype, 255);
    }
}

package io.jstrace.seccomp;

import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Docker's {@code includes}/{@code excludes} conditions test: the capabilities the command
 * starts with (jstrace's effective set, which a command it starts inherits), the architecture
 * (Docker's name for x86_64, {@code amd64}) and the kernel's version ({@code major.minor}).
 */
record Host(long capabilities, int kernel, int major) {
    static final String ARCH = "amd64";
    private static final Pattern CAP_EFF = Pattern.compile("(?m)^CapEff:\\s*([0-9a-f]+)$");
    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)");
    private static final Xlat CAPS = Xlat.of("capabilities");

    /** This machine and jstrace's own capabilities, read from /proc. */
    static Host current() {
        long caps = 0;
        int kernel = 0, major = 0;
        try {
            Matcher m = CAP_EFF.matcher(Files.readString(Path.of("/proc/self/status")));
            if (m.find()) {
                caps = Long.parseUnsignedLong(m.group(1), 16);
            }
            Matcher r = RELEASE.matcher(Files.readString(Path.of("/proc/sys/kernel/osrelease")));
            if (r.find()) {
                kernel = Integer.parseInt(r.group(1));
                major = Integer.parseInt(r.group(2));
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: no capabilities, kernel 0.0, so includes on either leave a rule out
        }
        return new Host(caps, kernel, major);
    }

    /** Whether the command has capability {@code name} (CAP_*); unknown names are not held. */
    boolean has(String name) {
        var bit = CAPS.value(name);
        return bit.isPresent() && bit.getAsLong() < 64 && (capabilities >>> bit.getAsLong() & 1) != 0;
    }

    /** Whether the kernel is {@code kernel.major} or later, as Docker compares (later releases of it count). */
    boolean atLeast(int k, int m) {
        return kernel > k || kernel == k && major >= m;
    }
}

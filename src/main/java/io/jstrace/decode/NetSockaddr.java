package io.jstrace.decode;

import io.jstrace.model.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Socket addresses as strace 6.1's print_sockaddr prints them, per address family. */
public final class NetSockaddr {
    private NetSockaddr() {}

    static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int SOCKADDR_STORAGE = 128;
    static final int SIN6_MIN_LEN = 24;

    /** decode_sockaddr: the address when shorter than a family or unreadable, else the struct. */
    static Value at(Call c, long addr, int len) {
        if (addr == 0 || len < 2) {
            return Decode.ptr(addr);
        }
        len = Math.min(len, SOCKADDR_STORAGE);
        Bytes b = Decode.struct(c, addr, len);
        return b == null ? Decode.ptr(addr) : of(b);
    }

    /** A sockaddr whose length is the whole of {@code b}. */
    public static Value of(Bytes b) {
        int len = b.length();
        int family = b.u16(0);
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("sa_family", Decode.sym("addrfams", family, Value.Radix.HEX, "AF_???")));
        if (len > 2) {
            switch (family) {
                case AF_INET -> {
                    if (len >= 16) {
                        inet(b, f);
                    } else {
                        raw(b, f);
                    }
                }
                case AF_INET6 -> {
                    if (len >= SIN6_MIN_LEN) {
                        inet6(b, f);
                    } else {
                        raw(b, f);
                    }
                }
                case AF_UNIX -> unix(b, f);
                case AF_NETLINK -> {
                    if (len >= 12) {
                        f.add(Decode.field("nl_pid", Decode.dec(b.s32(4))));
                        f.add(Decode.field("nl_groups", hex08(b.u32(8))));
                    } else {
                        raw(b, f);
                    }
                }
                default -> raw(b, f);
            }
        }
        return new Value.Struct(f, false);
    }

    private static void inet(Bytes b, List<Value.Field> f) {
        f.add(Decode.field("sin_port", port(b, 2)));
        f.add(Decode.field("sin_addr", new Value.Call("inet_addr",
                List.of(new Value.Str(ipv4(b, 4).getBytes(), false)))));
    }

    private static void inet6(Bytes b, List<Value.Field> f) {
        f.add(Decode.field("sin6_port", port(b, 2)));
        long flow = Long.reverseBytes(b.u32(4) << 32) & 0xffffffffL;
        f.add(Decode.field("sin6_flowinfo", new Value.Call("htonl", List.of(Value.Num.udec(flow)))));
        byte[] a = Arrays.copyOfRange(b.b(), 8, 24);
        f.add(Decode.field(null, new Value.Call("inet_pton", List.of(new Value.Sym("AF_INET6", AF_INET6),
                new Value.Str(ipv6(a).getBytes(), false), new Value.AddressOf("sin6_addr")))));
        if (b.length() > SIN6_MIN_LEN) {
            long scope = b.u32(24);
            boolean linkLocal = (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80
                    || (a[0] & 0xff) == 0xff && (a[1] & 0x0f) == 0x02;
            f.add(Decode.field("sin6_scope_id", linkLocal ? ifindex(scope) : Value.Num.udec(scope)));
        }
    }

    /** sun_path: NUL-terminated, or {@code @"..."} for the abstract namespace (all bytes up to the length). */
    private static void unix(Bytes b, List<Value.Field> f) {
        int len = Math.min(b.length(), 110);
        byte[] path = Arrays.copyOfRange(b.b(), 2, len);
        if (path.length > 0 && path[0] == 0) {
            f.add(Decode.field("sun_path", new Value.Abstract(
                    new Value.Str(Arrays.copyOfRange(path, 1, path.length), false))));
            return;
        }
        int n = 0;
        while (n < path.length && path[n] != 0) {
            n++;
        }
        f.add(Decode.field("sun_path", new Value.Str(Arrays.copyOf(path, n), false)));
    }

    private static void raw(Bytes b, List<Value.Field> f) {
        f.add(Decode.field("sa_data", new Value.Str(Arrays.copyOfRange(b.b(), 2, b.length()), false)));
    }

    /** {@code htons(80)}: ports are in network byte order. */
    static Value port(Bytes b, int off) {
        return new Value.Call("htons", List.of(Value.Num.udec(b.u8(off) << 8 | b.u8(off + 1))));
    }

    public static String ipv4(Bytes b, int off) {
        return b.u8(off) + "." + b.u8(off + 1) + "." + b.u8(off + 2) + "." + b.u8(off + 3);
    }

    /** C's {@code %#08x}: zero is {@code 00000000}, others {@code 0x} and at least six digits. */
    static Value hex08(long v) {
        return new Value.Num(v, Value.Radix.WORD32);
    }

    /** glibc inet_ntop(AF_INET6): the longest run (2+) of zero groups as {@code ::}, IPv4 tails for mapped addresses. */
    public static String ipv6(byte[] a) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        }
        int bestBase = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestBase = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    sb.append(':');
                }
                continue;
            }
            if (i != 0) {
                sb.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(ipv4(new Bytes(a), 12));
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            sb.append(':');
        }
        return sb.toString();
    }

    /**
     * strace's print_ifindex: the index by name when the host has it, {@code if_nametoindex("eth0")}
     * (the number under -X raw, both under -X verbose), else the number.
     */
    public static Value ifindex(long index) {
        try (var dirs = Files.list(Path.of("/sys/class/net"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                try {
                    if (Long.parseLong(Files.readString(d.resolve("ifindex")).strip()) == index) {
                        Value name = new Value.Call("if_nametoindex",
                                List.of(new Value.Str(d.getFileName().toString().getBytes(), false)));
                        return new Value.Decoded(index, Value.Radix.UDEC, name, false);
                    }
                } catch (IOException | NumberFormatException e) {
                    // not an interface directory
                }
            }
        } catch (IOException e) {
            // no sysfs: fall back to the number
        }
        return Value.Num.udec(index);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.jstrace.decode.Decode.field;

/**
 * Socket addresses as strace 6.1's print_sockaddr prints them: the family, then the family's
 * fields when the address is long enough for them, else its bytes as {@code sa_data}. UNIX,
 * inet, netlink and packet addresses are here; older and newer families in {@link NetSockaddrOld}
 * and {@link NetSockaddrNew}.
 */
public final class NetSockaddr {
    private NetSockaddr() {}

    static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int SOCKADDR_STORAGE = 128;
    private static final int SA_FAMILY = 2;

    static final Layout SIN = Layout.of("sockaddr_in"), SIN6 = Layout.of("sockaddr_in6"), SUN = Layout.of("sockaddr_un"),
            SNL = Layout.of("sockaddr_nl"), SLL = Layout.of("sockaddr_ll");
    private static final Layout.Field SIN_PORT = SIN.field("sin_port"), SIN_ADDR = SIN.field("sin_addr"),
            SIN6_PORT = SIN6.field("sin6_port"), SIN6_FLOWINFO = SIN6.field("sin6_flowinfo"),
            SIN6_ADDR = SIN6.field("sin6_addr"), SIN6_SCOPE_ID = SIN6.field("sin6_scope_id"),
            SUN_PATH = SUN.field("sun_path"), NL_PAD = SNL.field("nl_pad"), NL_PID = SNL.field("nl_pid"),
            NL_GROUPS = SNL.field("nl_groups"), SLL_PROTOCOL = SLL.field("sll_protocol"),
            SLL_IFINDEX = SLL.field("sll_ifindex"), SLL_HATYPE = SLL.field("sll_hatype"),
            SLL_PKTTYPE = SLL.field("sll_pkttype"), SLL_HALEN = SLL.field("sll_halen"), SLL_ADDR = SLL.field("sll_addr");
    /** An AF_INET6 address without its scope id is still an inet6 address. */
    static final int SIN6_MIN_LEN = SIN6_SCOPE_ID.offset();

    /** How one family's fields print, given the address zero-padded past its length {@code len}. */
    @FunctionalInterface
    private interface Body {
        void print(Call c, Bytes b, int len, List<Value.Field> f);
    }

    /** A family's printer and the least length it prints from (shorter addresses show sa_data). */
    private record Printer(int minLen, Body body) {}

    private static final Map<Integer, Printer> PRINTERS = Map.ofEntries(
            Map.entry(AF_UNIX, new Printer(SA_FAMILY + 1, (c, b, len, f) -> unix(b, len, f))),
            Map.entry(AF_INET, new Printer(SIN.size(), (c, b, len, f) -> inet(b, len, f))),
            Map.entry(af("AF_AX25"), new Printer(NetSockaddrOld.AX25.field("fsa_ax25").size(), (c, b, len, f) -> NetSockaddrOld.ax25(b, len, f))),
            Map.entry(af("AF_IPX"), new Printer(NetSockaddrOld.IPX.size(), (c, b, len, f) -> NetSockaddrOld.ipx(b, len, f))),
            Map.entry(af("AF_X25"), new Printer(NetSockaddrOld.X25.size(), (c, b, len, f) -> NetSockaddrOld.x25(b, len, f))),
            Map.entry(AF_INET6, new Printer(SIN6_MIN_LEN, (c, b, len, f) -> inet6(b, len, f))),
            Map.entry(AF_NETLINK, new Printer(SNL.size(), (c, b, len, f) -> netlink(c, b, f))),
            Map.entry(af("AF_PACKET"), new Printer(SLL.size(), (c, b, len, f) -> packet(b, len, f))),
            Map.entry(af("AF_RXRPC"), new Printer(NetSockaddrOld.RXRPC.size(), (c, b, len, f) -> NetSockaddrOld.rxrpc(b, len, f))),
            Map.entry(af("AF_IEEE802154"), new Printer(NetSockaddrNew.IEEE802154.size(), (c, b, len, f) -> NetSockaddrNew.ieee802154(b, len, f))),
            Map.entry(af("AF_ALG"), new Printer(NetSockaddrNew.ALG.size() + 1, (c, b, len, f) -> NetSockaddrNew.alg(b, len, f))),
            Map.entry(af("AF_NFC"), new Printer(NetSockaddrNew.NFC.size(), (c, b, len, f) -> NetSockaddrNew.nfc(b, len, f))),
            Map.entry(af("AF_VSOCK"), new Printer(NetSockaddrNew.VSOCK.size(), (c, b, len, f) -> NetSockaddrNew.vsock(b, len, f))),
            Map.entry(af("AF_QIPCRTR"), new Printer(NetSockaddrNew.QRTR.size(), (c, b, len, f) -> NetSockaddrNew.qrtr(b, len, f))),
            Map.entry(af("AF_XDP"), new Printer(NetSockaddrNew.XDP.size(), NetSockaddrNew::xdp)),
            Map.entry(af("AF_MCTP"), new Printer(NetSockaddrNew.MCTP.size(), (c, b, len, f) -> NetSockaddrNew.mctp(b, len, f))));

    /** An address family's number, from the table strace names them with. */
    private static int af(String name) {
        return (int) Xlat.of("addrfams").value(name).orElseThrow();
    }

    /** strace's decode_sockaddr: the address when shorter than a family or unreadable, else the struct. */
    static Value at(Call c, long addr, int len) {
        if (len < SA_FAMILY) {
            return Decode.ptr(addr);
        }
        len = Math.min(len, SOCKADDR_STORAGE);
        Bytes b = Decode.struct(c, addr, len);
        return b == null ? Decode.ptr(addr) : of(c, b);
    }

    /** The family an address at {@code addr} of {@code len} bytes has, as decode_sockaddr returns it; -1 when it prints none. */
    static int family(Call c, long addr, int len) {
        Bytes b = addr == 0 || len < SA_FAMILY ? null : Decode.struct(c, addr, SA_FAMILY);
        return b == null ? -1 : b.u16(0);
    }

    /** A sockaddr whose length is the whole of {@code b}. */
    public static Value of(Bytes b) {
        return of(null, b);
    }

    /** {@link #of(Bytes)} with the call (an fd an address holds prints with -y). */
    static Value of(Call c, Bytes b) {
        int len = b.length();
        // strace reads the address into a zeroed sockaddr_storage and one byte more.
        Bytes padded = new Bytes(Arrays.copyOf(b.b(), Math.max(len, SOCKADDR_STORAGE + 1)));
        int family = b.u16(0);
        List<Value.Field> f = new ArrayList<>();
        f.add(field("sa_family", Decode.sym("addrfams", family, Value.Radix.HEX, "AF_???")));
        if (len > SA_FAMILY) {
            Printer p = PRINTERS.get(family);
            if (p != null && len >= p.minLen()) {
                p.body().print(c, padded, len, f);
            } else {
                f.add(field("sa_data", new Value.Str(Arrays.copyOfRange(b.b(), SA_FAMILY, len), false)));
            }
        }
        return new Value.Struct(f, false);
    }

    /** sun_path: up to its NUL, or {@code @"..."} for the abstract namespace (all bytes up to the length). */
    private static void unix(Bytes b, int len, List<Value.Field> f) {
        int pathLen = Math.min(len, SUN.size()) - SUN_PATH.offset();
        int at = SUN_PATH.offset();
        if (b.u8(at) == 0) {
            f.add(field("sun_path", new Value.Abstract(new Value.Str(Arrays.copyOfRange(b.b(), at + 1, at + pathLen), false))));
            return;
        }
        int n = 0;
        while (n < pathLen && b.u8(at + n) != 0) {
            n++;
        }
        f.add(field("sun_path", new Value.Str(Arrays.copyOfRange(b.b(), at, at + n), false)));
    }

    /** struct sockaddr_in's port and address. */
    static void inet(Bytes b, int len, List<Value.Field> f) {
        f.add(field("sin_port", port(b, SIN_PORT)));
        f.add(field("sin_addr", inetAddr(b, SIN_ADDR.offset())));
    }

    /** The AF_INET address at {@code off}: its bytes under -X raw, {@code inet_addr("127.0.0.1")} otherwise. */
    static Value inetAddr(Bytes b, int off) {
        Value text = new Value.Call("inet_addr", List.of(new Value.Str(ipv4(b, off).getBytes(), false)));
        return new Value.Styled(hex(b, off, 4), text, text);
    }

    /** struct sockaddr_in6; the scope id when the length covers it, by interface name for link-local addresses. */
    static void inet6(Bytes b, int len, List<Value.Field> f) {
        f.add(field("sin6_port", port(b, SIN6_PORT)));
        long flow = Integer.reverseBytes((int) b.u(SIN6_FLOWINFO)) & 0xffffffffL;
        Value htonl = new Value.Call("htonl", List.of(Value.Num.udec(flow)));
        f.add(field("sin6_flowinfo", new Value.Styled(hex(b, SIN6_FLOWINFO.offset(), SIN6_FLOWINFO.size()), htonl, htonl)));
        byte[] a = Arrays.copyOfRange(b.b(), SIN6_ADDR.offset(), SIN6_ADDR.offset() + SIN6_ADDR.size());
        f.add(field(null, inet6Addr(a, "sin6_addr")));
        if (len <= SIN6_MIN_LEN) {
            return;
        }
        long scope = b.u(SIN6_SCOPE_ID);
        boolean linkLocal = (a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80
                || (a[0] & 0xff) == 0xff && (a[1] & 0x0f) == 0x02;
        f.add(field("sin6_scope_id", linkLocal ? ifindex(scope) : Value.Num.udec(scope)));
    }

    /**
     * An AF_INET6 address named {@code name}: {@code inet_pton(AF_INET6, "::1", &name)} by default,
     * {@code name="\x00..."} under -X raw, and both, the call without its out argument, under -X verbose.
     */
    static Value inet6Addr(byte[] a, String name) {
        Value text = new Value.Str(ipv6(a).getBytes(), false);
        Value af = new Value.Name("AF_INET6");
        return new Value.Styled(field(name, new Value.Str(a, false, true)),
                new Value.Call("inet_pton", List.of(af, text, new Value.AddressOf(name))),
                new Value.Call("inet_pton", List.of(af, text)));
    }

    /** struct sockaddr_nl; nl_pid is a process's (-Y, --pidns-translation) where the call is known. */
    private static void netlink(Call c, Bytes b, List<Value.Field> f) {
        if (b.u(NL_PAD) != 0) {
            f.add(field("nl_pad", Value.Num.hex(b.u(NL_PAD))));
        }
        int pid = (int) b.s(NL_PID);
        f.add(field("nl_pid", c == null ? Decode.dec(pid) : Pids.of(c, pid, Pids.Type.TGID)));
        f.add(field("nl_groups", new Value.Num(b.u(NL_GROUPS), Value.Radix.WORD32)));
    }

    /** struct sockaddr_ll; the hardware address as long as sll_halen says, {@code ...} past the address's end. */
    private static void packet(Bytes b, int len, List<Value.Field> f) {
        int proto = (int) Short.toUnsignedLong(Short.reverseBytes((short) b.u(SLL_PROTOCOL)));
        Value htons = new Value.Call("htons", List.of(Decode.sym("ethernet_protocols", proto, Value.Radix.HEX, "ETH_P_???")));
        f.add(field("sll_protocol", new Value.Styled(hex(b, SLL_PROTOCOL.offset(), SLL_PROTOCOL.size()), htons, htons)));
        f.add(field("sll_ifindex", ifindex(b.u(SLL_IFINDEX))));
        f.add(field("sll_hatype", Decode.sym("arp_hardware_types", b.u(SLL_HATYPE), Value.Radix.HEX, "ARPHRD_???")));
        f.add(field("sll_pkttype", Decode.sym("af_packet_types", b.u(SLL_PKTTYPE), Value.Radix.HEX, "PACKET_???")));
        int halen = (int) b.u(SLL_HALEN);
        f.add(field("sll_halen", Value.Num.udec(halen)));
        if (halen == 0) {
            return;
        }
        int inBounds = len - SLL_ADDR.offset();
        List<Value> addr = new ArrayList<>();
        for (int i = 0; i < halen && i < inBounds; i++) {
            addr.add(new Value.Num(b.u8(SLL_ADDR.offset() + i), Value.Radix.WORD8));
        }
        f.add(field("sll_addr", new Value.Arr(addr, halen > inBounds)));
    }

    /** A port in network byte order: {@code htons(80)}, its two bytes under -X raw. */
    static Value port(Bytes b, Layout.Field port) {
        int off = port.offset();
        Value htons = new Value.Call("htons", List.of(Value.Num.udec(b.u8(off) << 8 | b.u8(off + 1))));
        return new Value.Styled(hex(b, off, 2), htons, htons);
    }

    /** {@code n} bytes at {@code off} as strace's QUOTE_FORCE_HEX string. */
    static Value hex(Bytes b, int off, int n) {
        return new Value.Str(Arrays.copyOfRange(b.b(), off, off + n), false, true);
    }

    /**
     * strace's print_quoted_cstring of a {@code size}-byte array: up to its NUL, the first
     * {@code size - 1} bytes followed by {@code ...} when the last byte is no NUL either.
     */
    static Value cstring(Bytes b, int off, int size) {
        int max = Math.max(size - 1, 0);
        for (int i = 0; i < max; i++) {
            if (b.u8(off + i) == 0) {
                return new Value.Str(Arrays.copyOfRange(b.b(), off, off + i), false);
            }
        }
        return new Value.Str(Arrays.copyOfRange(b.b(), off, off + max), b.u8(off + max) != 0);
    }

    /** A hardware address: {@code 8a:8b:...}, its bytes under -X raw (strace's print_hwaddr). */
    static Value hwaddr(byte[] a) {
        StringBuilder sb = new StringBuilder();
        for (byte x : a) {
            sb.append(sb.isEmpty() ? "" : ":").append(String.format("%02x", x & 0xff));
        }
        Value text = new Value.Name(sb.toString());
        return new Value.Styled(new Value.Str(a, false, true), text, text);
    }

    public static String ipv4(Bytes b, int off) {
        return b.u8(off) + "." + b.u8(off + 1) + "." + b.u8(off + 2) + "." + b.u8(off + 3);
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

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static io.jstrace.decode.Decode.field;

/**
 * A msghdr's control messages as strace 6.1's decode_msg_control prints them: every header in
 * the buffer (bounded by the kernel's optmem_max), and the data of the SOL_SOCKET and SOL_IP
 * messages strace knows when there is enough of it.
 */
final class NetCmsg {
    private NetCmsg() {}

    private static final Layout CMSGHDR = Layout.of("cmsghdr"), UCRED = Layout.of("ucred"),
            PKTINFO = Layout.of("in_pktinfo"), EXTENDED_ERR = Layout.of("sock_extended_err");
    private static final Layout.Field CMSG_LEN = CMSGHDR.field("cmsg_len"), CMSG_LEVEL = CMSGHDR.field("cmsg_level"),
            CMSG_TYPE = CMSGHDR.field("cmsg_type"), PID = UCRED.field("pid"), UID = UCRED.field("uid"), GID = UCRED.field("gid"),
            IPI_IFINDEX = PKTINFO.field("ipi_ifindex"), IPI_SPEC_DST = PKTINFO.field("ipi_spec_dst"),
            IPI_ADDR = PKTINFO.field("ipi_addr");
    private static final String[] EE_FIELDS = {"ee_errno", "ee_origin", "ee_type", "ee_code", "ee_info", "ee_data"};
    private static final int HEADER = CMSGHDR.size();
    private static final int WORD = 8;
    private static final long SOL_IP = Xlat.of("socketlayers").value("SOL_IP").orElseThrow(),
            SOL_SOCKET = Xlat.of("socketlayers").value("SOL_SOCKET").orElseThrow();
    /** The kernel's default optmem_max bound where /proc does not say: 8 * (2 * IOV_MAX + 512). */
    private static final int OPTMEM_MAX_DEFAULT = 8 * (2 * 1024 + 512);

    /** A control message type's data printer and the least data it prints from. */
    private record Printer(int minLen, DataPrinter print) {}

    @FunctionalInterface
    private interface DataPrinter {
        Value print(Call c, Bytes data);
    }

    /** The SOL_SOCKET messages strace prints the data of, by their names in scmvals. */
    private static final Map<Long, Printer> SOCKET = byName("scmvals", Map.of(
            "SCM_RIGHTS", new Printer(4, NetCmsg::fds),
            "SCM_CREDENTIALS", new Printer(UCRED.size(), NetCmsg::credentials),
            "SCM_SECURITY", new Printer(1, (c, d) -> new Value.Str(d.b(), false)),
            "SO_TIMESTAMP_OLD", new Printer(1, (c, d) -> times(d, 1, false)),
            "SO_TIMESTAMPNS_OLD", new Printer(1, (c, d) -> times(d, 1, true)),
            "SO_TIMESTAMPING_OLD", new Printer(1, (c, d) -> times(d, 3, true)),
            "SO_TIMESTAMP_NEW", new Printer(1, (c, d) -> times(d, 1, false)),
            "SO_TIMESTAMPNS_NEW", new Printer(1, (c, d) -> times(d, 1, true)),
            "SO_TIMESTAMPING_NEW", new Printer(1, (c, d) -> times(d, 3, true))));

    /** The SOL_IP messages strace prints the data of, by their names in ip_cmsg_types. */
    private static final Map<Long, Printer> IP = byName("ip_cmsg_types", Map.of(
            "IP_PKTINFO", new Printer(PKTINFO.size(), (c, d) -> pktinfo(d)),
            "IP_TTL", new Printer(4, (c, d) -> array(c, d, 4, i -> Value.Num.udec(d.u32(i)))),
            "IP_TOS", new Printer(1, (c, d) -> array(c, d, 1, i -> Value.Num.hex(d.u8(i)))),
            "IP_RECVOPTS", new Printer(1, (c, d) -> array(c, d, 1, i -> Value.Num.hex(d.u8(i)))),
            "IP_RETOPTS", new Printer(1, (c, d) -> array(c, d, 1, i -> Value.Num.hex(d.u8(i)))),
            "IP_RECVERR", new Printer(EXTENDED_ERR.size() + NetSockaddr.SIN.size(), (c, d) -> extendedError(d)),
            "IP_ORIGDSTADDR", new Printer(NetSockaddr.SIN.size(),
                    (c, d) -> NetSockaddr.of(c, d.slice(0, Math.min(d.length(), NetSockaddr.SOCKADDR_STORAGE)))),
            "IP_CHECKSUM", new Printer(4, (c, d) -> array(c, d, 4, i -> Value.Num.udec(d.u32(i)))),
            "SCM_SECURITY", new Printer(1, (c, d) -> new Value.Str(d.b(), false))));

    private static Map<Long, Printer> byName(String table, Map<String, Printer> printers) {
        Map<Long, Printer> m = new HashMap<>();
        printers.forEach((name, p) -> m.put(Xlat.of(table).value(name).orElseThrow(), p));
        return Map.copyOf(m);
    }

    /** The cmsghdr chain of {@code controllen} bytes at {@code addr}. */
    static Value control(Call c, long addr, long controllen) {
        long max = optmemMax();
        int len = (int) (Long.compareUnsigned(controllen, max) > 0 ? max : controllen);
        Bytes b = len < HEADER ? null : Decode.struct(c, addr, len);
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value> items = new ArrayList<>();
        int off = 0, left = len;
        while (left >= HEADER) {
            Bytes h = b.slice(off, HEADER);
            long cmsgLen = h.u(CMSG_LEN);
            int level = (int) h.s(CMSG_LEVEL), type = (int) h.s(CMSG_TYPE);
            long shown = Long.compareUnsigned(cmsgLen, left) > 0 ? left : cmsgLen;
            int dataLen = shown > HEADER ? (int) shown - HEADER : 0;
            items.add(message(c, cmsgLen, level, type, b.slice(off + HEADER, dataLen)));
            if (shown < HEADER) {
                left -= HEADER;
                break;
            }
            long next = (cmsgLen + WORD - 1) & -WORD;
            if (Long.compareUnsigned(next, left) >= 0) {
                left = 0;
                break;
            }
            off += (int) next;
            left -= (int) next;
        }
        if (left != 0) {
            items.add(new Value.Commented(Value.ELLIPSIS, "0x" + Long.toHexString(addr + len - left)));
        } else if (len != controllen) {
            items.add(Value.ELLIPSIS);
        }
        return new Value.Arr(items, false);
    }

    private static Value message(Call c, long cmsgLen, int level, int type, Bytes data) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("cmsg_len", Value.Num.udec(cmsgLen)));
        f.add(field("cmsg_level", Decode.sym("socketlayers", level & 0xffffffffL, Value.Radix.HEX, "SOL_???")));
        Printer p = null;
        long t = type & 0xffffffffL;
        if (level == SOL_SOCKET) {
            f.add(field("cmsg_type", Decode.sym("scmvals", t, Value.Radix.HEX, "SCM_???")));
            p = SOCKET.get(t);
        } else if (level == SOL_IP) {
            f.add(field("cmsg_type", Decode.sym("ip_cmsg_types", t, Value.Radix.HEX, "IP_???")));
            p = IP.get(t);
        } else {
            f.add(field("cmsg_type", Value.Num.hex(t)));
        }
        if (p != null && data.length() >= p.minLen()) {
            f.add(field("cmsg_data", p.print().print(c, data)));
        }
        return new Value.Struct(f, false);
    }

    private static Value fds(Call c, Bytes d) {
        return array(c, d, 4, i -> Decode.fd(c, d.s32(i)));
    }

    /** strace's print_local_array: the elements that fit, at most -s of them unless -v. */
    private static Value array(Call c, Bytes d, int size, IntFunction<Value> element) {
        int n = d.length() / size;
        long limit = c.options.verbose() ? Long.MAX_VALUE : c.options.stringLimit();
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < n && items.size() < limit; i++) {
            items.add(element.apply(i * size));
        }
        return new Value.Arr(items, items.size() < n);
    }

    private static Value credentials(Call c, Bytes d) {
        return Decode.struct(field("pid", Pids.of(c, (int) d.s(PID), Pids.Type.TGID)), field("uid", Decode.uid(d.u(UID))),
                field("gid", Decode.uid(d.u(GID))));
    }

    /** {@code count} timevals or timespecs; strace's "unavailable" mark when the data is too short. */
    private static Value times(Bytes d, int count, boolean nanos) {
        int size = nanos ? TimeDecoder.TIMESPEC : TimeDecoder.TIMEVAL;
        if (d.length() < size * count) {
            return new Value.Note("???");
        }
        if (count == 1) {
            return nanos ? TimeDecoder.timespec(d, 0) : TimeDecoder.timeval(d, 0);
        }
        List<Value> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(TimeDecoder.timespec(d, i * size));
        }
        return new Value.Arr(items, false);
    }

    private static Value pktinfo(Bytes d) {
        return Decode.struct(field("ipi_ifindex", NetSockaddr.ifindex(d.u(IPI_IFINDEX))),
                field("ipi_spec_dst", NetSockaddr.inetAddr(d, IPI_SPEC_DST.offset())),
                field("ipi_addr", NetSockaddr.inetAddr(d, IPI_ADDR.offset())));
    }

    /** struct sock_extended_err and the AF_INET address of the offender after it. */
    private static Value extendedError(Bytes d) {
        List<Value.Field> f = new ArrayList<>();
        for (String name : EE_FIELDS) {
            f.add(field(name, Value.Num.udec(d.u(EXTENDED_ERR.field(name)))));
        }
        f.add(field("offender", NetSockaddr.of(d.slice(EXTENDED_ERR.size(), NetSockaddr.SIN.size()))));
        return new Value.Struct(f, false);
    }

    /** The kernel's bound on control data, rounded up to a word, as strace reads it once. */
    private static long optmemMax() {
        return OptmemMax.VALUE;
    }

    private static final class OptmemMax {
        static final long VALUE = read();

        private static long read() {
            try {
                // Files.readString gets only the first byte of this sysctl file (JDK 25): read lines.
                long v = Long.parseLong(Files.readAllLines(Path.of("/proc/sys/net/core/optmem_max")).get(0).strip());
                return v <= 0 ? OPTMEM_MAX_DEFAULT : (v + WORD - 1) & -WORD;
            } catch (IOException | RuntimeException e) {
                return OPTMEM_MAX_DEFAULT;
            }
        }
    }
}

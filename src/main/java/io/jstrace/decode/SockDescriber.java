package io.jstrace.decode;

import io.jstrace.linux.ProcDirs;
import io.jstrace.linux.Errno;
import io.jstrace.linux.NetlinkSocket;
import io.jstrace.linux.Xattr;
import io.jstrace.xlat.Xlat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * -yy socket endpoints, as strace 6.1 prints them: {@code TCP:[127.0.0.1:40000->127.0.0.1:8080]},
 * {@code UNIX-STREAM:[1234->1235]}, {@code NETLINK:[ROUTE:42]}, or {@code PROTO:[inode]} when the
 * socket is not bound. The protocol comes from the socket's {@code system.sockprotoname} xattr;
 * inet and netlink endpoints from the tracee's /proc/PID/net tables, UNIX peers from sock_diag.
 */
public final class SockDescriber {
    private SockDescriber() {}

    /** A socket's text; {@code found} when its endpoints were found (worth caching), not just its inode. */
    public record Description(String text, boolean found) {}

    /** The description of socket {@code inode} open as {@code fd} in {@code tid}, or null when the protocol is unknown. */
    public static Description describe(int tid, int fd, long inode) {
        String proto = protocolName(ProcDirs.of(tid) + "/fd/" + fd);
        if (proto == null) {
            return null;
        }
        String details = switch (proto) {
            case "TCP", "UDP", "UDPLITE", "RAW", "TCPv6", "UDPv6", "UDPLITEv6", "RAWv6" ->
                    inet(tid, proto, inode);
            case "UNIX", "UNIX-STREAM" -> unix(inode);
            case "NETLINK" -> netlink(tid, inode);
            default -> null;
        };
        if (details != null) {
            return new Description(proto + ":[" + details + "]", true);
        }
        return KNOWN.contains(proto) ? new Description(proto + ":[" + inode + "]", false) : null;
    }

    /** Protocols strace knows by name; others print as the plain {@code socket:[inode]}. */
    private static final List<String> KNOWN = List.of("UNIX", "UNIX-STREAM", "TCP", "UDP", "UDPLITE", "DCCP",
            "SCTP", "L2TP/IP", "PING", "RAW", "TCPv6", "UDPv6", "UDPLITEv6", "DCCPv6", "L2TP/IPv6", "SCTPv6",
            "PINGv6", "RAWv6", "NETLINK");

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int NLM_F_DUMP = 0x300;
    private static final int NLMSG_DONE = 3;

    /** IP protocol per strace protocol name; RAW sockets are looked up with IPPROTO_RAW's dump as strace does. */
    private static int ipProtocol(String base) {
        return switch (base) {
            case "TCP" -> 6;
            case "UDP" -> 17;
            case "UDPLITE" -> 136;
            default -> 255;
        };
    }

    /**
     * An inet socket from an inet_diag dump of its protocol (all states, so bound but
     * unconnected sockets are found too): {@code local} or {@code local->remote}.
     */
    static String inet(int tid, String proto, long inode) {
        boolean v6 = proto.endsWith("v6");
        String base = v6 ? proto.substring(0, proto.length() - 2) : proto;
        ByteBuffer req = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
        req.putInt(72).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(0).putInt(0);
        req.put((byte) (v6 ? AF_INET6 : AF_INET)).put((byte) ipProtocol(base)).put((byte) 0).put((byte) 0)
                .putInt(-1);
        // inet_diag_sockid left zero: a dump of every socket of the protocol.
        String[] found = new String[1];
        diag(req.array(), msg -> {
            ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN);
            if (msg.length < 16 + 72 || (b.getInt(16 + 68) & 0xffffffffL) != inode) {
                return false;
            }
            int id = 16 + 4;
            int sport = (b.get(id) & 0xff) << 8 | (b.get(id + 1) & 0xff);
            int dport = (b.get(id + 2) & 0xff) << 8 | (b.get(id + 3) & 0xff);
            byte[] src = Arrays.copyOfRange(msg, id + 4, id + 20);
            byte[] dst = Arrays.copyOfRange(msg, id + 20, id + 36);
            String l = endpoint(src, sport, v6);
            boolean dstZero = true;
            for (int i = 0; i < (v6 ? 16 : 4); i++) {
                dstZero &= dst[i] == 0;
            }
            found[0] = dport == 0 && dstZero ? l : l + "->" + endpoint(dst, dport, v6);
            return true;
        });
        return found[0];
    }

    private static String endpoint(byte[] a, int port, boolean v6) {
        if (!v6) {
            return NetSockaddr.ipv4(new Bytes(a), 0) + ":" + port;
        }
        return "[" + NetSockaddr.ipv6(a) + "]:" + port;
    }

    /** /proc/PID/net/netlink: protocol and port id of a bound netlink socket. */
    static String netlink(int tid, long inode) {
        long[] e = netlinkEntry(tid, inode);
        if (e == null) {
            return null;
        }
        String name = Xlat.of("netlink_protocols").name(e[0]);
        return (name != null ? name.substring("NETLINK_".length()) : Long.toString(e[0])) + ":" + e[1];
    }

    /** Protocol and port id of bound netlink socket {@code inode} in {@code tid}'s namespace, or null. */
    private static long[] netlinkEntry(int tid, long inode) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(ProcDirs.of(tid) + "/net/netlink"));
        } catch (IOException e) {
            return null;
        }
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 10 && f[9].equals(Long.toString(inode))) {
                return new long[] {Integer.parseInt(f[1]), Long.parseLong(f[2])};
            }
        }
        return null;
    }

    /** {@link #netlinkProtocol}: {@code fd} is not a netlink socket. */
    public static final int NOT_NETLINK = -2;

    /**
     * The protocol of netlink socket {@code fd} of {@code tid}, as strace finds it (the socket's
     * protocol name, then its entry among the bound netlink sockets); -1 for a netlink socket not
     * bound yet, {@link #NOT_NETLINK} for anything else.
     */
    public static int netlinkProtocol(int tid, int fd) {
        String path = ProcDirs.of(tid) + "/fd/" + fd;
        if (!"NETLINK".equals(protocolName(path))) {
            return NOT_NETLINK;
        }
        try {
            String link = Files.readSymbolicLink(Path.of(path)).toString();
            if (link.startsWith("socket:[") && link.endsWith("]")) {
                long[] e = netlinkEntry(tid, Long.parseLong(link.substring(8, link.length() - 1)));
                return e == null ? -1 : (int) e[0];
            }
        } catch (IOException | NumberFormatException e) {
            // gone meanwhile
        }
        return -1;
    }

    // ---- UNIX sockets: peer inode and bound name come from NETLINK_SOCK_DIAG.

    private static final int AF_UNIX = 1;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int NLM_F_REQUEST = 1;
    private static final int NLMSG_ERROR = 2;
    private static final int UDIAG_SHOW_NAME = 1;
    private static final int UDIAG_SHOW_PEER = 4;
    private static final int UNIX_DIAG_NAME = 0;
    private static final int UNIX_DIAG_PEER = 2;

    static String unix(long inode) {
        ByteBuffer req = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        req.putInt(40).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) NLM_F_REQUEST).putInt(0).putInt(0);
        req.put((byte) AF_UNIX).put((byte) 0).putShort((short) 0).putInt(-1).putInt((int) inode)
                .putInt(UDIAG_SHOW_NAME | UDIAG_SHOW_PEER).putInt(-1).putInt(-1);
        byte[][] got = new byte[1][];
        diag(req.array(), msg -> {
            got[0] = msg;
            return true;
        });
        byte[] reply = got[0];
        if (reply == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(reply).order(ByteOrder.LITTLE_ENDIAN);
        if (reply.length < 32 || b.getShort(4) == NLMSG_ERROR || (b.getInt(20) & 0xffffffffL) != inode) {
            return null;
        }
        int msgLen = Math.min(b.getInt(0), reply.length);
        long peer = 0;
        byte[] name = null;
        for (int off = 32; off + 4 <= msgLen; ) {
            int len = b.getShort(off) & 0xffff;
            int type = b.getShort(off + 2) & 0xffff;
            if (len < 4 || off + len > msgLen) {
                break;
            }
            if (type == UNIX_DIAG_PEER && len >= 8) {
                peer = b.getInt(off + 4) & 0xffffffffL;
            } else if (type == UNIX_DIAG_NAME) {
                name = Arrays.copyOfRange(reply, off + 4, off + len);
            }
            off += (len + 3) & ~3;
        }
        if (peer == 0 && (name == null || name.length == 0)) {
            return null;
        }
        StringBuilder sb = new StringBuilder().append(inode);
        if (peer != 0) {
            sb.append("->").append(peer);
        }
        if (name != null && name.length > 0) {
            sb.append(',');
            if (name[0] == 0) {
                sb.append('@');
                quote(sb, Arrays.copyOfRange(name, 1, name.length));
            } else {
                int n = 0;
                while (n < name.length && name[n] != 0) {
                    n++;
                }
                quote(sb, java.util.Arrays.copyOf(name, n));
            }
        }
        return sb.toString();
    }

    /** A C-style quoted string (strace's print_quoted_string into its details buffer). */
    private static void quote(StringBuilder sb, byte[] s) {
        sb.append('"');
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case 0x0b -> sb.append("\\v");
                default -> {
                    if (c >= ' ' && c < 0x7f) {
                        sb.append((char) c);
                    } else {
                        boolean digitNext = i + 1 < s.length && s[i + 1] >= '0' && s[i + 1] <= '7';
                        String o = Integer.toOctalString(c);
                        sb.append('\\').append(digitNext ? "000".substring(o.length()) + o : o);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** The socket's protocol name ({@code TCP}, {@code UNIX-STREAM}, ...) from its xattr, or null. */
    static String protocolName(String fdPath) {
        byte[] b = Xattr.get(fdPath, "system.sockprotoname", 63);
        if (b == null || b.length == 0) {
            return null;
        }
        int len = 0;
        while (len < b.length && b[len] != 0) {
            len++;
        }
        return new String(b, 0, len, StandardCharsets.ISO_8859_1);
    }

    /**
     * Sends one NETLINK_SOCK_DIAG request and hands each reply message to {@code each} until it
     * returns true, the dump ends, or an error comes back.
     */
    private static void diag(byte[] request, Predicate<byte[]> each) {
        try (NetlinkSocket s = NetlinkSocket.open(NETLINK_SOCK_DIAG)) {
            s.send(request);
            while (true) {
                byte[] in = s.receive();
                if (in.length == 0) {
                    return;
                }
                ByteBuffer b = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
                for (int off = 0; off + 16 <= in.length; ) {
                    int len = b.getInt(off);
                    int type = b.getShort(off + 4) & 0xffff;
                    if (len < 16 || off + len > in.length || type == NLMSG_DONE || type == NLMSG_ERROR) {
                        return;
                    }
                    if (each.test(Arrays.copyOfRange(in, off, off + len))) {
                        return;
                    }
                    off += (len + 3) & ~3;
                }
                // A single request gets a single reply; a dump goes on until NLMSG_DONE.
                if (((request[6] & 0xff | (request[7] & 0xff) << 8) & NLM_F_DUMP) == 0) {
                    return;
                }
            }
        } catch (Errno e) {
            // no sock_diag: the caller falls back to PROTO:[inode]
        }
    }
}

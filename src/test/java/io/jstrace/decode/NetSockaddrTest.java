package io.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NetSockaddrTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    private static Bytes bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return new Bytes(out);
    }

    @Test
    void inet() {
        Bytes b = bytes(2, 0, 0, 80, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals("{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}",
                text(NetSockaddr.of(b)));
    }

    @Test
    void inetTooShortIsRaw() {
        assertEquals("{sa_family=AF_INET, sa_data=\"\\0P\\177\"}", text(NetSockaddr.of(bytes(2, 0, 0, 80, 127))));
    }

    @Test
    void inet6WithScope() {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 10).put((byte) 0).put((byte) 0).putInt(0);
        b.put(23, (byte) 1); // last byte of sin6_addr: ::1
        b.position(24);
        b.putInt(0);
        assertEquals("{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
                + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}", text(NetSockaddr.of(new Bytes(b.array()))));
    }

    @Test
    void ipv6Text() {
        assertEquals("::", NetSockaddr.ipv6(new byte[16]));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 1;
        mapped[13] = 2;
        mapped[14] = 3;
        mapped[15] = 4;
        assertEquals("::ffff:1.2.3.4", NetSockaddr.ipv6(mapped));
        byte[] a = {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
        assertEquals("2001:db8::1:0:0:1", NetSockaddr.ipv6(a));
        byte[] ll = {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2};
        assertEquals("fe80::1:2", NetSockaddr.ipv6(ll));
        byte[] single = {0, 1, 0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7};
        assertEquals("1:0:2:3:4:5:6:7", NetSockaddr.ipv6(single));
    }

    @Test
    void unixPaths() {
        assertEquals("{sa_family=AF_UNIX, sun_path=\"/run/x\"}",
                text(NetSockaddr.of(bytes(1, 0, '/', 'r', 'u', 'n', '/', 'x', 0))));
        assertEquals("{sa_family=AF_UNIX, sun_path=@\"abc\"}",
                text(NetSockaddr.of(bytes(1, 0, 0, 'a', 'b', 'c'))));
        assertEquals("{sa_family=AF_UNIX}", text(NetSockaddr.of(bytes(1, 0))));
    }

    @Test
    void netlink() {
        assertEquals("{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}",
                text(NetSockaddr.of(bytes(16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));
        assertEquals("{sa_family=AF_NETLINK, nl_pid=5, nl_groups=0x000001}",
                text(NetSockaddr.of(bytes(16, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0))));
    }

    @Test
    void unknownFamily() {
        assertEquals("{sa_family=0x63 /* AF_??? */, sa_data=\"a\"}", text(NetSockaddr.of(bytes(99, 0, 'a'))));
    }

    @Test
    void socketTypeAndProtocol() {
        assertEquals("SOCK_STREAM|SOCK_CLOEXEC", text(NetworkKinds.sockType(1 | 0x80000)));
        assertEquals("SOCK_STREAM|0x40000000 /* SOCK_??? */", text(NetworkKinds.sockType(1 | 0x40000000)));
        assertEquals("IPPROTO_TCP", text(NetworkKinds.protocol(2, 6)));
        assertEquals("NETLINK_ROUTE", text(NetworkKinds.protocol(16, 0)));
        assertEquals("htons(ETH_P_ALL)", text(NetworkKinds.protocol(17, 0x300)));
        assertEquals("0", text(NetworkKinds.protocol(1, 0)));
    }

    @Test
    void sockoptNames() {
        assertEquals("SO_REUSEADDR", text(NetSockopt.name(1, 2, "setsock_options")));
        assertEquals("SO_ATTACH_FILTER", text(NetSockopt.name(1, 26, "setsock_options")));
        assertEquals("TCP_NODELAY", text(NetSockopt.name(6, 1, "setsock_options")));
        assertEquals("UDP_CORK", text(NetSockopt.name(17, 1, "setsock_options")));
        assertEquals("0x7 /* UDP_??? */", text(NetSockopt.name(17, 7, "setsock_options")));
        assertEquals("NETLINK_EXT_ACK", text(NetSockopt.name(270, 11, "setsock_options")));
        assertEquals("7", text(NetSockopt.name(300, 7, "setsock_options")));
    }
}

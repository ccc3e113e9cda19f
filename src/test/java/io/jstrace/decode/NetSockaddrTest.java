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

    private static String text(Value v, io.jstrace.decode.DecodeOptions.Xstyle style) {
        return new ValueText(ValueText.Hex.NONE, style).format(v);
    }

    @Test
    void inetInEachStyle() {
        Bytes b = bytes(2, 0, 0x30, 0x39, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals("{sa_family=0x2, sin_port=\"\\x30\\x39\", sin_addr=\"\\x7f\\x00\\x00\\x01\"}",
                text(NetSockaddr.of(b), DecodeOptions.Xstyle.RAW));
        assertEquals("{sa_family=0x2 /* AF_INET */, sin_port=\"\\x30\\x39\" /* htons(12345) */, "
                + "sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") */}", text(NetSockaddr.of(b), DecodeOptions.Xstyle.VERBOSE));
        ByteBuffer six = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        six.putShort((short) 10).put(new byte[] {0, 80}).putInt(0).put(15, (byte) 0).put(23, (byte) 1);
        assertEquals("{sa_family=0xa /* AF_INET6 */, sin6_port=\"\\x00\\x50\" /* htons(80) */, sin6_flowinfo=\"\\x00\\x00\\x00\\x00\" "
                + "/* htonl(0) */, sin6_addr=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\" "
                + "/* inet_pton(AF_INET6, \"::1\") */}", text(NetSockaddr.of(new Bytes(six.array())), DecodeOptions.Xstyle.VERBOSE));
    }

    @Test
    void packet() {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 17).put(new byte[] {0, 3}).putInt(0xfacefeed).putShort((short) 1).put((byte) 0).put((byte) 9)
                .put("abcdefgh".getBytes());
        assertEquals("{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, "
                + "sll_pkttype=PACKET_HOST, sll_halen=9, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, ...]}",
                text(NetSockaddr.of(new Bytes(b.array()))));
    }

    @Test
    void ax25Callsigns() {
        // "VALID" with SSID 13, no digipeaters: the short form.
        int[] valid = {2 * 'V', 2 * 'A', 2 * 'L', 2 * 'I', 2 * 'D', 2 * ' ', 13 << 1};
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 3);
        for (int x : valid) {
            b.put((byte) x);
        }
        assertEquals("{sa_family=AF_AX25, sax25_call=VALID-13, sax25_ndigis=0}", text(NetSockaddr.of(new Bytes(b.array()))));
        // A lowercase callsign is shown as bytes with its text in a comment, whatever -X says.
        byte[] odd = {(byte) (2 * 's'), (byte) (2 * 'm'), (byte) (2 * 'a'), (byte) (2 * 'l'), (byte) (2 * 'l'), (byte) (2 * 's'), 0x12};
        assertEquals("{ax25_call=\"\\xe6\\xda\\xc2\\xd8\\xd8\\xe6\\x12\"} /* smalls-9 */", text(NetSockaddrOld.callsign(odd)));
        assertEquals("*", text(NetSockaddrOld.callsign(new byte[] {0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0})));
    }

    @Test
    void ipxAndX25() {
        ByteBuffer ipx = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putShort(Short.reverseBytes((short) 4))
                .putShort((short) 12345).putInt(0xfacefeed).put("ABCDEF".getBytes()).put((byte) 0xff).put((byte) 0);
        assertEquals("{sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), "
                + "sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff}", text(NetSockaddr.of(new Bytes(ipx.array()))));
        ByteBuffer x25 = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 9).put("0123456789abcdef".getBytes());
        assertEquals("{sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789abcde\"...}}", text(NetSockaddr.of(new Bytes(x25.array()))));
    }

    @Test
    void vsockAndAlg() {
        ByteBuffer vm = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 40).putShort((short) 0)
                .putInt(1024).putInt(2).put((byte) 1);
        assertEquals("{sa_family=AF_VSOCK, svm_cid=VMADDR_CID_HOST, svm_port=0x400, svm_flags=VMADDR_FLAG_TO_HOST}",
                text(NetSockaddr.of(new Bytes(vm.array()))));
        ByteBuffer alg = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 38).put("hash".getBytes());
        alg.putInt(16, 0x1000).put(24, (byte) 's').put(25, (byte) 'h').put(26, (byte) 'a');
        assertEquals("{sa_family=AF_ALG, salg_type=\"hash\", salg_feat=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0, "
                + "salg_name=\"sha\"}", text(NetSockaddr.of(new Bytes(alg.array()))));
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
        assertEquals("SO_REUSEADDR", text(NetSockopt.name(1, 2, false)));
        assertEquals("SO_ATTACH_FILTER", text(NetSockopt.name(1, 26, false)));
        assertEquals("TCP_NODELAY", text(NetSockopt.name(6, 1, false)));
        assertEquals("UDP_CORK", text(NetSockopt.name(17, 1, false)));
        assertEquals("0x7 /* UDP_??? */", text(NetSockopt.name(17, 7, false)));
        assertEquals("NETLINK_EXT_ACK", text(NetSockopt.name(270, 11, false)));
        assertEquals("SO_GET_FILTER", text(NetSockopt.name(1, 26, true)));
        assertEquals("IPT_SO_SET_REPLACE", text(NetSockopt.name(0, 64, false)));
        assertEquals("IPT_SO_GET_INFO", text(NetSockopt.name(0, 64, true)));
        assertEquals("PACKET_RX_RING", text(NetSockopt.name(263, 5, false)));
        assertEquals("SO_VM_SOCKETS_BUFFER_SIZE", text(NetSockopt.name(40, 0, true)));
        assertEquals("0x3e7 /* TLS_??? */", text(NetSockopt.name(282, 999, false)));
        assertEquals("7", text(NetSockopt.name(300, 7, false)));
    }
}

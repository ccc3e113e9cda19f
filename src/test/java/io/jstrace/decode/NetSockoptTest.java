package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetSockoptTest {
    private static final int SOL_SOCKET = 1, SOL_IP = 0, SOL_IPV6 = 41, SOL_PACKET = 263, SOL_RAW = 255;

    private static byte[] ints(int... v) {
        ByteBuffer b = SyscallLines.le(v.length * 4);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    @Test
    void lingerGivenAndReturnedInPart() {
        SyscallLines m = new SyscallLines();
        long l = m.put(ints(1, -5));
        assertEquals("setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=-5}, 8) = 0",
                m.line("setsockopt", 0, 3, SOL_SOCKET, 13, l, 8));
        assertEquals("setsockopt(3, SOL_SOCKET, SO_LINGER, 0x" + Long.toHexString(l) + ", 7) = 0",
                m.line("setsockopt", 0, 3, SOL_SOCKET, 13, l, 7));
        long len = m.put(ints(8));
        m.fillAtExit(len, ints(6));
        assertEquals("getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=\"\\xfb\\xff\"}, [8 => 6]) = 0",
                m.line("getsockopt", 0, 3, SOL_SOCKET, 13, l, len));
    }

    @Test
    void errorsAndIntsByReturnedLength() {
        SyscallLines m = new SyscallLines();
        long v = m.put(ints(111));
        long len = m.put(ints(4));
        assertEquals("getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0",
                m.line("getsockopt", 0, 3, SOL_SOCKET, 4, v, len));
        long shortLen = m.put(ints(3));
        assertEquals("getsockopt(3, SOL_SOCKET, SO_ERROR, \"\\x6f\\x00\\x00\", [3]) = 0",
                m.line("getsockopt", 0, 3, SOL_SOCKET, 4, v, shortLen));
        long negative = m.put(ints(-1));
        assertEquals("getsockopt(3, SOL_SOCKET, SO_REUSEADDR, 0x" + Long.toHexString(v) + ", [-1]) = 0",
                m.line("getsockopt", 0, 3, SOL_SOCKET, 2, v, negative));
        long rehash = m.put(ints(7));
        assertEquals("setsockopt(3, SOL_SOCKET, SO_TXREHASH, [7 /* SOCK_TXREHASH_??? */], 4) = 0",
                m.line("setsockopt", 0, 3, SOL_SOCKET, 74, rehash, 4));
    }

    @Test
    void multicastRequests() {
        SyscallLines m = new SyscallLines();
        long mreq = m.put(new byte[] {(byte) 224, 0, 0, 1, 127, 0, 0, 1});
        assertEquals("setsockopt(3, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr=inet_addr(\"224.0.0.1\"), "
                + "imr_interface=inet_addr(\"127.0.0.1\")}, 8) = 0", m.line("setsockopt", 0, 3, SOL_IP, 35, mreq, 8));
        ByteBuffer g = SyscallLines.le(136).putInt(0, 0x7fff0000).putShort(8, (short) 10);
        g.put(16, (byte) 0xff).put(17, (byte) 2).put(31, (byte) 1);
        long greq = m.put(g.array());
        assertEquals("setsockopt(3, SOL_IPV6, MCAST_JOIN_GROUP, {gr_interface=2147418112, gr_group={sa_family=AF_INET6, "
                + "sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"ff02::1\", &sin6_addr), sin6_scope_id=0}}, 136) = 0",
                m.line("setsockopt", 0, 3, SOL_IPV6, 42, greq, 136));
    }

    @Test
    void packetRingsAndMemberships() {
        SyscallLines m = new SyscallLines();
        long req = m.put(ints(4096, 4, 2048, 8));
        assertEquals("setsockopt(3, SOL_PACKET, PACKET_RX_RING, {tp_block_size=4096, tp_block_nr=4, tp_frame_size=2048, "
                + "tp_frame_nr=8}, 16) = 0", m.line("setsockopt", 0, 3, SOL_PACKET, 5, req, 16));
        ByteBuffer p = SyscallLines.le(16).putInt(0, 0x7fff0000).putShort(4, (short) 9).putShort(6, (short) 2);
        p.put(8, (byte) 0xab).put(9, (byte) 0xcd);
        long mreq = m.put(p.array());
        assertEquals("setsockopt(3, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex=2147418112, mr_type=0x9 /* PACKET_MR_??? */, "
                + "mr_alen=2, mr_address=ab:cd}, 16) = 0", m.line("setsockopt", 0, 3, SOL_PACKET, 1, mreq, 16));
    }

    @Test
    void icmpFilterInvertedWhenMostTypesAreSet() {
        SyscallLines raw = new SyscallLines(SyscallLines.options(false, DecodeOptions.Xstyle.RAW));
        long few = raw.put(ints(1 << 8 | 1 << 25));
        assertEquals("setsockopt(3, 0xff, 0x1, [0x8 0x19], 4) = 0", raw.line("setsockopt", 0, 3, SOL_RAW, 1, few, 4));
        SyscallLines m = new SyscallLines();
        long most = m.put(ints(~(1 << 8)));
        assertEquals("setsockopt(3, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHO], 4) = 0", m.line("setsockopt", 0, 3, SOL_RAW, 1, most, 4));
        // Two bytes given: the other two count as set, 17 bits with ICMP_ECHO's.
        long two = m.put(ints(1 << 8));
        assertEquals("setsockopt(3, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHOREPLY 0x1 /* ICMP_??? */ 0x2 /* ICMP_??? */ ICMP_DEST_UNREACH "
                + "ICMP_SOURCE_QUENCH ICMP_REDIRECT 0x6 /* ICMP_??? */ 0x7 /* ICMP_??? */ 0x9 /* ICMP_??? */ 0xa /* ICMP_??? */ "
                + "ICMP_TIME_EXCEEDED ICMP_PARAMETERPROB ICMP_TIMESTAMP ICMP_TIMESTAMPREPLY ICMP_INFO_REQUEST], 2) = 0",
                m.line("setsockopt", 0, 3, SOL_RAW, 1, two, 2));
    }

    @Test
    void namesAtOtherLevelsAndUndecodedValues() {
        SyscallLines m = new SyscallLines();
        long s = m.put("reno".getBytes());
        assertEquals("setsockopt(3, SOL_TCP, TCP_CONGESTION, \"ren\", 3) = 0", m.line("setsockopt", 0, 3, 6, 13, s, 3));
        assertEquals("setsockopt(3, SOL_TLS, TLS_RX, NULL, 0) = 0", m.line("setsockopt", 0, 3, 282, 2, 0, 0));
        assertEquals("setsockopt(3, AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, NULL, 0) = 0", m.line("setsockopt", 0, 3, 40, 0, 0, 0));
        assertEquals("setsockopt(3, 0xffffffff /* SOL_?? */, 4294967295, NULL, 0) = 0",
                m.line("setsockopt", 0, 3, 0xffffffffL, 0xffffffffL, 0, 0));
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetMsgTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void controlMessages() {
        FakeMemory m = new FakeMemory();
        ByteBuffer b = le(40);
        b.putLong(0, 24).putInt(8, 1).putInt(12, 1).putInt(16, 5).putInt(20, 6); // SCM_RIGHTS [5, 6]
        b.putLong(24, 0).putInt(32, 1).putInt(36, 2); // SCM_CREDENTIALS, cmsg_len 0
        long at = m.place(b.array());
        assertEquals("[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}, "
                + "{cmsg_len=0, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS}]", text(NetCmsg.control(m.call(), at, 40)));
    }

    @Test
    void controlMessagesPastTheBufferAndOfOtherLevels() {
        FakeMemory m = new FakeMemory();
        ByteBuffer b = le(48);
        b.putLong(0, 20).putInt(8, 0).putInt(12, 2).putInt(16, 64); // SOL_IP, IP_TTL [64]
        b.putLong(24, 16).putInt(32, 6).putInt(36, 1); // SOL_TCP: the type in hex, no data
        long at = m.place(b.array());
        assertEquals("[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[64]}, "
                + "{cmsg_len=16, cmsg_level=SOL_TCP, cmsg_type=0x1}, ... /* 0x" + Long.toHexString(at + 40) + " */]",
                text(NetCmsg.control(m.call(), at, 48)));
        assertEquals("0x" + Long.toHexString(at), text(NetCmsg.control(m.call(), at, 15)));
    }

    @Test
    void recvmsgNameLengths() {
        FakeMemory m = new FakeMemory();
        ByteBuffer name = le(16).putShort(0, (short) 1).put(2, (byte) 'a').put(3, (byte) 'b');
        long nameAt = m.place(name.array());
        ByteBuffer hdr = le(NetMsg.MSGHDR.size());
        hdr.putLong(0, nameAt).putInt(8, 36);
        long at = m.place(hdr.array());
        // The kernel says 36; the caller's buffer took 3 bytes: the name shows as 3 bytes long.
        assertEquals("{msg_name={sa_family=AF_UNIX, sun_path=\"a\"}, msg_namelen=3 => 36, msg_iov=NULL, msg_iovlen=0, "
                + "msg_controllen=0, msg_flags=0}", text(NetMsg.msghdr(m.call(), at, 3, -1)));
        assertEquals("{msg_namelen=3}", text(NetMsg.namelenOnly(3)));
    }
}

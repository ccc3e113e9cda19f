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
        RegionMemory m = new RegionMemory();
        ByteBuffer b = le(40);
        b.putLong(0, 24).putInt(8, 1).putInt(12, 1).putInt(16, 5).putInt(20, 6); // SCM_RIGHTS [5, 6]
        b.putLong(24, 0).putInt(32, 1).putInt(36, 2); // SCM_CREDENTIALS, cmsg_len 0
        long at = m.put(b.array());
        assertEquals("[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[5, 6]}, "
                + "{cmsg_len=0, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS}]", text(NetCmsg.control(m.call(), at, 40)));
    }
}

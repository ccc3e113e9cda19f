package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignalDecodeTest {
    private static String text(Value v) {
        return new ValueText(ValueText.Hex.NONE).format(v);
    }

    private static Bytes mask(long m) {
        return new Bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(m).array());
    }

    private static long bit(int sig) {
        return 1L << (sig - 1);
    }

    @Test
    void emptyAndSmallSets() {
        assertEquals("[]", text(SigsetDecoder.decode(mask(0), 8)));
        assertEquals("[INT QUIT]", text(SigsetDecoder.decode(mask(bit(2) | bit(3)), 8)));
        assertEquals("[RTMIN RT_1]", text(SigsetDecoder.decode(mask(bit(32) | bit(33)), 8)));
    }

    @Test
    void mostlyFullSetsAreInverted() {
        assertEquals("~[]", text(SigsetDecoder.decode(mask(-1L), 8)));
        assertEquals("~[RTMIN RT_1]", text(SigsetDecoder.decode(mask(~(bit(32) | bit(33))), 8)));
        assertEquals("~[KILL STOP RTMIN RT_1]",
                text(SigsetDecoder.decode(mask(~(bit(9) | bit(19) | bit(32) | bit(33))), 8)));
    }

    @Test
    void sigaction() {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0x555555566dc0L).putLong(0x04000000L).putLong(0x7ffff7e11050L).putLong(~(bit(32) | bit(33)));
        assertEquals("{sa_handler=0x555555566dc0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, sa_restorer=0x7ffff7e11050}",
                text(SigactionDecoder.decode(new Bytes(b.array()))));
        ByteBuffer d = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}", text(SigactionDecoder.decode(new Bytes(d.array()))));
    }
}

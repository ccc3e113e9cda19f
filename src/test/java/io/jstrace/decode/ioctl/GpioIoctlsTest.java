package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GpioIoctlsTest {
    private static final long CHIPINFO = 0x8044b401L, LINEHANDLE = 0xc16cb403L, V2_LINEINFO = 0xc100b405L,
            V2_GET_VALUES = 0xc010b40eL;

    @Test
    void chipInfoNamesAsCStrings() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer b = IoctlCalls.le(68).put(0, "gpiochip0".getBytes(StandardCharsets.US_ASCII)).putInt(64, 8);
        b.put(32, "x".repeat(32).getBytes(StandardCharsets.US_ASCII));
        long at = m.put(new byte[68]);
        m.fillAtExit(at, b.array());
        assertEquals("GPIO_GET_CHIPINFO_IOCTL, {name=\"gpiochip0\", label=\"" + "x".repeat(31) + "\"..., lines=8}",
                m.call(CHIPINFO, at, 0));
    }

    @Test
    void handleRequestThenItsFd() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer b = IoctlCalls.le(364).putInt(0, 3).putInt(4, 5).putInt(256, 0x2).put(260, (byte) 1);
        b.put(324, "app".getBytes(StandardCharsets.US_ASCII)).putInt(356, 2);
        long at = m.put(b.array());
        m.fillAtExit(at, b.putInt(360, 7).array());
        assertEquals("GPIO_GET_LINEHANDLE_IOCTL, {lines=2, lineoffsets=[3, 5], flags=GPIOHANDLE_REQUEST_OUTPUT, "
                + "default_values=[1, 0], consumer_label=\"app\"} => {fd=7}", m.call(LINEHANDLE, at, 0));
    }

    @Test
    void v2LineInfoAndValues() {
        IoctlCalls m = new IoctlCalls();
        ByteBuffer b = IoctlCalls.le(256).putInt(64, 4);
        long at = m.put(b.array());
        // One attribute of each kind the kernel reports, and one it does not know.
        b.put(0, "led".getBytes(StandardCharsets.US_ASCII)).putInt(68, 2).putLong(72, 0x8);
        b.putInt(80, 3).putInt(88, 500).putInt(96, 9).putLong(104, 0xff);
        m.fillAtExit(at, b.array());
        assertEquals("GPIO_V2_GET_LINEINFO_IOCTL, {offset=4} => {name=\"led\", consumer=\"\", flags=GPIO_V2_LINE_FLAG_OUTPUT, "
                + "num_attrs=2, attrs=[{debounce_period_us=500}, {id=9, data=0xff}]}", m.call(V2_LINEINFO, at, 0));
        long v = m.put(IoctlCalls.le(16).putLong(0, 0).putLong(8, 0x3).array());
        m.fillAtExit(v, IoctlCalls.le(16).putLong(0, 0x1).putLong(8, 0x3).array());
        assertEquals("GPIO_V2_LINE_GET_VALUES_IOCTL, {mask=0x3} => {bits=0x1}", m.call(V2_GET_VALUES, v, 0));
    }
}

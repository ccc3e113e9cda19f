package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Device mapper requests (0xfd): the header in, and out when the call succeeded or rewrote it. */
class DmIoctlsTest {
    private static final long DM_VERSION = 0xc138fd00L, DM_LIST_DEVICES = 0xc138fd02L, DM_TABLE_DEPS = 0xc138fd0bL;

    /** A header of {@code size} bytes of data in all, data at 312, the version given. */
    private static ByteBuffer header(int size, int minor) {
        return IoctlCalls.le(size).putInt(0, 4).putInt(4, minor).putInt(12, size).putInt(16, 312);
    }

    @Test
    void versionTheKernelWroteBackShowsEvenOnFailure() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(header(312, 0).array());
        m.fillAtExit(at, header(312, 48).array());
        assertEquals("DM_VERSION, [{version=[4, 0, 0], data_size=312, flags=0}] => [{version=[4, 48, 0], data_size=312, "
                + "flags=0}]", m.call(DM_VERSION, at, -22));
        long same = m.put(header(312, 0).array());
        assertEquals("DM_VERSION, [{version=[4, 0, 0], data_size=312, flags=0}]", m.call(DM_VERSION, same, -9));
    }

    @Test
    void listedDevicesWithVerbose() {
        ByteBuffer out = header(312 + 32, 48);
        out.putLong(312, 0xfd00).putInt(320, 0).put(324, "vg0".getBytes(StandardCharsets.US_ASCII));
        IoctlCalls m = new IoctlCalls().verbose();
        long at = m.put(header(312 + 32, 48).array());
        m.fillAtExit(at, out.array());
        assertEquals("DM_LIST_DEVICES, [{version=[4, 48, 0], data_size=344, data_start=312, flags=0}] => "
                + "[{version=[4, 48, 0], data_size=344, data_start=312, flags=0}, {dev=makedev(0xfd, 0), name=\"vg0\"}]",
                m.call(DM_LIST_DEVICES, at, 0));
        IoctlCalls brief = new IoctlCalls();
        long again = brief.put(header(312 + 32, 48).array());
        brief.fillAtExit(again, out.array());
        assertEquals("DM_LIST_DEVICES, [{version=[4, 48, 0], data_size=344, data_start=312, flags=0}] => "
                + "[{version=[4, 48, 0], data_size=344, data_start=312, flags=0}, ...]", brief.call(DM_LIST_DEVICES, again, 0));
    }

    @Test
    void dependenciesMisplacedWhenCountOverflowsTheData() {
        ByteBuffer out = header(312 + 16, 48).putInt(20, 1).putInt(312, 9);
        IoctlCalls m = new IoctlCalls().verbose();
        long at = m.put(header(312 + 16, 48).array());
        m.fillAtExit(at, out.array());
        assertEquals("DM_TABLE_DEPS, [{version=[4, 48, 0], data_size=328, data_start=312, flags=0}] => "
                + "[{version=[4, 48, 0], data_size=328, data_start=312, target_count=1, open_count=0, event_nr=0, flags=0}, "
                + "??? /* misplaced struct dm_target_deps */]", m.call(DM_TABLE_DEPS, at, 0));
    }

    @Test
    void unreadableHeaderIsTheNumber() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("DM_VERSION, 0", m.call(DM_VERSION, 0, -9));
    }
}

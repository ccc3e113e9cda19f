package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Loop device requests ('L'): loop_info, loop_info64, loop_config, and the plain-number requests. */
class LoopIoctlsTest {
    private static final long LOOP_SET_FD = 0x4c00, LOOP_CLR_FD = 0x4c01, LOOP_SET_STATUS = 0x4c02,
            LOOP_GET_STATUS64 = 0x4c05, LOOP_SET_STATUS64 = 0x4c04, LOOP_CONFIGURE = 0x4c0a, LOOP_CTL_ADD = 0x4c80,
            LOOP_SET_BLOCK_SIZE = 0x4c09;

    /** A loop_info64 (232 bytes): offset 4096, number 2, flags, file name, optional XOR key. */
    private static ByteBuffer info64(boolean xor) {
        ByteBuffer b = IoctlCalls.le(232).putLong(0, 0x0801).putLong(8, 12).putLong(24, 4096).putLong(32, 1 << 20)
                .putInt(40, 2).putInt(52, 0x5);
        b.put(56, "/tmp/img".getBytes(StandardCharsets.US_ASCII));
        if (xor) {
            b.putInt(44, 1).putInt(48, 2).put(120, "xor".getBytes(StandardCharsets.US_ASCII)).put(184, (byte) 'k');
        }
        return b;
    }

    @Test
    void info64AbbreviatedVerboseAndWithKey() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(info64(false).array());
        assertEquals("LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=2, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, "
                + "lo_file_name=\"/tmp/img\", ...}", m.call(LOOP_SET_STATUS64, at, -9));
        long key = m.put(info64(true).array());
        assertEquals("LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=2, lo_encrypt_type=LO_CRYPT_XOR, lo_encrypt_key_size=2, "
                + "lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, lo_file_name=\"/tmp/img\", lo_crypt_name=\"xor\", "
                + "lo_encrypt_key=\"k\\0\", ...}", m.call(LOOP_SET_STATUS64, key, -9));
        assertEquals("LOOP_SET_STATUS64, {lo_device=makedev(0x8, 0x1), lo_inode=12, lo_rdevice=makedev(0, 0), "
                + "lo_offset=0x1000, lo_sizelimit=1048576, lo_number=2, lo_encrypt_type=LO_CRYPT_NONE, lo_encrypt_key_size=0, "
                + "lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, lo_file_name=\"/tmp/img\", lo_crypt_name=\"\", "
                + "lo_encrypt_key=\"\", lo_init=[0, 0]}", m.verbose().call(LOOP_SET_STATUS64, at, -9));
    }

    @Test
    void getStatusOnlyWhenTheCallSucceeded() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(new byte[232]);
        m.fillAtExit(at, info64(false).array());
        assertEquals("LOOP_GET_STATUS64, 0x" + Long.toHexString(at), m.call(LOOP_GET_STATUS64, at, -6));
        assertEquals("LOOP_GET_STATUS64, {lo_offset=0x1000, lo_number=2, lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, "
                + "lo_file_name=\"/tmp/img\", ...}", m.call(LOOP_GET_STATUS64, at, 0));
        assertEquals("LOOP_GET_STATUS64, NULL", m.call(LOOP_GET_STATUS64, 0, -14));
    }

    @Test
    void oldInfoWithUnknownCryptAndFlags() {
        ByteBuffer b = IoctlCalls.le(168).putInt(0, -3).putInt(32, 0xa3a2a1a0).putInt(36, 0x77).putInt(40, 1)
                .putInt(44, 0x1 | 0x400);
        b.put(48, "name".getBytes(StandardCharsets.US_ASCII));
        IoctlCalls m = new IoctlCalls();
        long at = m.put(b.array());
        assertEquals("LOOP_SET_STATUS, {lo_number=-3, lo_offset=0xa3a2a1a0, lo_encrypt_type=0x77 /* LO_CRYPT_??? */, "
                + "lo_encrypt_key_size=1, lo_flags=LO_FLAGS_READ_ONLY|0x400, lo_name=\"name\", lo_encrypt_key=\"\\0\", ...}",
                m.call(LOOP_SET_STATUS, at, -9));
        assertEquals("LOOP_SET_STATUS, 0x" + Long.toHexString(at + 8), m.call(LOOP_SET_STATUS, at + 8, -9));
    }

    @Test
    void configShowsReservedOnlyWhenSet() {
        ByteBuffer b = IoctlCalls.le(304).putInt(0, 5).putInt(4, 512);
        b.put(8, info64(false).array());
        IoctlCalls m = new IoctlCalls();
        long at = m.put(b.array());
        String head = "LOOP_CONFIGURE, {fd=5, block_size=512, info={lo_offset=0x1000, lo_number=2, "
                + "lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, lo_file_name=\"/tmp/img\", ...}";
        assertEquals(head + "}", m.call(LOOP_CONFIGURE, at, -9));
        long set = m.put(b.putLong(240 + 8, 0xfeed).array());
        assertEquals(head + ", __reserved=[0, 0xfeed, 0, 0, 0, 0, 0, 0]}", m.call(LOOP_CONFIGURE, set, -9));
    }

    @Test
    void numbersAndFds() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("LOOP_SET_FD, -1159983635", m.call(LOOP_SET_FD, 0xdeadbeefbadc0dedL, -9));
        assertEquals("LOOP_CLR_FD", m.call(LOOP_CLR_FD, 0xdeadbeefbadc0dedL, -9));
        assertEquals("LOOP_CTL_ADD, -1159983635", m.call(LOOP_CTL_ADD, 0xdeadbeefbadc0dedL, -9));
        assertEquals("LOOP_SET_BLOCK_SIZE, 16045690984232390125", m.call(LOOP_SET_BLOCK_SIZE, 0xdeadbeefbadc0dedL, -9));
    }
}

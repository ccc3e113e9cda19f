package io.jstrace.decode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** keyctl and add_key as strace 6.1 prints them (lines its test suite expects). */
class KeyctlKindsTest {
    @Test
    void commandsAndTheirArguments() {
        SyscallLines m = new SyscallLines();
        assertEquals("keyctl(0xfacefeed /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 errno 95",
                m.line("keyctl", -95, 0xfacefeedL, 1, 2, 3, 4));
        assertEquals("keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_THREAD_KEYRING, -1153374643) = 120468772",
                m.line("keyctl", 120468772, 0, -1, -1153374643));
        assertEquals("keyctl(KEYCTL_SESSION_TO_PARENT) = 0", m.line("keyctl", 0, 18));
        assertEquals("keyctl(KEYCTL_SET_REQKEY_KEYRING, -1159983635 /* KEY_REQKEY_DEFL_??? */) = -1 errno 22",
                m.line("keyctl", -22, 14, -1159983635));
        assertEquals("keyctl(KEYCTL_REJECT, -557785390, 3134983661, ENODEV, -557785390) = -1 errno 1",
                m.line("keyctl", -1, 19, -557785390, 3134983661L, 19, -557785390));
        assertEquals("keyctl(KEYCTL_SETPERM, -557785390, 0xc0c0c0c0 /* KEY_??? */) = -1 errno 22",
                m.line("keyctl", -22, 5, -557785390, 0xc0c0c0c0L));
    }

    @Test
    void describeDropsTheTrailingNul() {
        SyscallLines m = new SyscallLines();
        long buf = m.put(new byte[16]);
        m.fillAtExit(buf, "\0".getBytes(StandardCharsets.US_ASCII));
        assertEquals("keyctl(KEYCTL_GET_SECURITY, KEY_SPEC_THREAD_KEYRING, \"\", 9) = 1", m.line("keyctl", 1, 17, -1, buf, 9));
        assertEquals("keyctl(KEYCTL_READ, KEY_SPEC_THREAD_KEYRING, \"\\0\", 9) = 1", m.line("keyctl", 1, 11, -1, buf, 9));
    }

    @Test
    void addKey() {
        SyscallLines m = new SyscallLines();
        long type = m.put("user\0".getBytes(StandardCharsets.US_ASCII));
        long payload = m.put("secret".getBytes(StandardCharsets.US_ASCII));
        assertEquals("add_key(\"user\", \"user\", \"secret\", 6, KEY_SPEC_PROCESS_KEYRING) = 42",
                m.line("add_key", 42, type, type, payload, 6, -2));
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.DecodeOptions;
import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * -e verbose=none (structs not dereferenced): PTP and V4L2 arguments are the raw number, as
 * strace's ptp_ioctl and v4l2_ioctl return before decoding ({@code 0}, not NULL); the other
 * families print the address or NULL, as strace's umove_or_printaddr does.
 */
class IoctlsVerboseNoneTest {
    private static final DecodeOptions D = DecodeOptions.DEFAULT;
    private static final DecodeOptions NOT_VERBOSE = new DecodeOptions(D.stringLimit(), D.verbose(), D.fdDetail(), D.xstyle(), false);

    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void ptpAndV4l2ShowTheRawArgument() {
        IoctlCalls m = new IoctlCalls().options(NOT_VERBOSE);
        long addr = m.put(new byte[128]);
        assertEquals("PTP_CLOCK_GETCAPS2, 0", m.call(code("PTP_CLOCK_GETCAPS2"), 0, -9));
        assertEquals("PTP_EXTTS_REQUEST, 0x" + Long.toHexString(addr), m.call(code("PTP_EXTTS_REQUEST"), addr, -9));
        assertEquals("PTP_ENABLE_PPS, 0x1", m.call(code("PTP_ENABLE_PPS"), 1, -9));
        assertEquals("VIDIOC_QUERYCAP, 0", m.call(code("VIDIOC_QUERYCAP"), 0, -9));
        assertEquals("VIDIOC_STREAMON, 0x" + Long.toHexString(addr), m.call(code("VIDIOC_STREAMON"), addr, 0));
    }

    @Test
    void otherFamiliesShowTheAddressOrNull() {
        IoctlCalls m = new IoctlCalls().options(NOT_VERBOSE);
        long addr = m.put(new byte[128]);
        assertEquals("TEE_IOC_VERSION, NULL", m.call(code("TEE_IOC_VERSION"), 0, -9));
        assertEquals("LOOP_SET_STATUS64, NULL", m.call(code("LOOP_SET_STATUS64"), 0, -9));
        assertEquals("TCGETS, 0x" + Long.toHexString(addr), m.call(code("TCGETS"), addr, -9));
    }

    @Test
    void verboseCallsStillDecodePtpAndV4l2() {
        IoctlCalls m = new IoctlCalls();
        assertEquals("PTP_CLOCK_GETCAPS2, NULL", m.call(code("PTP_CLOCK_GETCAPS2"), 0, -14));
        assertEquals("VIDIOC_QUERYCAP, NULL", m.call(code("VIDIOC_QUERYCAP"), 0, -14));
    }
}

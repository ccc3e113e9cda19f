package io.jstrace.decode.ioctl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class V4l2IoctlsTest {
    private static final long S_CROP = 0x4014563cL;

    @Test
    void crop() {
        IoctlCalls m = new IoctlCalls();
        long at = m.put(IoctlCalls.le(20).putInt(0, 1).putInt(4, -2).putInt(8, 3).putInt(12, 640).putInt(16, 480).array());
        assertEquals("VIDIOC_S_CROP, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, c={left=-2, top=3, width=640, height=480}}",
                m.call(S_CROP, at, -9));
    }

    @Test
    void formatContinuesAtExitAndCreateBufsReturns() {
        IoctlCalls m = new IoctlCalls();
        long fmt = m.put(IoctlCalls.le(208).putInt(0, 1).array());
        m.fillAtExit(fmt, IoctlCalls.le(208).putInt(0, 1).putInt(8, 640).putInt(12, 480).putInt(16, 0x56595559)
                .putInt(20, 1).putInt(24, 1280).putInt(28, 614400).putInt(32, 8).array());
        assertEquals("VIDIOC_G_FMT, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, fmt.pix={width=640, height=480, "
                + "pixelformat=v4l2_fourcc('Y', 'U', 'Y', 'V') /* V4L2_PIX_FMT_YUYV */, field=V4L2_FIELD_NONE, "
                + "bytesperline=1280, sizeimage=614400, colorspace=V4L2_COLORSPACE_SRGB}}", m.call(0xc0d05604L, fmt, 0));
        assertEquals("VIDIOC_G_FMT, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE}", m.call(0xc0d05604L, fmt, -22));
    }

    @Test
    void controlIds() {
        assertEquals("V4L2_CID_BRIGHTNESS", new io.jstrace.output.ValueText(io.jstrace.output.ValueText.Hex.NONE)
                .format(V4l2Controls.cid(0x980900, false)));
        assertEquals("V4L2_CTRL_FLAG_NEXT_CTRL|V4L2_CTRL_CLASS_USER+0x1234",
                new io.jstrace.output.ValueText(io.jstrace.output.ValueText.Hex.NONE).format(V4l2Controls.cid(0x80981234L, true)));
        assertEquals("0x80981234", new io.jstrace.output.ValueText(io.jstrace.output.ValueText.Hex.NONE,
                io.jstrace.decode.DecodeOptions.Xstyle.RAW).format(V4l2Controls.cid(0x80981234L, true)));
    }
}

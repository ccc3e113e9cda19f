package io.jstrace.decode.ioctl;

import io.jstrace.xlat.IoctlRequests;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TeeIoctlsTest {
    private static long code(String name) {
        return IoctlRequests.code(name).orElseThrow();
    }

    @Test
    void sessionsAndSharedMemory() {
        IoctlCalls m = new IoctlCalls();
        long cancel = m.put(IoctlCalls.le(8).putInt(0, 7).putInt(4, 0xabc).array());
        assertEquals("TEE_IOC_CANCEL, {cancel_id=7, session=0xabc}", m.call(code("TEE_IOC_CANCEL"), cancel, -9));
        long alloc = m.put(IoctlCalls.le(16).putLong(0, 0x1000).putInt(8, 0x81).array());
        m.fillAtExit(alloc, IoctlCalls.le(16).putLong(0, 0x1000).putInt(8, 1).putInt(12, 4).array());
        assertEquals("TEE_IOC_SHM_ALLOC, {size=0x1000, flags=TEE_IOCTL_SHM_MAPPED|0x80} => "
                + "{size=0x1000, flags=TEE_IOCTL_SHM_MAPPED, id=4}", m.call(code("TEE_IOC_SHM_ALLOC"), alloc, 0));
        long version = m.put(IoctlCalls.le(12).putInt(0, 1).putInt(4, 1).putInt(8, 5).array());
        assertEquals("TEE_IOC_VERSION, {impl_id=TEE_IMPL_ID_OPTEE, gen_caps=TEE_GEN_CAP_GP|TEE_GEN_CAP_REG_MEM, "
                + "impl_caps=TEE_OPTEE_CAP_TZ}", m.call(code("TEE_IOC_VERSION"), version, 0));
        assertEquals("_IOC(_IOC_READ|_IOC_WRITE, 0xa4, 0x8, 0x20), {fd=3, flags=TEE_IOCTL_SHM_DMA_BUF}",
                m.call(0xc020a408L, m.put(IoctlCalls.le(32).putLong(0, 3).putInt(16, 2).array()), -9));
    }

    @Test
    void buffersWithParams() {
        IoctlCalls m = new IoctlCalls();
        // tee_ioctl_invoke_arg (24 bytes) and two params of 32 bytes each.
        ByteBuffer body = IoctlCalls.le(24 + 64).putInt(0, 9).putInt(4, 0x55).putInt(20, 2)
                .putLong(24, 0x101).putLong(32, 1).putLong(40, 2).putLong(48, 3)
                .putLong(56, 6).putLong(64, 0x10).putLong(72, 0x20).putLong(80, 7);
        long ptr = m.put(body.array());
        long buf = m.put(IoctlCalls.le(16).putLong(0, ptr).putLong(8, 88).array());
        String given = "{func=9, session=0x55, cancel_id=0, num_params=2, params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT"
                + "|TEE_IOCTL_PARAM_ATTR_META, a=0x1, b=0x2, c=0x3}, {attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT, "
                + "shm_offs=0x10, size=0x20, shm_id=7}]}";
        assertEquals("TEE_IOC_INVOKE, {buf_len=88, buf_ptr=" + given + "}", m.call(code("TEE_IOC_INVOKE"), buf, -9));
        m.fillAtExit(ptr, body.putInt(12, 0xffff0006).putInt(16, 3).array());
        assertEquals("TEE_IOC_INVOKE, {buf_len=88, buf_ptr=" + given + " => {ret=4294901766, ret_origin=TEEC_ORIGIN_TEE, "
                + "params=[{attr=TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT|TEE_IOCTL_PARAM_ATTR_META, a=0x1, b=0x2, c=0x3}, "
                + "{attr=TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT, shm_offs=0x10, size=0x20, shm_id=7}]}}",
                m.call(code("TEE_IOC_INVOKE"), buf, 0));
        long shortBuf = m.put(IoctlCalls.le(16).putLong(0, ptr).putLong(8, 80).array());
        assertEquals("TEE_IOC_INVOKE, {buf_len=80, buf_ptr=0x" + Long.toHexString(ptr) + "}",
                m.call(code("TEE_IOC_INVOKE"), shortBuf, -9));
    }
}

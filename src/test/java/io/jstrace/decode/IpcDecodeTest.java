package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.output.ValueText;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IpcDecodeTest {
    private static String text(Value v, DecodeOptions.Xstyle style) {
        return new ValueText(ValueText.Hex.NONE, style).format(v);
    }

    private static String text(Value v) {
        return text(v, DecodeOptions.Xstyle.ABBREV);
    }

    private static Value arg(String kind, long... args) {
        return Kinds.standard().arg(kind).decode(new Call(1, 0, args, null, null, null), 0);
    }

    @Test
    void shmgetHugePageSizeAsStracePrintsItInEachStyle() {
        long flags = 0x200 | 0x1000 | 21L << 26 | 0600; // IPC_CREAT, SHM_NORESERVE
        assertEquals("IPC_CREAT|SHM_NORESERVE|21<<SHM_HUGE_SHIFT|0600", text(arg("shmget_flags", flags)));
        assertEquals("0x1200|21<<26|0600", text(arg("shmget_flags", flags), DecodeOptions.Xstyle.RAW));
        assertEquals("0x1200 /* IPC_CREAT|SHM_NORESERVE */|21<<26 /* SHM_HUGE_SHIFT */|0600",
                text(arg("shmget_flags", flags), DecodeOptions.Xstyle.VERBOSE));
    }

    @Test
    void ctlStructsFromTheirLayouts() {
        ByteBuffer b = ByteBuffer.allocate(IpcStructs.MSGINFO.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 7; i++) {
            b.putInt(i + 1);
        }
        b.putShort((short) -1);
        assertEquals("{msgpool=1, msgmap=2, msgmax=3, msgmnb=4, msgmni=5, msgssz=6, msgtql=7, msgseg=65535}",
                text(IpcStructs.MSGINFO.decode(new Bytes(b.array()))));
        ByteBuffer s = ByteBuffer.allocate(IpcStructs.SHMID.size()).order(ByteOrder.LITTLE_ENDIAN);
        s.putInt(0, 0x42).putInt(4, 1000).putInt(8, 100).putInt(12, 0).putInt(16, 0).putInt(20, 0640)
                .putLong(48, 4096).putLong(56, 7).putInt(80, 99).putInt(84, -1).putLong(88, 2);
        assertEquals("{shm_perm={uid=1000, gid=100, mode=0640, key=66, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=99, "
                        + "shm_lpid=-1, shm_nattch=2, shm_atime=7, shm_dtime=0, shm_ctime=0}",
                text(IpcStructs.SHMID.decode(new Bytes(s.array()))));
        assertEquals("{shm_perm={uid=1000, gid=100, mode=0640}}", text(IpcStructs.SHMID_SET.decode(new Bytes(s.array()))));
    }
}

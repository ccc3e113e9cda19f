package io.jstrace.unwind;

import io.jstrace.linux.RemoteMemory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The tracee's memory for one walk, read in aligned blocks: a walk reads many neighbouring
 * stack words, and one process_vm_readv per block is far cheaper than one per word.
 */
final class StackReads implements Memory {
    private static final int BLOCK = 512;

    private final RemoteMemory memory;
    private final int tid;
    private final Map<Long, ByteBuffer> blocks = new HashMap<>();

    StackReads(RemoteMemory memory, int tid) {
        this.memory = memory;
        this.tid = tid;
    }

    @Override
    public long word(long addr) throws UnwindException {
        long base = addr & -BLOCK;
        int at = (int) (addr - base);
        if (at + 8 <= BLOCK) {
            ByteBuffer b = blocks.computeIfAbsent(base, this::block);
            if (b.limit() >= at + 8) {
                return b.getLong(at);
            }
        }
        Long v = memory.readLong(tid, addr);
        if (v == null) {
            throw new UnwindException("cannot read tracee memory at 0x" + Long.toHexString(addr));
        }
        return v;
    }

    private ByteBuffer block(long base) {
        byte[] b = memory.read(tid, base, BLOCK);
        return ByteBuffer.wrap(b == null ? new byte[0] : b).order(ByteOrder.LITTLE_ENDIAN);
    }
}

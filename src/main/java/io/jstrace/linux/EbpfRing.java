package io.jstrace.linux;

import io.jstrace.syscalls.SyscallTable;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The consumer side of a BPF_MAP_TYPE_RINGBUF, mapped into this process: the consumer position
 * on a read-write page at offset 0; the producer position and the data, read-only, from offset
 * 4096, the data mapped twice in a row so that a record never wraps. Each record has an 8-byte
 * header (length, bit 31 busy, bit 30 discarded) and takes round_up(length + 8, 8) bytes.
 */
public final class EbpfRing implements AutoCloseable {
    private static final int PAGE = 4096;
    private static final int NR_MMAP = SyscallTable.x86_64().number("mmap"), NR_MUNMAP = SyscallTable.x86_64().number("munmap");
    private static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;
    private static final int BUSY = 1 << 31, DISCARD = 1 << 30;
    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();

    /** Takes one record: {@code length} bytes at the start of {@code buffer} (valid during the call only). */
    @FunctionalInterface
    public interface Reader {
        void record(byte[] buffer, int length);
    }

    private final MemorySegment consumer;
    private final MemorySegment producer;
    private final MemorySegment data;
    private final long mask;
    private byte[] buffer = new byte[PAGE];

    private EbpfRing(MemorySegment consumer, MemorySegment producer, int size) {
        this.consumer = consumer;
        this.producer = producer;
        this.data = producer.asSlice(PAGE);
        this.mask = size - 1;
    }

    /** Maps the ring buffer map {@code fd} of {@code size} bytes (a power of 2, at least a page). */
    public static EbpfRing map(int fd, int size) throws Errno {
        long c = Sys.syscall(NR_MMAP, 0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (c < 0) {
            throw new Errno("mmap(ring buffer consumer page)", (int) -c);
        }
        long length = PAGE + 2L * size;
        long p = Sys.syscall(NR_MMAP, 0, length, PROT_READ, MAP_SHARED, fd, PAGE);
        if (p < 0) {
            Sys.syscall(NR_MUNMAP, c, PAGE);
            throw new Errno("mmap(ring buffer data)", (int) -p);
        }
        return new EbpfRing(MemorySegment.ofAddress(c).reinterpret(PAGE), MemorySegment.ofAddress(p).reinterpret(length),
                size);
    }

    /** Bytes written and not yet consumed. */
    public long pending() {
        return (long) LONG.getAcquire(producer, 0L) - (long) LONG.getAcquire(consumer, 0L);
    }

    /** Hands up to {@code max} complete records to {@code reader} in the ring's order; returns how many. */
    public int drain(Reader reader, int max) {
        long cons = (long) LONG.getAcquire(consumer, 0L);
        long prod = (long) LONG.getAcquire(producer, 0L);
        int n = 0;
        while (cons < prod && n < max) {
            long at = cons & mask;
            int header = (int) INT.getAcquire(data, at);
            if ((header & BUSY) != 0) {
                break;
            }
            int len = header & ~(BUSY | DISCARD);
            if ((header & DISCARD) == 0) {
                if (buffer.length < len) {
                    buffer = new byte[Integer.highestOneBit(len) << 1];
                }
                MemorySegment.copy(data, JAVA_BYTE, at + 8, buffer, 0, len);
                reader.record(buffer, len);
                n++;
            }
            cons += (len + 8 + 7) & ~7L;
            if ((n & 255) == 0) {
                LONG.setRelease(consumer, 0L, cons);
            }
            if (cons >= prod) {
                prod = (long) LONG.getAcquire(producer, 0L);
            }
        }
        LONG.setRelease(consumer, 0L, cons);
        return n;
    }

    @Override
    public void close() {
        Sys.syscall(NR_MUNMAP, consumer.address(), consumer.byteSize());
        Sys.syscall(NR_MUNMAP, producer.address(), producer.byteSize());
    }
}

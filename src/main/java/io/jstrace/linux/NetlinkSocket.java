package io.jstrace.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/** A datagram netlink socket of this process: requests out, reply datagrams in (-yy's sock_diag queries). */
public final class NetlinkSocket implements AutoCloseable {
    private static final int AF_NETLINK = 16, SOCK_DGRAM = 2, SOCK_CLOEXEC = 0x80000;
    /** The largest datagram read at once: sock_diag replies fit, as in strace. */
    private static final int RECEIVE_SIZE = 32768;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment in = arena.allocate(RECEIVE_SIZE);
    private final int fd;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** socket(AF_NETLINK, SOCK_DGRAM|SOCK_CLOEXEC, {@code protocol}). */
    public static NetlinkSocket open(int protocol) throws Errno {
        MemorySegment st = Libc.errnoState();
        int fd = (int) Libc.call(Libc.SOCKET, st, AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, protocol, 0);
        if (fd < 0) {
            throw new Errno("socket", Libc.errno(st));
        }
        return new NetlinkSocket(fd);
    }

    /** Sends {@code request} as one datagram. */
    public void send(byte[] request) throws Errno {
        MemorySegment st = Libc.errnoState();
        MemorySegment out = arena.allocateFrom(JAVA_BYTE, request);
        long n = Libc.call(Libc.SEND, st, fd, out.address(), request.length, 0);
        if (n != request.length) {
            throw new Errno("send", n < 0 ? Libc.errno(st) : Errno.EINTR);
        }
    }

    /** The next datagram; empty when the peer sent an empty one. */
    public byte[] receive() throws Errno {
        MemorySegment st = Libc.errnoState();
        long n = Libc.call(Libc.RECV, st, fd, in.address(), RECEIVE_SIZE, 0);
        if (n < 0) {
            throw new Errno("recv", Libc.errno(st));
        }
        return in.asSlice(0, n).toArray(JAVA_BYTE);
    }

    @Override
    public void close() {
        Libc.call(Libc.CLOSE, Libc.errnoState(), fd, 0, 0, 0);
        arena.close();
    }
}

package io.jstrace.trace;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Layout;
import io.jstrace.decode.Role;
import io.jstrace.decode.Signature;
import io.jstrace.decode.Signatures;
import io.jstrace.model.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * -e read=FDS, -e write=FDS: the bytes a call moved, read from the tracee at its exit, as strace's
 * dumpio reads them. Which calls move data and where is what their kinds' {@link Role}s say: a
 * call whose first argument is an fd and that has a {@link Role.Data} argument (a buffer, an iovec
 * array, a msghdr, an mmsghdr vector, written or read). Written data is dumped even when the call
 * failed; read data only up to what it returned.
 */
final class IoDumper {
    private static final Layout IOVEC = Layout.of("iovec"), MSGHDR = Layout.of("msghdr"), MMSGHDR = Layout.of("mmsghdr");
    private static final Layout.Field IOV_BASE = IOVEC.field("iov_base"), IOV_LEN = IOVEC.field("iov_len"),
            MSG_IOV = MSGHDR.field("msg_iov"), MSG_IOVLEN = MSGHDR.field("msg_iovlen"),
            MSG_HDR = MMSGHDR.field("msg_hdr"), MSG_LEN = MMSGHDR.field("msg_len");
    private static final int MAX_IOVECS = 1024 * 1024;
    /** strace's dumpstr reads the tracee 64 KiB at a time; a chunk it cannot read ends the dump. */
    private static final int CHUNK = 1 << 16;

    /** How a call carries its data: the shape, whether it is written, and the argument holding it. */
    private record Plan(Role.Shape shape, boolean written, int arg, int lengthArg) {}

    private static final Plan NONE = new Plan(null, false, -1, -1);

    private final IntPredicate readFds;
    private final IntPredicate writeFds;
    private final Signatures signatures = Signatures.standard();
    private final List<Plan> plans = new ArrayList<>();

    IoDumper(IntPredicate readFds, IntPredicate writeFds) {
        this.readFds = readFds;
        this.writeFds = writeFds;
    }

    /** The dump for {@code call} of syscall {@code name} that just exited, or null when there is none. */
    Event.IoDump dump(int pid, Call call, String name, long timeNanos) {
        Plan p = plan(call.number, name);
        int fd = call.intArg(0);
        if (p == NONE || fd < 0) {
            return null;
        }
        List<Event.DumpPart> parts = new ArrayList<>();
        if (p.written() && writeFds.test(fd)) {
            long addr = call.arg(p.arg());
            switch (p.shape()) {
                case BUFFER -> data(call, addr, call.arg(p.lengthArg()), parts);
                case IOV -> iovecs(call, addr, call.intArg(p.lengthArg()), -1, parts);
                case MSGHDR -> msghdr(call, addr, -1, parts);
                case MMSG -> mmsgs(call, addr, parts);
            }
        } else if (!p.written() && !call.failed() && readFds.test(fd)) {
            long addr = call.arg(p.arg());
            switch (p.shape()) {
                case BUFFER -> data(call, addr, call.ret(), parts);
                case IOV -> iovecs(call, addr, call.intArg(p.lengthArg()), call.ret(), parts);
                case MSGHDR -> msghdr(call, addr, call.ret(), parts);
                case MMSG -> mmsgs(call, addr, parts);
            }
        }
        return parts.isEmpty() ? null : new Event.IoDump(pid, call.tid, timeNanos, List.copyOf(parts));
    }

    private Plan plan(int nr, String name) {
        while (plans.size() <= nr) {
            plans.add(null);
        }
        Plan p = plans.get(nr);
        if (p == null) {
            p = derive(signatures.of(name));
            plans.set(nr, p);
        }
        return p;
    }

    /** The first data argument of a call on an fd (its first argument), from the kinds' roles. */
    private static Plan derive(Signature sig) {
        if (sig == null || sig.args().isEmpty() || !(sig.args().getFirst().role() instanceof Role.Fd)) {
            return NONE;
        }
        for (int i = 1; i < sig.args().size(); i++) {
            if (sig.args().get(i).role() instanceof Role.Data d) {
                return new Plan(d.shape(), d.written(), i, d.lengthArg());
            }
        }
        return NONE;
    }

    /**
     * strace's dumpstr: the bytes read a chunk at a time; nothing when the first chunk cannot be
     * read, else what was read and the chunk that could not be.
     */
    private static void data(Call c, long addr, long len, List<Event.DumpPart> parts) {
        if (len <= 0 || len > Integer.MAX_VALUE - 16) {
            return;
        }
        byte[] all = new byte[(int) len];
        for (int off = 0; off < len; off += CHUNK) {
            int size = (int) Math.min(len - off, CHUNK);
            byte[] chunk = c.memory.readFully(c.tid, addr + off, size);
            if (chunk == null) {
                if (off > 0) {
                    parts.add(new Event.DumpPart.Data(java.util.Arrays.copyOf(all, off)));
                    parts.add(new Event.DumpPart.Unreadable(len, size, addr + off));
                }
                return;
            }
            System.arraycopy(chunk, 0, all, off, size);
        }
        parts.add(new Event.DumpPart.Data(all));
    }

    /** strace's dumpiov_upto: each buffer until {@code limit} bytes (unsigned; -1 for all) are shown. */
    private static void iovecs(Call c, long addr, int count, long limit, List<Event.DumpPart> parts) {
        if (count <= 0 || count > MAX_IOVECS) {
            return;
        }
        byte[] raw = c.memory.readFully(c.tid, addr, count * IOVEC.size());
        if (raw == null) {
            return;
        }
        Bytes iov = new Bytes(raw);
        long left = limit;
        for (int i = 0; i < count; i++) {
            long len = iov.u(i * IOVEC.size(), IOV_LEN);
            if (Long.compareUnsigned(len, left) > 0) {
                len = left;
            }
            if (len == 0) {
                break;
            }
            left -= len;
            parts.add(new Event.DumpPart.Buffer(i, len));
            data(c, iov.u(i * IOVEC.size(), IOV_BASE), len, parts);
        }
    }

    private static void msghdr(Call c, long addr, long limit, List<Event.DumpPart> parts) {
        byte[] raw = c.memory.readFully(c.tid, addr, MSGHDR.size());
        if (raw != null) {
            Bytes m = new Bytes(raw);
            iovecs(c, m.u(MSG_IOV), (int) m.u(MSG_IOVLEN), limit, parts);
        }
    }

    /** strace's dumpiov_in_mmsghdr: the messages the call returned, each up to its msg_len. */
    private static void mmsgs(Call c, long addr, List<Event.DumpPart> parts) {
        if (c.failed()) {
            return;
        }
        for (int i = 0; i < c.ret(); i++) {
            long at = addr + (long) i * MMSGHDR.size();
            byte[] raw = c.memory.readFully(c.tid, at, MMSGHDR.size());
            if (raw == null) {
                return;
            }
            Bytes m = new Bytes(raw);
            int hdr = MSG_HDR.offset();
            long iovlen = m.u(hdr, MSG_IOVLEN);
            parts.add(new Event.DumpPart.Vector(i, iovlen));
            iovecs(c, m.u(hdr, MSG_IOV), (int) iovlen, m.u(MSG_LEN), parts);
        }
    }
}

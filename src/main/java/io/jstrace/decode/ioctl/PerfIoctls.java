package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.decode.PerfAttr;
import io.jstrace.model.Value;

import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** perf events' requests (type '$'), as strace's perf_ioctl.c prints them. */
final class PerfIoctls {
    private PerfIoctls() {}

    private static final Layout QUERY = Layout.of("perf_event_query_bpf");
    private static final Layout.Field IDS_LEN = QUERY.field("ids_len"), PROG_CNT = QUERY.field("prog_cnt");
    /** The filter is a string of at most a page (strace's get_pagesize()). */
    private static final long FILTER_MAX = 4096;
    private static final int ID_SIZE = 4;

    /** A u64 the argument points to, in unsigned decimal (printnum_int64). */
    private static final IoctlArg.Reader U64 = IoctlArg.longBox(Value.Num::udec);

    /**
     * PERF_EVENT_IOC_QUERY_BPF: ids_len as given; after a successful call how many programs are
     * attached and their ids, else {@code ...}.
     */
    private static final IoctlArg QUERY_BPF = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            Bytes b = Decode.struct(c, arg, IDS_LEN.size());
            return b == null ? Decode.ptr(arg) : field("ids_len", Value.Num.udec(b.u(IDS_LEN)));
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (!(atEntry instanceof Value.Field idsLen)) {
                return atEntry;
            }
            byte[] cnt = c.failed() ? null : c.memory.readFully(c.tid, arg + PROG_CNT.offset(), PROG_CNT.size());
            if (cnt == null) {
                return new Value.Struct(List.of(idsLen), true);
            }
            long progs = new Bytes(cnt).u32(0);
            return Decode.struct(idsLen, field("prog_cnt", Value.Num.udec(progs)),
                    field("ids", IoArrays.array(c, arg + QUERY.size(), progs, ID_SIZE, b -> Value.Num.udec(b.u32(0)))));
        }
    };

    /** PERF_EVENT_IOC_MODIFY_ATTRIBUTES: the attr as perf_event_open shows it, read and shown at entry. */
    private static Value attr(Call c, long arg) {
        Object f = PerfAttr.fetch(c, arg);
        return f instanceof PerfAttr.Fetched fetched ? PerfAttr.show(c, fetched, null) : (Value) f;
    }

    private static final RequestMap MAP = new RequestMap()
            .put(in((c, arg) -> Decode.flags("perf_ioctl_flags", arg & 0xffffffffL, "PERF_IOC_FLAG_???")),
                    "PERF_EVENT_IOC_ENABLE", "PERF_EVENT_IOC_DISABLE", "PERF_EVENT_IOC_RESET")
            .put(in((c, arg) -> Value.Num.dec((int) arg)), "PERF_EVENT_IOC_REFRESH")
            .put(in(U64), "PERF_EVENT_IOC_PERIOD")
            .put(in((c, arg) -> Decode.fd(c, (int) arg)), "PERF_EVENT_IOC_SET_OUTPUT", "PERF_EVENT_IOC_SET_BPF")
            .put(in((c, arg) -> Value.Num.udec(arg)), "PERF_EVENT_IOC_PAUSE_OUTPUT")
            .put(in((c, arg) -> Decode.cstringIn(c, arg, FILTER_MAX, false)), "PERF_EVENT_IOC_SET_FILTER")
            .put(out(U64), "PERF_EVENT_IOC_ID")
            .put(QUERY_BPF, "PERF_EVENT_IOC_QUERY_BPF")
            .put(in(PerfIoctls::attr), "PERF_EVENT_IOC_MODIFY_ATTRIBUTES");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

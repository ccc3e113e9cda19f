package io.jstrace.decode.ioctl;

import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.ReturnKind;
import io.jstrace.model.Value;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * ioctl's request and argument, dispatched as strace's ioctl_decode does: by the type byte of
 * the request code to one family, which knows its requests. The request is shown at entry, where
 * the family also reads what the call was given; the argument at exit.
 */
public final class Ioctls {
    private Ioctls() {}

    /** One family's decoders by request code; null for a code it does not decode. */
    @FunctionalInterface
    interface Family {
        IoctlArg arg(long code);
    }

    /**
     * Families by type byte. Method references, so a family's class (and its table) loads only
     * when a program uses one of its requests.
     */
    private static final Map<Integer, Family> BY_TYPE = Map.ofEntries(
            entry(0x03, HdioIoctls::arg),
            entry((int) '!', SeccompIoctls::arg),
            entry(0x12, BlockIoctls::arg),
            entry(0x22, ScsiIoctls::arg),
            entry((int) '$', PerfIoctls::arg),
            entry((int) '>', CounterIoctls::arg),
            entry((int) 'E', EvdevIoctls::arg),
            entry((int) 'K', KdIoctls::arg),
            entry((int) '=', PtpIoctls::arg),
            entry((int) 'X', FsxIoctls::arg),
            entry((int) 'f', FsfIoctls::arg),
            entry(0x94, Fs94Ioctls::arg),
            entry(0xab, NbdIoctls::arg),
            entry(0xb4, GpioIoctls::arg),
            entry(0xfd, DmIoctls::arg),
            entry((int) 'L', LoopIoctls::arg),
            entry((int) 'M', MtdIoctls::arg),
            entry((int) 'O', UbiIoctls::arg),
            entry((int) 'o', UbiIoctls::arg),
            entry((int) 'p', RtcIoctls::arg),
            entry((int) 'T', TermIoctls::arg),
            entry((int) 'W', WatchdogIoctls::arg),
            entry((int) 'R', RandomIoctls::arg),
            entry((int) 'I', InotifyIoctls::arg),
            entry((int) 'i', LircIoctls::arg),
            entry(0xb7, NsfsIoctls::arg),
            entry(0xaa, UffdIoctls::arg),
            entry(0xae, KvmIoctls::arg),
            entry(0xa4, TeeIoctls::arg),
            entry((int) 'V', V4l2Ioctls::arg),
            entry(0x89, SockIoctls::arg));

    /**
     * Families whose strace decoder (ptp_ioctl, v4l2_ioctl) returns at once when the call is not
     * verbose (-e verbose=): their argument is then the raw number, {@code 0} rather than NULL.
     * The other families read through umove_or_printaddr, which prints the address or NULL.
     */
    private static final Set<Integer> RAW_UNLESS_VERBOSE = Set.of((int) '=', (int) 'V');

    /** What entry learnt, for exit: the request as shown, its decoder and the argument's entry value. */
    private record Entry(Value request, IoctlArg arg, Value atEntry) {}

    /** The request (kind ioctl_req, read at entry and at exit). */
    public static Value request(Call c, int i) {
        Entry e = c.saved[i] instanceof Entry saved ? saved : atEntry(c, i);
        c.saved[i] = e;
        return e.request();
    }

    /** The argument after the request (kind ioctl_arg, read at exit); null when the request has none. */
    public static Value argument(Call c, int i) {
        Entry e = c.saved[i - 1] instanceof Entry saved ? saved : atEntry(c, i - 1);
        return e.arg().exit(c, c.arg(i), e.atEntry());
    }

    private static Entry atEntry(Call c, int i) {
        long code = c.arg(i) & 0xffffffffL;
        IoctlArg arg = !c.options.structs() && RAW_UNLESS_VERBOSE.contains(IoctlRequest.type(code)) ? IoctlArg.HEX : decoder(code);
        return new Entry(IoctlRequest.of(code), arg, arg.entry(c, c.arg(i + 1)));
    }

    /**
     * ioctl's return value (kind ioctl): a number, or the new fd of a request that returns one;
     * then what the request's decoder adds after it.
     */
    public static final ReturnKind RETURN = new ReturnKind() {
        @Override
        public Value decode(Call c) {
            Entry e = c.saved[1] instanceof Entry saved ? saved : null;
            return e != null && e.arg().returnsFd() ? Decode.fd(c, (int) c.ret()) : Value.Num.dec(c.ret());
        }

        @Override
        public List<Value> details(Call c) {
            Entry e = c.saved[1] instanceof Entry saved ? saved : null;
            return ReturnKind.one(e == null || c.failed() ? null : e.arg().returned(c, c.arg(2)));
        }
    };

    static IoctlArg decoder(long code) {
        Family f = BY_TYPE.get(IoctlRequest.type(code));
        IoctlArg arg = f == null ? null : f.arg(code);
        return arg == null ? IoctlArg.HEX : arg;
    }
}

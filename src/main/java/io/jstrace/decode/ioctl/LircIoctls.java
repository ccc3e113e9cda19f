package io.jstrace.decode.ioctl;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;

import java.util.function.Function;

import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** Infrared remote control requests (type 'i'), as strace's lirc_ioctl.c prints them: one unsigned int each. */
final class LircIoctls {
    private LircIoctls() {}

    private static IoctlArg.Reader box(Function<Long, Value> show) {
        return IoctlArg.intBox(v -> show.apply(v & 0xffffffffL));
    }

    private static final IoctlArg.Reader MODE = box(v -> Decode.sym("lirc_modes", v, Value.Radix.HEX, "LIRC_MODE_???"));
    private static final IoctlArg.Reader NUMBER = box(Value.Num::udec);

    private static final RequestMap MAP = new RequestMap()
            .put(out(box(v -> Decode.flags("lirc_features", v, "LIRC_CAN_???"))), "LIRC_GET_FEATURES")
            .put(out(MODE), "LIRC_GET_SEND_MODE", "LIRC_GET_REC_MODE")
            .put(in(MODE), "LIRC_SET_SEND_MODE", "LIRC_SET_REC_MODE")
            .put(out(NUMBER), "LIRC_GET_REC_RESOLUTION", "LIRC_GET_MIN_TIMEOUT", "LIRC_GET_MAX_TIMEOUT", "LIRC_GET_LENGTH",
                    "LIRC_GET_REC_TIMEOUT")
            .put(in(NUMBER), "LIRC_SET_SEND_CARRIER", "LIRC_SET_REC_CARRIER", "LIRC_SET_SEND_DUTY_CYCLE",
                    "LIRC_SET_REC_TIMEOUT", "LIRC_SET_REC_TIMEOUT_REPORTS", "LIRC_SET_MEASURE_CARRIER_MODE",
                    "LIRC_SET_REC_CARRIER_RANGE", "LIRC_SET_WIDEBAND_RECEIVER")
            .put(in(box(Value.Num::hex)), "LIRC_SET_TRANSMITTER_MASK");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.function.BiFunction;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.inOut;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** GPIO character device requests (type 0xb4), as strace's gpio_ioctl.c prints them. */
final class GpioIoctls {
    private GpioIoctls() {}

    private static final Layout CHIP = Layout.of("gpiochip_info"), LINE = Layout.of("gpioline_info"),
            HANDLE = Layout.of("gpiohandle_request"), EVENT = Layout.of("gpioevent_request"),
            DATA = Layout.of("gpiohandle_data"), HANDLE_CONFIG = Layout.of("gpiohandle_config");
    private static final Layout.Field CHIP_NAME = CHIP.field("name"), CHIP_LABEL = CHIP.field("label"),
            CHIP_LINES = CHIP.field("lines");
    private static final Layout.Field LINE_OFFSET = LINE.field("line_offset"), LINE_FLAGS = LINE.field("flags"),
            LINE_NAME = LINE.field("name"), LINE_CONSUMER = LINE.field("consumer");
    private static final Layout.Field H_OFFSETS = HANDLE.field("lineoffsets"), H_FLAGS = HANDLE.field("flags"),
            H_DEFAULTS = HANDLE.field("default_values"), H_LABEL = HANDLE.field("consumer_label"),
            H_LINES = HANDLE.field("lines"), H_FD = HANDLE.field("fd");
    private static final Layout.Field E_OFFSET = EVENT.field("lineoffset"), E_HANDLEFLAGS = EVENT.field("handleflags"),
            E_EVENTFLAGS = EVENT.field("eventflags"), E_LABEL = EVENT.field("consumer_label"), E_FD = EVENT.field("fd");
    private static final Layout.Field VALUES = DATA.field("values");
    private static final Layout.Field HC_FLAGS = HANDLE_CONFIG.field("flags"),
            HC_DEFAULTS = HANDLE_CONFIG.field("default_values");

    private static Value handleFlags(long v) {
        return Decode.flags("gpio_handle_flags", v, "GPIOHANDLE_REQUEST_???");
    }

    /** A struct the call reads, shown by {@code show} with access to the call (for -v, -s and fds). */
    private static IoctlArg.Reader read(Layout l, BiFunction<Call, Bytes, Value> show) {
        return (c, addr) -> struct(l, b -> show.apply(c, b)).read(c, addr);
    }

    /** The fd a request returns, after {@code =>}. */
    private static IoctlArg.Reader fd(Layout l, Layout.Field fd) {
        return read(l, (c, b) -> Decode.struct(field("fd", Decode.fd(c, (int) b.s(fd)))));
    }

    private static Value chip(Bytes b) {
        return Decode.struct(field("name", StructFields.cstring(b, CHIP_NAME)), field("label", StructFields.cstring(b, CHIP_LABEL)),
                field("lines", Value.Num.udec(b.u(CHIP_LINES))));
    }

    private static Value lineInfo(Bytes b) {
        return Decode.struct(field("flags", Decode.flags("gpio_line_flags", b.u(LINE_FLAGS), "GPIOLINE_FLAG_???")),
                field("name", StructFields.cstring(b, LINE_NAME)), field("consumer", StructFields.cstring(b, LINE_CONSUMER)));
    }

    private static Value handleRequest(Call c, Bytes b) {
        long lines = b.u(H_LINES);
        return Decode.struct(field("lines", Value.Num.udec(lines)),
                field("lineoffsets", StructFields.uints(c, b, H_OFFSETS, 4, lines)),
                field("flags", handleFlags(b.u(H_FLAGS))),
                field("default_values", StructFields.uints(c, b, H_DEFAULTS, 1, lines)),
                field("consumer_label", StructFields.cstring(b, H_LABEL)));
    }

    private static Value eventRequest(Bytes b) {
        return Decode.struct(field("lineoffset", Value.Num.udec(b.u(E_OFFSET))),
                field("handleflags", handleFlags(b.u(E_HANDLEFLAGS))),
                field("eventflags", Decode.flags("gpio_event_flags", b.u(E_EVENTFLAGS), "GPIOEVENT_REQUEST_???")),
                field("consumer_label", StructFields.cstring(b, E_LABEL)));
    }

    /** GPIO_GET_LINEINFO_UNWATCH_IOCTL's argument: a bare 32-bit line offset, shown as strace's {offset=N}. */
    private static final IoctlArg.Reader UNWATCH = (c, addr) -> {
        Bytes b = Decode.struct(c, addr, Integer.BYTES);
        return b == null ? Decode.ptr(addr) : Decode.struct(field("offset", Value.Num.udec(b.u32(0))));
    };

    private static final IoctlArg.Reader HANDLE_DATA = read(DATA,
            (c, b) -> Decode.struct(field("values", StructFields.uints(c, b, VALUES, 1, -1))));
    private static final IoctlArg.Reader V2_VALUES_MASK = struct(GpioV2Structs.VALUES,
            b -> Decode.struct(field("mask", Value.Num.hex(b.u(GpioV2Structs.MASK)))));
    private static final IoctlArg.Reader V2_INFO_OFFSET = struct(GpioV2Structs.INFO, GpioV2Structs::infoOffset);

    private static final RequestMap MAP = new RequestMap()
            .put(out(struct(CHIP, GpioIoctls::chip)), "GPIO_GET_CHIPINFO_IOCTL")
            .put(in(UNWATCH), "GPIO_GET_LINEINFO_UNWATCH_IOCTL")
            .put(inOut(V2_INFO_OFFSET, read(GpioV2Structs.INFO, GpioV2Structs::info)),
                    "GPIO_V2_GET_LINEINFO_IOCTL", "GPIO_V2_GET_LINEINFO_WATCH_IOCTL")
            .put(inOut(read(GpioV2Structs.REQUEST, GpioV2Structs::request), fd(GpioV2Structs.REQUEST, GpioV2Structs.REQ_FD)),
                    "GPIO_V2_GET_LINE_IOCTL")
            .put(in(read(GpioV2Structs.CONFIG, GpioV2Structs::config)), "GPIO_V2_LINE_SET_CONFIG_IOCTL")
            .put(inOut(V2_VALUES_MASK, struct(GpioV2Structs.VALUES,
                    b -> Decode.struct(field("bits", Value.Num.hex(b.u(GpioV2Structs.BITS)))))), "GPIO_V2_LINE_GET_VALUES_IOCTL")
            .put(in(struct(GpioV2Structs.VALUES, b -> Decode.struct(field("bits", Value.Num.hex(b.u(GpioV2Structs.BITS))),
                    field("mask", Value.Num.hex(b.u(GpioV2Structs.MASK)))))), "GPIO_V2_LINE_SET_VALUES_IOCTL")
            .put(inOut(struct(LINE, b -> Decode.struct(field("line_offset", Value.Num.udec(b.u(LINE_OFFSET))))),
                    struct(LINE, GpioIoctls::lineInfo)), "GPIO_GET_LINEINFO_IOCTL", "GPIO_GET_LINEINFO_WATCH_IOCTL")
            .put(inOut(read(HANDLE, GpioIoctls::handleRequest), fd(HANDLE, H_FD)), "GPIO_GET_LINEHANDLE_IOCTL")
            .put(inOut(struct(EVENT, GpioIoctls::eventRequest), fd(EVENT, E_FD)), "GPIO_GET_LINEEVENT_IOCTL")
            .put(out(HANDLE_DATA), "GPIOHANDLE_GET_LINE_VALUES_IOCTL")
            .put(in(HANDLE_DATA), "GPIOHANDLE_SET_LINE_VALUES_IOCTL")
            .put(in(read(HANDLE_CONFIG, (c, b) -> Decode.struct(field("flags", handleFlags(b.u(HC_FLAGS))),
                    field("default_values", StructFields.uints(c, b, HC_DEFAULTS, 1, -1))))), "GPIOHANDLE_SET_CONFIG_IOCTL");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/** The GPIO character device's v2 structs, as strace's gpio_ioctl.c prints them. */
final class GpioV2Structs {
    private GpioV2Structs() {}

    static final Layout ATTR = Layout.of("gpio_v2_line_attribute"), CONFIG_ATTR = Layout.of("gpio_v2_line_config_attribute"),
            CONFIG = Layout.of("gpio_v2_line_config"), REQUEST = Layout.of("gpio_v2_line_request"),
            INFO = Layout.of("gpio_v2_line_info"), VALUES = Layout.of("gpio_v2_line_values");
    private static final Layout.Field ATTR_ID = ATTR.field("id"), ATTR_PADDING = ATTR.field("padding"),
            ATTR_FLAGS = ATTR.field("flags"), ATTR_VALUES = ATTR.field("values"),
            ATTR_DEBOUNCE = ATTR.field("debounce_period_us");
    private static final Layout.Field CA_ATTR = CONFIG_ATTR.field("attr"), CA_MASK = CONFIG_ATTR.field("mask");
    private static final Layout.Field CONFIG_FLAGS = CONFIG.field("flags"), CONFIG_NUM_ATTRS = CONFIG.field("num_attrs"),
            CONFIG_PADDING = CONFIG.field("padding"), CONFIG_ATTRS = CONFIG.field("attrs");
    static final Layout.Field REQ_OFFSETS = REQUEST.field("offsets"), REQ_CONSUMER = REQUEST.field("consumer"),
            REQ_CONFIG = REQUEST.field("config"), REQ_NUM_LINES = REQUEST.field("num_lines"),
            REQ_EVENT_BUFFER_SIZE = REQUEST.field("event_buffer_size"), REQ_PADDING = REQUEST.field("padding"),
            REQ_FD = REQUEST.field("fd");
    private static final Layout.Field INFO_NAME = INFO.field("name"), INFO_CONSUMER = INFO.field("consumer"),
            INFO_OFFSET = INFO.field("offset"), INFO_NUM_ATTRS = INFO.field("num_attrs"), INFO_FLAGS = INFO.field("flags"),
            INFO_ATTRS = INFO.field("attrs"), INFO_PADDING = INFO.field("padding");
    static final Layout.Field BITS = VALUES.field("bits"), MASK = VALUES.field("mask");
    private static final long ID_FLAGS = 1, ID_OUTPUT_VALUES = 2, ID_DEBOUNCE = 3;

    static Value lineFlags(long v) {
        return Decode.flags("gpio_v2_line_flags", v, "GPIO_V2_LINE_FLAG_???");
    }

    /**
     * An attribute's members: the one its id selects, or (an unknown id, padding in use) id,
     * padding and the raw data, wrapped as {@code attr={...}} when {@code asField}.
     */
    private static List<Value.Field> attribute(Bytes b, boolean asField) {
        long id = b.u(ATTR_ID);
        if (b.u(ATTR_PADDING) == 0) {
            if (id == ID_FLAGS) {
                return List.of(field("flags", lineFlags(b.u(ATTR_FLAGS))));
            }
            if (id == ID_OUTPUT_VALUES) {
                return List.of(field("values", Value.Num.hex(b.u(ATTR_VALUES))));
            }
            if (id == ID_DEBOUNCE) {
                return List.of(field("debounce_period_us", Value.Num.udec(b.u(ATTR_DEBOUNCE))));
            }
        }
        List<Value.Field> raw = new ArrayList<>();
        raw.add(field("id", Value.Num.udec(id)));
        if (b.u(ATTR_PADDING) != 0) {
            raw.add(field("padding", Value.Num.hex(b.u(ATTR_PADDING))));
        }
        raw.add(field("data", Value.Num.hex(b.u(ATTR_VALUES))));
        return asField ? List.of(field("attr", new Value.Struct(raw, false))) : raw;
    }

    private static Value configAttribute(Bytes b) {
        List<Value.Field> f = new ArrayList<>(attribute(StructFields.of(b, CA_ATTR), true));
        f.add(field("mask", Value.Num.hex(b.u(CA_MASK))));
        return new Value.Struct(f, false);
    }

    static Value config(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("flags", lineFlags(b.u(CONFIG_FLAGS))));
        long n = b.u(CONFIG_NUM_ATTRS);
        f.add(field("num_attrs", Value.Num.udec(n)));
        if (!StructFields.zero(b, CONFIG_PADDING)) {
            f.add(field("padding", StructFields.xints(c, b, CONFIG_PADDING, 4, -1)));
        }
        if (n != 0) {
            f.add(field("attrs", StructFields.array(c, b, CONFIG_ATTRS, CONFIG_ATTR.size(), n, GpioV2Structs::configAttribute)));
        }
        return new Value.Struct(f, false);
    }

    /** GPIO_V2_GET_LINE_IOCTL's request, as given. */
    static Value request(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        long n = b.u(REQ_NUM_LINES);
        f.add(field("num_lines", Value.Num.udec(n)));
        f.add(field("offsets", StructFields.uints(c, b, REQ_OFFSETS, 4, n)));
        f.add(field("consumer", StructFields.cstring(b, REQ_CONSUMER)));
        f.add(field("config", config(c, StructFields.of(b, REQ_CONFIG))));
        if (b.u(REQ_EVENT_BUFFER_SIZE) != 0) {
            f.add(field("event_buffer_size", Value.Num.udec(b.u(REQ_EVENT_BUFFER_SIZE))));
        }
        if (!StructFields.zero(b, REQ_PADDING)) {
            f.add(field("padding", StructFields.xints(c, b, REQ_PADDING, 4, -1)));
        }
        return new Value.Struct(f, false);
    }

    static Value infoOffset(Bytes b) {
        return Decode.struct(field("offset", Value.Num.udec(b.u(INFO_OFFSET))));
    }

    /** struct gpio_v2_line_info as the kernel filled it. */
    static Value info(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("name", StructFields.cstring(b, INFO_NAME)));
        f.add(field("consumer", StructFields.cstring(b, INFO_CONSUMER)));
        f.add(field("flags", lineFlags(b.u(INFO_FLAGS))));
        long n = b.u(INFO_NUM_ATTRS);
        f.add(field("num_attrs", Value.Num.udec(n)));
        if (n != 0) {
            f.add(field("attrs", StructFields.array(c, b, INFO_ATTRS, ATTR.size(), n,
                    a -> new Value.Struct(attribute(a, false), false))));
        }
        if (!StructFields.zero(b, INFO_PADDING)) {
            f.add(field("padding", StructFields.xints(c, b, INFO_PADDING, 4, -1)));
        }
        return new Value.Struct(f, false);
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.struct;

/** Counter device requests (type '>'), as strace's counter_ioctl.c prints them. */
final class CounterIoctls {
    private CounterIoctls() {}

    private static final Layout WATCH = Layout.of("counter_watch");
    private static final Layout.Field TYPE = WATCH.field("component.type"), SCOPE = WATCH.field("component.scope"),
            PARENT = WATCH.field("component.parent"), ID = WATCH.field("component.id"), EVENT = WATCH.field("event"),
            CHANNEL = WATCH.field("channel");

    private static Value watch(Bytes b) {
        Value component = Decode.struct(
                field("type", Decode.sym("counter_ioctl_component_types", b.u(TYPE), Value.Radix.HEX, "COUNTER_COMPONENT_???")),
                field("scope", Decode.sym("counter_ioctl_scopes", b.u(SCOPE), Value.Radix.HEX, "COUNTER_SCOPE_???")),
                field("parent", Value.Num.udec(b.u(PARENT))), field("id", Value.Num.udec(b.u(ID))));
        return Decode.struct(field("component", component),
                field("event", Decode.sym("counter_ioctl_event_types", b.u(EVENT), Value.Radix.HEX, "COUNTER_EVENT_???")),
                field("channel", Value.Num.udec(b.u(CHANNEL))));
    }

    private static final RequestMap MAP = new RequestMap()
            .put(in(struct(WATCH, CounterIoctls::watch)), "COUNTER_ADD_WATCH_IOCTL")
            .put(IoctlArg.NONE, "COUNTER_ENABLE_EVENTS_IOCTL", "COUNTER_DISABLE_EVENTS_IOCTL");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

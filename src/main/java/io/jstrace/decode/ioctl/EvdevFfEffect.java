package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/** struct ff_effect (EVIOCSFF), as strace's evdev_mpers.c prints it: its type's member only with -v. */
final class EvdevFfEffect {
    private EvdevFfEffect() {}

    static final Layout EFFECT = Layout.of("ff_effect");
    private static final Layout ENVELOPE = Layout.of("ff_envelope");
    private static final Layout.Field TYPE = EFFECT.field("type"), ID = EFFECT.field("id"),
            DIRECTION = EFFECT.field("direction");
    private static final Layout.Field ATTACK_LENGTH = ENVELOPE.field("attack_length"),
            ATTACK_LEVEL = ENVELOPE.field("attack_level"), FADE_LENGTH = ENVELOPE.field("fade_length"),
            FADE_LEVEL = ENVELOPE.field("fade_level");
    private static final Xlat TYPES = Xlat.of("evdev_ff_types");

    /** Unsigned ({@code u}), signed ({@code d}) members of a union arm, in order; {@code e} an envelope, {@code p} a pointer. */
    private record Member(String name, char kind) {}

    /** The union arm of each effect type strace prints, by the type's name. */
    private static final List<Arm> ARMS = List.of(
            new Arm("FF_CONSTANT", "constant", List.of(new Member("level", 'd'), new Member("envelope", 'e'))),
            new Arm("FF_RAMP", "ramp", List.of(new Member("start_level", 'd'), new Member("end_level", 'd'),
                    new Member("envelope", 'e'))),
            new Arm("FF_PERIODIC", "periodic", List.of(new Member("waveform", 'u'), new Member("period", 'u'),
                    new Member("magnitude", 'd'), new Member("offset", 'd'), new Member("phase", 'u'),
                    new Member("envelope", 'e'), new Member("custom_len", 'u'), new Member("custom_data", 'p'))),
            new Arm("FF_RUMBLE", "rumble", List.of(new Member("strong_magnitude", 'u'), new Member("weak_magnitude", 'u'))));

    private record Arm(String type, String name, List<Member> members) {}

    static Value effect(Bytes b, boolean verbose) {
        long type = b.u(TYPE);
        List<Value.Field> f = new ArrayList<>();
        f.add(field("type", Decode.sym("evdev_ff_types", type, Value.Radix.HEX, "FF_???")));
        f.add(field("id", Value.Num.dec(b.s(ID))));
        f.add(field("direction", Value.Num.udec(b.u(DIRECTION))));
        if (!verbose) {
            return new Value.Struct(f, true);
        }
        f.add(field("trigger", Decode.struct(field("button", Value.Num.udec(b.u(EFFECT.field("trigger.button")))),
                field("interval", Value.Num.udec(b.u(EFFECT.field("trigger.interval")))))));
        f.add(field("replay", Decode.struct(field("length", Value.Num.udec(b.u(EFFECT.field("replay.length")))),
                field("delay", Value.Num.udec(b.u(EFFECT.field("replay.delay")))))));
        for (Arm arm : ARMS) {
            if (TYPES.value(arm.type()).orElse(-1) == type) {
                f.add(field(arm.name(), arm(b, arm)));
            }
        }
        return new Value.Struct(f, false);
    }

    private static Value arm(Bytes b, Arm arm) {
        List<Value.Field> f = new ArrayList<>();
        for (Member m : arm.members()) {
            Layout.Field at = EFFECT.field("u." + arm.name() + "." + m.name());
            f.add(field(m.name(), switch (m.kind()) {
                case 'd' -> Value.Num.dec(b.s(at));
                case 'e' -> envelope(StructFields.of(b, at));
                case 'p' -> Decode.ptr(b.u(at));
                default -> Value.Num.udec(b.u(at));
            }));
        }
        return new Value.Struct(f, false);
    }

    private static Value envelope(Bytes b) {
        return Decode.struct(field("attack_length", Value.Num.udec(b.u(ATTACK_LENGTH))),
                field("attack_level", Value.Num.udec(b.u(ATTACK_LEVEL))),
                field("fade_length", Value.Num.udec(b.u(FADE_LENGTH))), field("fade_level", Value.Num.hex(b.u(FADE_LEVEL))));
    }
}

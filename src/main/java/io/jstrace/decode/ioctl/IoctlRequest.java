package io.jstrace.decode.ioctl;

import io.jstrace.decode.Decode;
import io.jstrace.model.Value;
import io.jstrace.xlat.IoctlRequests;

import java.util.ArrayList;
import java.util.List;

/**
 * An ioctl request as strace 6.1 names it: the family forms that carry a number in the code
 * ({@code EVIOCGBIT(EV_KEY, 8)}, {@code MIXER_READ(13)}), then every name of the code, or else
 * {@code _IOC(dir, type, nr, size)}. -X raw shows the code in hex, -X verbose both.
 */
final class IoctlRequest {
    private IoctlRequest() {}

    static final int IOC_WRITE = 1, IOC_READ = 2;

    static int dir(long code) {
        return (int) (code >>> 30) & 3;
    }

    static int type(long code) {
        return (int) (code >>> 8) & 0xff;
    }

    static int nr(long code) {
        return (int) code & 0xff;
    }

    static int size(long code) {
        return (int) (code >>> 16) & 0x3fff;
    }

    /** A family form that names a number of the code: the argument is the code's size, or its nr. */
    private record Numbered(char type, int dir, int nr, String name, boolean showsSize) {}

    /** strace's ioctl_decode_command_number: hiddev, uinput, joystick, spidev and evdev's fixed numbers. */
    private static final List<Numbered> NUMBERED = List.of(
            new Numbered('E', IOC_READ, 0x06, "EVIOCGNAME", true),
            new Numbered('E', IOC_READ, 0x07, "EVIOCGPHYS", true),
            new Numbered('E', IOC_READ, 0x08, "EVIOCGUNIQ", true),
            new Numbered('E', IOC_READ, 0x09, "EVIOCGPROP", true),
            new Numbered('E', IOC_READ, 0x0a, "EVIOCGMTSLOTS", true),
            new Numbered('E', IOC_READ, 0x18, "EVIOCGKEY", true),
            new Numbered('E', IOC_READ, 0x19, "EVIOCGLED", true),
            new Numbered('E', IOC_READ, 0x1a, "EVIOCGSND", true),
            new Numbered('E', IOC_READ, 0x1b, "EVIOCGSW", true),
            new Numbered('H', IOC_READ, 0x04, "HIDIOCGRAWNAME", true),
            new Numbered('H', IOC_READ, 0x05, "HIDIOCGRAWPHYS", true),
            new Numbered('H', IOC_READ, 0x06, "HIDIOCSFEATURE", true),
            new Numbered('H', IOC_READ, 0x08, "HIDIOCGRAWUNIQ", true),
            new Numbered('H', IOC_READ, 0x12, "HIDIOCGPHYS", true),
            new Numbered('H', IOC_READ | IOC_WRITE, 0x06, "HIDIOCSFEATURE", true),
            new Numbered('H', IOC_READ | IOC_WRITE, 0x07, "HIDIOCGFEATURE", true),
            new Numbered('U', IOC_READ, 0x2c, "UI_GET_SYSNAME", true),
            new Numbered('j', IOC_READ, 0x13, "JSIOCGNAME", true),
            new Numbered('k', IOC_WRITE, 0x00, "SPI_IOC_MESSAGE", true));

    /** seccomp's old SECCOMP_IOCTL_NOTIF_ID_VALID, whose direction the kernel got wrong before 5.17. */
    static final long SECCOMP_ID_VALID_WRONG_DIR = (long) IOC_READ << 30 | 8 << 16 | '!' << 8 | 2;

    static Value of(long request) {
        long code = request & 0xffffffffL;
        List<Value> names = new ArrayList<>(2);
        Value numbered = numbered(code);
        if (numbered != null) {
            names.add(numbered);
        }
        for (String n : IoctlRequests.names(code)) {
            names.add(new Value.Sym(n, code));
        }
        if (names.size() == 1 && names.getFirst() instanceof Value.Sym s) {
            return s;
        }
        Value decoded = names.isEmpty() ? ioc(code) : names.size() == 1 ? names.getFirst() : new Value.OneOf(names);
        return new Value.Decoded(code, Value.Radix.HEX, decoded, true);
    }

    private static Value numbered(long code) {
        int type = type(code), dir = dir(code), nr = nr(code);
        if (code == SECCOMP_ID_VALID_WRONG_DIR) {
            return new Value.Name("SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR");
        }
        if (type == 'M' && (dir == IOC_WRITE || dir == IOC_READ)) {
            return call(dir == IOC_WRITE ? "MIXER_WRITE" : "MIXER_READ", Value.Num.udec(nr));
        }
        if (type == 'E') {
            Value evdev = evdev(dir, nr, size(code));
            if (evdev != null) {
                return evdev;
            }
        }
        for (Numbered n : NUMBERED) {
            if (n.type() == type && n.dir() == dir && n.nr() == nr) {
                return call(n.name(), Value.Num.udec(n.showsSize() ? size(code) : nr));
            }
        }
        return null;
    }

    /** EVIOCSABS(abs), EVIOCGBIT(ev, size), EVIOCGABS(abs). */
    private static Value evdev(int dir, int nr, int size) {
        if (dir == IOC_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f) {
            return call("EVIOCSABS", Decode.sym("evdev_abs", nr - 0xc0, Value.Radix.HEX, "ABS_???"));
        }
        if (dir != IOC_READ) {
            return null;
        }
        if (nr >= 0x20 && nr <= 0x20 + 0x1f) {
            Value ev = nr == 0x20 ? Value.Num.udec(0) : Decode.sym("evdev_ev", nr - 0x20, Value.Radix.HEX, "EV_???");
            return call("EVIOCGBIT", ev, Value.Num.udec(size));
        }
        if (nr >= 0x40 && nr <= 0x40 + 0x3f) {
            return call("EVIOCGABS", Decode.sym("evdev_abs", nr - 0x40, Value.Radix.HEX, "ABS_???"));
        }
        return null;
    }

    private static Value call(String name, Value... args) {
        return new Value.Call(name, List.of(args));
    }

    /** {@code _IOC(_IOC_READ|_IOC_WRITE, 0x54, 0x1, 0x4)}. */
    private static Value ioc(long code) {
        int dir = dir(code);
        Value dirValue = dir == 0 ? new Value.Sym("_IOC_NONE", 0) : Decode.flags("ioctl_dirs", dir);
        return new Value.Call("_IOC", List.of(dirValue, Value.Num.hex(type(code)), Value.Num.hex(nr(code)),
                Value.Num.hex(size(code))));
    }
}

package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * Device mapper requests (type 0xfd), as strace's dm.c prints them: {@code [header, payload...]}
 * at entry and, when the call succeeded or changed the header, {@code => [header, payload...]}
 * at exit. The header is read even under -e verbose=none, as strace reads it.
 */
final class DmIoctls {
    private DmIoctls() {}

    /** The requests, for what each shows. */
    enum Request {
        VERSION, REMOVE_ALL, LIST_DEVICES, DEV_CREATE, DEV_REMOVE, DEV_RENAME, DEV_SUSPEND, DEV_STATUS, DEV_WAIT,
        TABLE_LOAD, TABLE_CLEAR, TABLE_DEPS, TABLE_STATUS, LIST_VERSIONS, TARGET_MSG, DEV_SET_GEOMETRY, DEV_ARM_POLL
    }

    static final Layout HEADER = Layout.of("dm_ioctl");
    static final Layout.Field VERSION = HEADER.field("version"), DATA_SIZE = HEADER.field("data_size"),
            DATA_START = HEADER.field("data_start"), TARGET_COUNT = HEADER.field("target_count"),
            OPEN_COUNT = HEADER.field("open_count"), FLAGS = HEADER.field("flags"), EVENT_NR = HEADER.field("event_nr"),
            DEV = HEADER.field("dev"), NAME = HEADER.field("name"), UUID = HEADER.field("uuid");
    /** What strace reads of the header: up to its data[]. */
    static final int HEADER_READ = HEADER.field("data").offset();
    private static final long VERSION_MAJOR = 4, SUSPEND_FLAG = 0x2, DATA_OUT_FLAG = 0x10000;

    /** The header as strace reads it (memory as it is, whatever -e verbose says), or null. */
    static Bytes header(Call c, long arg) {
        byte[] b = arg == 0 ? null : c.memory.readFully(c.tid, arg, HEADER_READ);
        Bytes h = b == null ? null : new Bytes(b);
        return h == null || h.u(DATA_SIZE) < DATA_SIZE.offset() ? null : h;
    }

    private static boolean hasParams(Request r) {
        return switch (r) {
            case VERSION, REMOVE_ALL, DEV_CREATE, DEV_REMOVE, DEV_SUSPEND, DEV_STATUS, TABLE_CLEAR, DEV_ARM_POLL -> false;
            default -> true;
        };
    }

    /** The header's fields; false in {@code complete} when strace stops at the version or the size. */
    private static Value.Struct headerValue(Call c, Request r, Bytes h, boolean entering, boolean[] complete) {
        List<Value.Field> f = new ArrayList<>();
        Value version = StructFields.uints(c, h, VERSION, 4, -1);
        if (h.u32(VERSION.offset()) != VERSION_MAJOR) {
            f.add(field("version", new Value.Commented(version, "unsupported device mapper ABI version")));
            return new Value.Struct(f, false);
        }
        f.add(field("version", version));
        long size = h.u(DATA_SIZE);
        if (size < HEADER_READ) {
            f.add(field("data_size", new Value.Commented(Value.Num.udec(size), "data_size too small")));
            return new Value.Struct(f, false);
        }
        f.add(field("data_size", Value.Num.udec(size)));
        if (hasParams(r)) {
            f.add(field("data_start", Value.Num.udec(h.u(DATA_START))));
        }
        if (r != Request.REMOVE_ALL && r != Request.LIST_DEVICES && r != Request.LIST_VERSIONS) {
            if (h.u(DEV) != 0) {
                f.add(field("dev", Decode.dev(h.u(DEV))));
            }
            if (h.u8(NAME.offset()) != 0) {
                f.add(field("name", StructFields.cstring(h, NAME)));
            }
            if (h.u8(UUID.offset()) != 0) {
                f.add(field("uuid", StructFields.cstring(h, UUID)));
            }
        }
        if (entering) {
            boolean eventNr = switch (r) {
                case DEV_SUSPEND -> (h.u(FLAGS) & SUSPEND_FLAG) == 0;
                case DEV_RENAME, DEV_REMOVE, DEV_WAIT -> true;
                default -> false;
            };
            if (r == Request.TABLE_LOAD) {
                f.add(field("target_count", Value.Num.udec(h.u(TARGET_COUNT))));
            } else if (eventNr) {
                f.add(field("event_nr", Value.Num.udec(h.u(EVENT_NR))));
            }
        } else if (!c.failed() && switch (r) {
            case DEV_CREATE, DEV_RENAME, DEV_SUSPEND, DEV_STATUS, DEV_WAIT, TABLE_LOAD, TABLE_CLEAR, TABLE_DEPS,
                    TABLE_STATUS, TARGET_MSG -> true;
            default -> false;
        }) {
            f.add(field("target_count", Value.Num.udec(h.u(TARGET_COUNT))));
            f.add(field("open_count", Value.Num.udec(h.u(OPEN_COUNT))));
            f.add(field("event_nr", Value.Num.udec(h.u(EVENT_NR))));
        }
        f.add(field("flags", Decode.flags("dm_flags", h.u(FLAGS), "DM_???")));
        complete[0] = true;
        return new Value.Struct(f, false);
    }

    /** {@code [header, payload...]} at entry or exit. */
    private static Value decode(Call c, Request r, long arg, Bytes h, boolean entering) {
        boolean[] complete = {false};
        List<Value> items = new ArrayList<>(List.of(headerValue(c, r, h, entering, complete)));
        if (complete[0]) {
            boolean answered = !entering && !c.failed();
            switch (r) {
                case DEV_WAIT, TABLE_STATUS -> {
                    if (answered) {
                        DmPayloads.targetSpecs(c, arg, h, false, items);
                    }
                }
                case TABLE_LOAD -> {
                    if (entering) {
                        DmPayloads.targetSpecs(c, arg, h, true, items);
                    }
                }
                case TABLE_DEPS -> {
                    if (answered) {
                        DmPayloads.deps(c, arg, h, items);
                    }
                }
                case LIST_DEVICES -> {
                    if (answered) {
                        DmPayloads.names(c, arg, h, items);
                    }
                }
                case LIST_VERSIONS -> {
                    if (answered) {
                        DmPayloads.versions(c, arg, h, items);
                    }
                }
                case TARGET_MSG -> {
                    if (entering) {
                        DmPayloads.message(c, arg, h, items);
                    } else if (answered && (h.u(FLAGS) & DATA_OUT_FLAG) != 0) {
                        DmPayloads.string(c, arg, h, items);
                    }
                }
                case DEV_RENAME, DEV_SET_GEOMETRY -> {
                    if (entering) {
                        DmPayloads.string(c, arg, h, items);
                    }
                }
                default -> { }
            }
        }
        return new Value.Arr(items, false);
    }

    /** The header words strace compares between entry and exit, as the entry showed them (absent: not compared). */
    private static boolean changed(Value atEntry, Bytes now) {
        if (!(atEntry instanceof Value.Arr a) || !(a.items().getFirst() instanceof Value.Struct s)) {
            return true;
        }
        for (Value.Field f : s.fields()) {
            Value v = f.value() instanceof Value.Commented cm ? cm.value() : f.value();
            boolean same = switch (f.name()) {
                case "version" -> v instanceof Value.Arr ver && ver.items().size() == 3
                        && num(ver.items().get(0)) == now.u32(VERSION.offset())
                        && num(ver.items().get(1)) == now.u32(VERSION.offset() + 4)
                        && num(ver.items().get(2)) == now.u32(VERSION.offset() + 8);
                case "data_size" -> num(v) == now.u(DATA_SIZE);
                case "data_start" -> num(v) == now.u(DATA_START);
                case "flags" -> num(v) == now.u(FLAGS);
                default -> true;
            };
            if (!same) {
                return true;
            }
        }
        return false;
    }

    private static long num(Value v) {
        return switch (v) {
            case Value.Num n -> n.value();
            case Value.Flags fl -> fl.value();
            case Value.Sym sy -> sy.value();
            default -> -1;
        };
    }

    private static IoctlArg arg(Request r) {
        return new IoctlArg() {
            @Override
            public Value entry(Call c, long arg) {
                Bytes h = header(c, arg);
                return h == null ? null : decode(c, r, arg, h, true);
            }

            @Override
            public Value exit(Call c, long arg, Value atEntry) {
                if (atEntry == null) {
                    return Value.Num.hex(arg);
                }
                Bytes h = header(c, arg);
                if (h == null || c.failed() && !changed(atEntry, h)) {
                    return atEntry;
                }
                return new Value.Changed(atEntry, decode(c, r, arg, h, false));
            }
        };
    }

    private static final RequestMap MAP = requests();

    private static RequestMap requests() {
        RequestMap m = new RequestMap();
        for (Request r : Request.values()) {
            m.put(arg(r), "DM_" + r.name());
        }
        return m;
    }

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

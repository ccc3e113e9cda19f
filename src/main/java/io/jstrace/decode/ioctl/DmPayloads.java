package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.DmIoctls.DATA_SIZE;
import static io.jstrace.decode.ioctl.DmIoctls.DATA_START;
import static io.jstrace.decode.ioctl.DmIoctls.TARGET_COUNT;
import static io.jstrace.decode.ioctl.DmIoctls.VERSION;

/**
 * What follows a device mapper header at data_start, as strace's dm.c walks it: only with -v
 * (else {@code ...}), each record checked to lie after the last and inside data_size, else
 * {@code ???} with a comment saying which record is misplaced. Offsets are 32-bit, as the kernel's.
 */
final class DmPayloads {
    private DmPayloads() {}

    private static final Layout SPEC = Layout.of("dm_target_spec"), DEPS = Layout.of("dm_target_deps"),
            NAMES = Layout.of("dm_name_list"), VERSIONS = Layout.of("dm_target_versions"), MSG = Layout.of("dm_target_msg");
    private static final Layout.Field SECTOR_START = SPEC.field("sector_start"), LENGTH = SPEC.field("length"),
            STATUS = SPEC.field("status"), NEXT = SPEC.field("next"), TARGET_TYPE = SPEC.field("target_type");
    private static final Layout.Field NAME_DEV = NAMES.field("dev"), NAME_NEXT = NAMES.field("next");
    /** dm_name_list's name[] follows next directly, before the struct's tail padding. */
    private static final int NAME_OFFSET = NAME_NEXT.offset() + NAME_NEXT.size();
    private static final Layout.Field VERSIONS_NEXT = VERSIONS.field("next"), VERSIONS_VERSION = VERSIONS.field("version");
    private static final long MIN_VERSION_WITH_EVENT_NR = 37;

    private static long u32(long v) {
        return v & 0xffffffffL;
    }

    private static Value misplaced(String what) {
        return new Value.Commented(Value.UNAVAILABLE, "misplaced " + what);
    }

    /** The string at {@code offset} up to data_size (printstr_ex with QUOTE_0_TERMINATED). */
    private static Value string(Call c, long arg, Bytes h, long offset) {
        return Decode.boundedCString(c, arg + offset, h.u(DATA_SIZE) - offset);
    }

    /** One record of a chain: what it shows, and the offset of the next one (null: the chain ends there). */
    private record Step(Value shown, Long next) {}

    /** Reads one record of a chain from its fixed part {@code s} at {@code offset}; its string starts at {@code end}. */
    @FunctionalInterface
    private interface Record {
        Step read(Bytes s, long offset, long end);
    }

    /**
     * A chain of records from data_start ({@code count} of them, or until one says it is the
     * last when negative): each must start after the last one's fixed part ({@code head} bytes)
     * and fit before data_size, at most -s of them shown.
     */
    private static void chain(Call c, long arg, Bytes h, long count, int head, Layout l, String what, Record r,
                              List<Value> items) {
        long size = h.u(DATA_SIZE);
        long offset = h.u(DATA_START);
        long end = 0;
        for (long i = 0; count < 0 || i < count; i++) {
            if (i > 0 && offset <= end) {
                items.add(misplaced(what));
                return;
            }
            end = u32(offset + head);
            if (end <= offset || end > size) {
                items.add(misplaced(what));
                return;
            }
            if (i >= c.options.stringLimit()) {
                items.add(Value.ELLIPSIS);
                return;
            }
            Bytes s = Decode.struct(c, arg + offset, l.size());
            if (s == null) {
                items.add(Decode.ptr(arg + offset));
                return;
            }
            Step step = r.read(s, offset, end);
            items.add(step.shown());
            if (step.next() == null) {
                return;
            }
            offset = step.next();
        }
    }

    static void targetSpecs(Call c, long arg, Bytes h, boolean entering, List<Value> items) {
        long count = h.u(TARGET_COUNT);
        if (!c.options.verbose()) {
            if (count != 0) {
                items.add(Value.ELLIPSIS);
            }
            return;
        }
        chain(c, arg, h, count, SPEC.size(), SPEC, "struct dm_target_spec", (s, offset, end) -> {
            List<Value.Field> f = new ArrayList<>(List.of(field("sector_start", Value.Num.udec(s.u(SECTOR_START))),
                    field("length", Value.Num.udec(s.u(LENGTH)))));
            if (!entering) {
                f.add(field("status", Value.Num.dec(s.s(STATUS))));
            }
            f.add(field("target_type", StructFields.cstring(s, TARGET_TYPE)));
            f.add(field("string", string(c, arg, h, end)));
            // At entry each record's next counts from it; at exit, from data_start.
            return new Step(new Value.Struct(f, false), u32((entering ? offset : h.u(DATA_START)) + s.u(NEXT)));
        }, items);
    }

    /** Whether a payload at data_start is to be walked: not when there is none, and only with -v (else {@code ...}). */
    private static boolean walk(Call c, Bytes h, List<Value> items) {
        if (h.u(DATA_START) == h.u(DATA_SIZE)) {
            return false;
        }
        if (!c.options.verbose()) {
            items.add(Value.ELLIPSIS);
            return false;
        }
        return true;
    }

    static void deps(Call c, long arg, Bytes h, List<Value> items) {
        if (walk(c, h, items)) {
            chain(c, arg, h, 1, DEPS.size(), DEPS, "struct dm_target_deps", (s, offset, end) -> {
                long count = s.u(DEPS.field("count"));
                Value shown = count > (h.u(DATA_SIZE) - end) / 8 ? misplaced("struct dm_target_deps")
                        : Decode.struct(field("count", Value.Num.udec(count)),
                                field("deps", IoArrays.array(c, arg + end, count, 8, e -> Decode.dev(e.s64(0)))));
                return new Step(shown, null);
            }, items);
        }
    }

    /** strace's umovestr result for the name at {@code addr}: its length and NUL, or 0 when no NUL came within -s. */
    private static long nameLength(Call c, long addr, long max) {
        int size = (int) Math.min(max, c.options.stringLimit() + 1L);
        byte[] b = size <= 0 ? null : c.memory.read(c.tid, addr, size);
        for (int i = 0; b != null && i < b.length; i++) {
            if (b[i] == 0) {
                return i + 1;
            }
        }
        return 0;
    }

    static void names(Call c, long arg, Bytes h, List<Value> items) {
        if (!walk(c, h, items)) {
            return;
        }
        long size = h.u(DATA_SIZE);
        chain(c, arg, h, -1, NAME_OFFSET, NAMES, "struct dm_name_list", (s, offset, end) -> {
            long next = s.u(NAME_NEXT);
            long rc = nameLength(c, arg + end, size - end);
            Value.Field dev = field("dev", Decode.dev(s.u(NAME_DEV))), name = field("name", string(c, arg, h, end));
            // Since DM 4.37 an event number follows the name, 8-byte aligned, when the record has room for it.
            long eventAt = (arg + end + rc + 7) & ~7L;
            byte[] event = rc > 0 && h.u32(VERSION.offset() + 4) >= MIN_VERSION_WITH_EVENT_NR
                    && eventAt + 4 <= arg + offset + next ? c.memory.readFully(c.tid, eventAt, 4) : null;
            Value shown = event == null ? Decode.struct(dev, name)
                    : Decode.struct(dev, name, field("event_nr", Value.Num.udec(new Bytes(event).u32(0))));
            return new Step(shown, next == 0 ? null : u32(offset + next));
        }, items);
    }

    static void versions(Call c, long arg, Bytes h, List<Value> items) {
        if (!walk(c, h, items)) {
            return;
        }
        chain(c, arg, h, -1, VERSIONS.size(), VERSIONS, "struct dm_target_versions", (s, offset, end) -> new Step(
                Decode.struct(field("name", string(c, arg, h, end)),
                        field("version", StructFields.uints(c, s, VERSIONS_VERSION, 4, -1))),
                s.u(VERSIONS_NEXT) == 0 ? null : u32(offset + s.u(VERSIONS_NEXT))), items);
    }

    static void message(Call c, long arg, Bytes h, List<Value> items) {
        if (walk(c, h, items)) {
            chain(c, arg, h, 1, MSG.size(), MSG, "struct dm_target_msg", (s, offset, end) -> new Step(Decode.struct(
                    field("sector", Value.Num.udec(s.u(MSG.field("sector")))), field("message", string(c, arg, h, end))),
                    null), items);
        }
    }

    static void string(Call c, long arg, Bytes h, List<Value> items) {
        if (!c.options.verbose()) {
            items.add(Value.ELLIPSIS);
            return;
        }
        long offset = h.u(DATA_START);
        items.add(offset <= h.u(DATA_SIZE) ? Decode.struct(field("string", string(c, arg, h, offset)))
                : misplaced("string"));
    }
}

package io.jstrace.bpf;

import io.jstrace.data.DataFiles;
import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the BPF programs read for each syscall: up to {@link Layout#SLOTS} arguments' memory,
 * derived from the argument kinds of the syscall's signature (the same files the decoders are
 * built from) through the rules in {@code captures}; and whether the call is traced at all and
 * reported at entry too ({@code entry_records}).
 */
final class CapturePlans {
    /** One argument's capture: how, when, and its length: fixed at {@code max}, or from an argument or the return value (times {@code scale}) up to {@code max}. */
    record Rule(int how, int phases, int lengthFrom, int lengthArg, int scale, int max) {}

    private final Map<String, String[]> rules = new HashMap<>();
    private final Set<String> entryRecords = new HashSet<>();

    CapturePlans() {
        for (String line : lines("captures")) {
            String[] f = line.split("\\s+");
            rules.put(f[0], f);
        }
        for (String line : lines("entry_records")) {
            entryRecords.addAll(List.of(line.split("\\s+")));
        }
    }

    /**
     * The plan of every syscall number below {@link Layout#MAX_NR}: {@code traced} says which are
     * reported; {@code decode} false reads no memory (strace -c); strings and buffers are read up
     * to {@code stringLimit} (-s); {@code verbose}: -v.
     */
    byte[][] plans(SyscallTable table, Predicate<Syscall> traced, boolean decode, int stringLimit, boolean verbose) {
        byte[][] out = new byte[Layout.MAX_NR][];
        for (int nr = 0; nr < Layout.MAX_NR; nr++) {
            Syscall sc = table.byNumber(nr);
            ByteBuffer b = ByteBuffer.allocate(Layout.PLAN_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            if (sc != null && traced.test(sc)) {
                b.putInt(0, Layout.PLAN_TRACED | (entryRecords.contains(sc.name()) ? Layout.PLAN_ENTRY_RECORD : 0));
                // The argument kinds as the table spells them (after the return kind).
                List<String> specs = decode && sc.signature() != null
                        ? List.of(sc.signature().split(" +")).subList(1, sc.signature().split(" +").length) : null;
                int slot = 0;
                for (int i = 0; specs != null && i < specs.size() && slot < Layout.SLOTS; i++) {
                    Rule r = rule(specs.get(i), stringLimit, verbose);
                    if (r != null) {
                        put(b, slot++, i, r);
                    }
                }
            }
            out[nr] = b.array();
        }
        return out;
    }

    private static void put(ByteBuffer b, int slot, int arg, Rule r) {
        int at = 8 + slot * Layout.SLOT_SIZE;
        b.put(at + Layout.SLOT_ARG, (byte) arg).put(at + Layout.SLOT_HOW, (byte) r.how())
                .put(at + Layout.SLOT_PHASES, (byte) r.phases()).put(at + Layout.SLOT_LENGTH_FROM, (byte) r.lengthFrom())
                .putShort(at + Layout.SLOT_MAX, (short) r.max()).put(at + Layout.SLOT_LENGTH_ARG, (byte) r.lengthArg())
                .put(at + Layout.SLOT_SCALE, (byte) r.scale());
    }

    /** The rule for an argument spec such as {@code path} or {@code wbuf:2}; null when nothing is read. */
    Rule rule(String spec, int stringLimit, boolean verbose) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String param = colon < 0 ? null : spec.substring(colon + 1);
        String[] f = verbose && rules.containsKey(kind + "/verbose") ? rules.get(kind + "/verbose") : rules.get(kind);
        if (f == null) {
            return null;
        }
        int how = switch (f[1]) {
            case "string" -> Layout.CAPTURE_STRING;
            case "bytes" -> Layout.CAPTURE_BYTES;
            case "strings" -> Layout.CAPTURE_STRINGS;
            case "iovecs" -> Layout.CAPTURE_IOVECS;
            default -> throw new IllegalStateException("captures: " + kind + ": how " + f[1]);
        };
        int phases = (f[2].contains("entry") ? Layout.AT_ENTRY : 0) | (f[2].contains("exit") ? Layout.AT_EXIT : 0);
        String[] length = f[3].split(":");
        int max = Math.min(size(length[length.length - 1], stringLimit), Layout.MAX_REGION);
        if (length.length == 1) {
            return new Rule(how, phases, Layout.LENGTH_FIXED, 0, 1, max);
        }
        String[] from = length[0].split("\\*");
        int scale = from.length > 1 ? Integer.parseInt(from[1]) : 1;
        if (from[0].equals("ret")) {
            return new Rule(how, phases, Layout.LENGTH_RET, 0, scale, max);
        }
        String arg = from[0].substring("arg".length());
        if (arg.equals("$")) {
            if (param == null || !param.matches("\\d")) {
                return null;
            }
            arg = param;
        }
        return new Rule(how, phases, Layout.LENGTH_ARG, Integer.parseInt(arg), scale, max);
    }

    private static int size(String s, int stringLimit) {
        return switch (s) {
            case "limit+1" -> stringLimit + 1;
            case "limit+2" -> stringLimit + 2;
            default -> Integer.parseInt(s);
        };
    }

    private static List<String> lines(String name) {
        return DataFiles.lines(CapturePlans.class, name);
    }
}

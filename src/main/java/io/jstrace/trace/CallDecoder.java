package io.jstrace.trace;

import io.jstrace.decode.ArgKind;
import io.jstrace.decode.Call;
import io.jstrace.decode.DecodeOptions;
import io.jstrace.decode.FdPaths;
import io.jstrace.decode.Phase;
import io.jstrace.decode.Signature;
import io.jstrace.decode.Signatures;
import io.jstrace.linux.TraceeMemory;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes a system call from its number, its arguments, its result and the tracee's memory: what
 * strace's syscall.c does between the stops. Nothing here touches ptrace; tests drive it with a
 * memory made of byte arrays. Input arguments are decoded at entry and kept, output arguments at
 * exit; an argument read at both (an in/out struct) is shown at entry and continued at exit.
 */
final class CallDecoder {
    private final DecodeOptions decode;
    private final FdPaths fdPaths;
    private final boolean decodeArgs;
    private final Qualifiers qualifiers;

    /**
     * @param decodeArgs false: calls carry no arguments (strace -c decodes nothing)
     * @param qualifiers -e abbrev=/verbose=/raw= per syscall
     */
    CallDecoder(DecodeOptions decode, FdPaths fdPaths, boolean decodeArgs, Qualifiers qualifiers) {
        this.decode = decode;
        this.fdPaths = fdPaths;
        this.decodeArgs = decodeArgs;
        this.qualifiers = qualifiers;
    }

    /**
     * What the entry of a call decoded.
     *
     * @param values       every argument decoded so far (null: not yet, or not shown)
     * @param firstExitArg the first argument shown at exit: for a call whose entry's last argument
     *                     continues, that one
     * @param shown        the arguments shown at entry
     * @param raw          -e raw=: arguments and return value in hex
     */
    record Entry(Call call, String name, Signature signature, List<ArgKind> kinds, boolean raw, Value[] values,
                 int firstExitArg, List<Value> shown, Event.Rest rest) {}

    /** The entry of call {@code nr} ({@code sc}, null if unknown) of thread {@code tid}. */
    Entry enter(int tid, Syscall sc, int nr, long[] args, TraceeMemory memory) {
        Call call = new Call(tid, nr, args, memory, qualifiers.decode(decode, sc), fdPaths);
        boolean raw = qualifiers.raw(sc);
        Signature sig = sc == null || raw || !decodeArgs ? null : Signatures.standard().of(sc.name());
        List<ArgKind> kinds = !decodeArgs ? List.of()
                : sig != null ? sig.args() : RawArgs.kinds(sc == null ? 6 : sc.nargs());
        Value[] values = new Value[kinds.size()];
        int shownAtEntry = kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            ArgKind k = kinds.get(i);
            switch (k.phase()) {
                case EXIT -> shownAtEntry = Math.min(shownAtEntry, i);
                case ENTRY_AND_EXIT -> {
                    values[i] = decode(k, call, i);
                    shownAtEntry = Math.min(shownAtEntry, i + 1);
                }
                case ENTRY -> values[i] = decode(k, call, i);
            }
        }
        boolean continued = shownAtEntry > 0 && kinds.get(shownAtEntry - 1).phase() == Phase.ENTRY_AND_EXIT
                && values[shownAtEntry - 1] != null;
        Event.Rest rest = continued ? Event.Rest.CONTINUED
                : shownAtEntry < kinds.size() ? Event.Rest.ARGUMENTS : Event.Rest.NONE;
        return new Entry(call, name(sc, nr), sig, kinds, raw, values, continued ? shownAtEntry - 1 : shownAtEntry,
                present(values, 0, shownAtEntry), rest);
    }

    /** The arguments shown at the exit of {@code e}, whose result its call holds now. */
    List<Value> exitArgs(Entry e) {
        List<ArgKind> kinds = e.kinds();
        // A plain loop: this runs for every traced call, and a stream pipeline costs more than the decoding.
        List<Value> shown = new ArrayList<>(kinds.size() - e.firstExitArg());
        for (int i = e.firstExitArg(); i < kinds.size(); i++) {
            Value v = kinds.get(i).phase() != Phase.ENTRY ? decode(kinds.get(i), e.call(), i) : e.values()[i];
            if (v != null) {
                shown.add(v);
            }
        }
        return Collections.unmodifiableList(shown);
    }

    /** The arguments shown after the entry of a call that never reported its exit ({@code = ?}). */
    static List<Value> unfinishedArgs(Entry e) {
        return present(e.values(), e.firstExitArg(), e.values().length);
    }

    /** The outcome of {@code e}, whose result its call holds now. */
    static Event.Result result(Entry e) {
        Call call = e.call();
        if (call.failed()) {
            return Errnos.failure(-call.ret());
        }
        if (e.signature() == null) {
            // -e raw= prints the return value in hex, as the arguments.
            return new Event.Result.Success(e.raw() ? Value.Num.hex(call.ret()) : Value.Num.dec(call.ret()));
        }
        try {
            return new Event.Result.Success(e.signature().ret().decode(call), e.signature().ret().details(call));
        } catch (RuntimeException x) {
            return new Event.Result.Success(Value.Num.dec(call.ret())); // as decode() below
        }
    }

    /** strace's name of a call: the table's, or {@code syscall_0x1c8} for a number it does not know. */
    static String name(Syscall sc, int nr) {
        return sc != null ? sc.name() : "syscall_" + Long.toHexString(0x100000000L | nr).replaceFirst("^1", "0x");
    }

    /**
     * Argument {@code i} as its kind decodes it, or in hex if the decoder fails: a decoding bug
     * on data nobody foresaw must cost one argument's form, not the trace and the tracee's run.
     */
    private static Value decode(ArgKind k, Call call, int i) {
        try {
            return k.decode(call, i);
        } catch (RuntimeException e) {
            return Value.Num.hex(call.arg(i));
        }
    }

    /** The decoded values in [from, to), leaving out the ones a kind chose not to show. */
    private static List<Value> present(Value[] values, int from, int to) {
        List<Value> shown = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (values[i] != null) {
                shown.add(values[i]);
            }
        }
        return Collections.unmodifiableList(shown);
    }
}

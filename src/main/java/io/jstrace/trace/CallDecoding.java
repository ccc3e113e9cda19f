package io.jstrace.trace;

import io.jstrace.decode.ArgKind;
import io.jstrace.decode.Call;
import io.jstrace.decode.Phase;
import io.jstrace.decode.Signature;
import io.jstrace.decode.Signatures;
import io.jstrace.model.Event;
import io.jstrace.model.Value;
import io.jstrace.syscalls.Syscall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call's arguments decoded in two steps, whatever backend saw it: the entry's arguments (read
 * at entry, what strace prints before {@code <unfinished ...>}), then at exit the arguments read
 * there and the result. A kind's phase says when it is read (see {@link Phase}). No ptrace here:
 * CallDecodingTest drives it with a memory of byte arrays.
 */
public final class CallDecoding {
    private final Call call;
    private final Signature signature;
    private final String name;
    private final boolean raw;
    private final Value[] values;
    private final int shownAtEntry;
    private final int firstExitArg;
    private final Event.Rest rest;

    private CallDecoding(Call call, Signature signature, String name, boolean raw, List<ArgKind> kinds) {
        this.call = call;
        this.signature = signature;
        this.name = name;
        this.raw = raw;
        this.values = new Value[kinds.size()];
        int shown = kinds.size();
        for (int i = 0; i < kinds.size(); i++) {
            ArgKind k = kinds.get(i);
            switch (k.phase()) {
                case EXIT -> shown = Math.min(shown, i);
                case ENTRY_AND_EXIT -> {
                    values[i] = decode(k, call, i);
                    shown = Math.min(shown, i + 1);
                }
                case ENTRY -> values[i] = decode(k, call, i);
            }
        }
        // An in/out argument with nothing to show at entry (null) is shown whole at exit.
        boolean inOut = shown > 0 && kinds.get(shown - 1).phase() == Phase.ENTRY_AND_EXIT;
        boolean continued = inOut && values[shown - 1] != null;
        this.shownAtEntry = inOut && !continued ? shown - 1 : shown;
        this.rest = continued ? Event.Rest.CONTINUED : laterArguments(kinds, call) ? Event.Rest.ARGUMENTS : Event.Rest.NONE;
        this.firstExitArg = continued ? shown - 1 : shownAtEntry;
    }

    /** Whether an argument after those shown at entry may show at exit. */
    private boolean laterArguments(List<ArgKind> kinds, Call call) {
        for (int i = shownAtEntry; i < kinds.size(); i++) {
            if (kinds.get(i).phase() == Phase.ENTRY ? values[i] != null : kinds.get(i).shownFor(call)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes the entry of {@code call} ({@code sc} null for a number the table does not know):
     * with its signature, or as raw numbers under -e raw= ({@code raw}) or without a signature;
     * no arguments at all when {@code decodeArgs} is false (strace -c decodes nothing).
     */
    public static CallDecoding entry(Call call, Syscall sc, boolean decodeArgs, boolean raw) {
        String name = name(sc, call.number);
        Signature sig = sc == null || raw || !decodeArgs ? null : Signatures.standard().of(sc.name());
        List<ArgKind> kinds = !decodeArgs ? List.of() : sig != null ? sig.args() : RawArgs.kinds(sc == null ? 6 : sc.nargs());
        return new CallDecoding(call, sig, name, raw, kinds);
    }

    /** How strace names call {@code nr}: its name, or {@code syscall_0x...} when the table does not know it ({@code sc} null). */
    public static String name(Syscall sc, int nr) {
        return sc != null ? sc.name() : "syscall_0x" + Integer.toHexString(nr);
    }

    public Call call() {
        return call;
    }

    public String name() {
        return name;
    }

    public Signature signature() {
        return signature;
    }

    public boolean raw() {
        return raw;
    }

    /** What the exit adds to the arguments shown at entry. */
    public Event.Rest rest() {
        return rest;
    }

    /** The arguments shown at entry. */
    public List<Value> entryArgs() {
        return present(values, 0, shownAtEntry);
    }

    /** Records the call's outcome and decodes the arguments read at exit. */
    public void exit(long returnValue, boolean failed) {
        call.exit(returnValue, failed);
        List<ArgKind> kinds = signature != null ? signature.args() : RawArgs.kinds(values.length);
        for (int i = firstExitArg; i < kinds.size(); i++) {
            if (kinds.get(i).phase() != Phase.ENTRY) {
                values[i] = decode(kinds.get(i), call, i);
            }
        }
    }

    /** The arguments the exit prints (all of them when the entry was not printed on its own line). */
    public List<Value> exitArgs() {
        return present(values, firstExitArg, values.length);
    }

    /** The result, once {@link #exit} has run. */
    public Event.Result result() {
        if (call.failed()) {
            return Errnos.failure(-call.ret());
        }
        if (signature == null) {
            // -e raw= prints the return value in hex, as the arguments.
            return new Event.Result.Success(raw ? Value.Num.hex(call.ret()) : Value.Num.dec(call.ret()));
        }
        try {
            long errno = signature.ret().errno(call);
            if (errno != 0) {
                return Errnos.failure(errno, call.ret());
            }
            return new Event.Result.Success(signature.ret().decode(call), signature.ret().details(call));
        } catch (RuntimeException e) {
            return new Event.Result.Success(Value.Num.dec(call.ret())); // as decode() below
        }
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
        // A plain loop: this runs twice per traced call, and a stream pipeline costs more than the decoding.
        List<Value> shown = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (values[i] != null) {
                shown.add(values[i]);
            }
        }
        return Collections.unmodifiableList(shown);
    }
}

package io.jstrace.decode;

import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * keyctl, add_key and request_key as strace's keyctl.c prints them: keyctl's arguments after the
 * command are what the command takes (key serials by their KEY_SPEC_ names, strings, sizes, the
 * structs of the Diffie-Hellman and public-key commands). All are decoded at exit (the
 * signatures say so), where the buffers the call filled can be read.
 */
final class KeyctlKinds implements KindFamily {
    private static final int GET_KEYRING_ID = 0, JOIN_SESSION_KEYRING = 1, UPDATE = 2, REVOKE = 3, CHOWN = 4,
            SETPERM = 5, DESCRIBE = 6, CLEAR = 7, LINK = 8, UNLINK = 9, SEARCH = 10, READ = 11, INSTANTIATE = 12,
            NEGATE = 13, SET_REQKEY_KEYRING = 14, SET_TIMEOUT = 15, ASSUME_AUTHORITY = 16, GET_SECURITY = 17,
            SESSION_TO_PARENT = 18, REJECT = 19, INSTANTIATE_IOV = 20, INVALIDATE = 21, GET_PERSISTENT = 22,
            DH_COMPUTE = 23, PKEY_QUERY = 24, PKEY_ENCRYPT = 25, PKEY_DECRYPT = 26, PKEY_SIGN = 27, PKEY_VERIFY = 28,
            RESTRICT_KEYRING = 29, MOVE = 30, CAPABILITIES = 31;

    private static final Layout DH = Layout.of("keyctl_dh_params"), KDF = Layout.of("keyctl_kdf_params"),
            QUERY = Layout.of("keyctl_pkey_query"), PKEY = Layout.of("keyctl_pkey_params");
    private static final List<String> QUERY_SIZES = List.of("key_size", "max_data_size", "max_sig_size",
            "max_enc_size", "max_dec_size");

    @Override
    public void register(Kinds k) {
        k.arg("keyctl_cmd", ArgKind.atExit((c, i) -> Decode.sym("keyctl_commands", c.arg(0) & 0xffffffffL,
                Value.Radix.HEX, "KEYCTL_???")));
        k.arg("keyctl_arg", ArgKind.atExit(KeyctlKinds::arg));
        k.arg("key_serial", (c, i) -> serial(c.arg(i)));
    }

    /** A key serial number: KEY_SPEC_THREAD_KEYRING and the like by name, others in decimal. */
    static Value serial(long v) {
        return Decode.sym("key_spec", (int) v, Value.Radix.DEC, null);
    }

    private static Value arg(Call c, int i) {
        @SuppressWarnings("unchecked")
        List<Value> args = c.saved[1] instanceof List<?> l ? (List<Value>) l : args(c);
        c.saved[1] = args;
        return i - 1 < args.size() ? args.get(i - 1) : null;
    }

    private static List<Value> args(Call c) {
        long a2 = c.arg(1), a3 = c.arg(2), a4 = c.arg(3), a5 = c.arg(4);
        List<Value> out = new ArrayList<>();
        switch ((int) c.arg(0)) {
            case GET_KEYRING_ID -> out.addAll(List.of(serial(a2), Value.Num.dec((int) a3)));
            case JOIN_SESSION_KEYRING -> out.add(Decode.cstring(c, a2));
            case UPDATE -> out.addAll(List.of(serial(a2), Decode.buffer(c, a3, a4), Value.Num.udec(a4)));
            case REVOKE, CLEAR, INVALIDATE, ASSUME_AUTHORITY -> out.add(serial(a2));
            case LINK, UNLINK -> out.addAll(List.of(serial(a2), serial(a3)));
            case DESCRIBE, READ, GET_SECURITY -> out.addAll(List.of(serial(a2),
                    read(c, a3, a4, (int) c.arg(0) != READ), Value.Num.udec(a4)));
            case SEARCH -> out.addAll(List.of(serial(a2), Decode.cstring(c, a3), Decode.cstring(c, a4), serial(a5)));
            case CHOWN -> out.addAll(List.of(serial(a2), Decode.uid(a3), Decode.uid(a4)));
            case SETPERM -> out.addAll(List.of(serial(a2), Decode.flags("key_perms", a3 & 0xffffffffL, "KEY_???")));
            case INSTANTIATE -> out.addAll(List.of(serial(a2), Decode.buffer(c, a3, a4), Value.Num.udec(a4), serial(a5)));
            case NEGATE -> out.addAll(List.of(serial(a2), Value.Num.udec(a3 & 0xffffffffL), serial(a4)));
            case SET_REQKEY_KEYRING -> out.add(Decode.sym("key_reqkeys", (int) a2, Value.Radix.DEC, "KEY_REQKEY_DEFL_???"));
            case SET_TIMEOUT -> out.addAll(List.of(serial(a2), Value.Num.udec(a3 & 0xffffffffL)));
            case SESSION_TO_PARENT -> { }
            case REJECT -> out.addAll(List.of(serial(a2), Value.Num.udec(a3 & 0xffffffffL), errno(a4 & 0xffffffffL), serial(a5)));
            case INSTANTIATE_IOV -> out.addAll(List.of(serial(a2),
                    IovDecoder.iov(c, a3, a4, IovDecoder.Mode.STR, IovDecoder.UNLIMITED), Value.Num.udec(a4), serial(a5)));
            case GET_PERSISTENT -> out.addAll(List.of(Decode.uid(a2), serial(a3)));
            case DH_COMPUTE -> out.addAll(List.of(dhParams(c, a2), c.failed() ? Decode.ptr(a3) : Decode.buffer(c, a3, returned(c, a4)),
                    Value.Num.udec(a4), kdfParams(c, a5)));
            case PKEY_QUERY -> out.addAll(List.of(serial(a2), Value.Num.hex(a3), Decode.cstring(c, a4), pkeyQuery(c, a5)));
            case PKEY_ENCRYPT, PKEY_DECRYPT, PKEY_SIGN, PKEY_VERIFY -> pkeyOp(c, out);
            case RESTRICT_KEYRING -> out.addAll(List.of(serial(a2), Decode.cstring(c, a3), Decode.cstring(c, a4)));
            case MOVE -> out.addAll(List.of(serial(a2), serial(a3), serial(a4),
                    Decode.flags("keyctl_move_flags", a5 & 0xffffffffL, "KEYCTL_MOVE_???")));
            case CAPABILITIES -> out.addAll(List.of(c.failed() ? Decode.ptr(a2) : capabilities(c, a2, returned(c, a3)),
                    Value.Num.udec(a3)));
            default -> out.addAll(List.of(Value.Num.hex(a2), Value.Num.hex(a3), Value.Num.hex(a4), Value.Num.hex(a5)));
        }
        return out;
    }

    /** As much of a buffer of {@code len} as the call filled: its return value, at most {@code len}. */
    private static long returned(Call c, long len) {
        return c.ret() >= 0 && Long.compareUnsigned(c.ret(), len) > 0 ? len : c.ret();
    }

    /**
     * The buffer KEYCTL_READ (raw data) or KEYCTL_DESCRIBE/GET_SECURITY (a string with its NUL,
     * which strace leaves out when it is the last byte shown) filled.
     */
    private static Value read(Call c, long addr, long len, boolean nulTerminated) {
        if (c.failed()) {
            return Decode.ptr(addr);
        }
        Value v = Decode.buffer(c, addr, returned(c, len));
        if (nulTerminated && v instanceof Value.Str s && s.bytes().length > 0 && s.bytes()[s.bytes().length - 1] == 0) {
            return new Value.Str(Arrays.copyOf(s.bytes(), s.bytes().length - 1), s.truncated());
        }
        return v;
    }

    /** An errno number by name (strace's print_err), else unsigned. */
    private static Value errno(long e) {
        String n = Xlat.of("errno").name(e);
        return n != null ? new Value.Decoded(e, Value.Radix.UDEC, new Value.Sym(n, e), true) : Value.Num.udec(e);
    }

    private static Value dhParams(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, DH.size());
        return b == null ? Decode.ptr(addr) : Decode.struct(Decode.field("private", serial(b.s(DH.field("priv")))),
                Decode.field("prime", serial(b.s(DH.field("prime")))), Decode.field("base", serial(b.s(DH.field("base")))));
    }

    private static Value kdfParams(Call c, long addr) {
        Bytes b = Decode.struct(c, addr, KDF.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        long otherLen = b.u(KDF.field("otherinfolen"));
        long other = b.u(KDF.field("otherinfo"));
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("hashname", Decode.cstring(c, b.u(KDF.field("hashname")))));
        // The kernel does not look at otherinfo when its length is 0.
        f.add(Decode.field("otherinfo", otherLen != 0 ? Decode.buffer(c, other, otherLen) : Decode.ptr(other)));
        f.add(Decode.field("otherinfolen", Value.Num.udec(otherLen)));
        spare(b, KDF.field("__spare"), f);
        return new Value.Struct(f, false);
    }

    private static Value pkeyQuery(Call c, long addr) {
        Bytes b = Decode.outStruct(c, addr, QUERY.size());
        if (b == null) {
            return Decode.ptr(addr);
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("supported_ops", Decode.flags("keyctl_pkey_ops", b.u(QUERY.field("supported_ops")),
                "KEYCTL_SUPPORTS_???")));
        for (String name : QUERY_SIZES) {
            f.add(Decode.field(name, Value.Num.udec(b.u(QUERY.field(name)))));
        }
        spare(b, QUERY.field("__spare"), f);
        return new Value.Struct(f, false);
    }

    /**
     * The public-key operations: their parameters, the info string, the input and then the
     * output (encrypt, decrypt, sign: filled at exit) or the second input (verify).
     */
    private static void pkeyOp(Call c, List<Value> out) {
        boolean verify = (int) c.arg(0) == PKEY_VERIFY;
        long op1 = c.arg(3), op2 = c.arg(4);
        Bytes b = Decode.struct(c, c.arg(1), PKEY.size());
        if (b == null) {
            out.addAll(List.of(Decode.ptr(c.arg(1)), Decode.cstring(c, c.arg(2)), Decode.ptr(op1), Decode.ptr(op2)));
            return;
        }
        List<Value.Field> f = new ArrayList<>();
        f.add(Decode.field("key_id", serial(b.s(PKEY.field("key_id")))));
        f.add(Decode.field("in_len", Value.Num.udec(b.u(PKEY.field("in_len")))));
        Layout.Field second = PKEY.field(verify ? "in2_len" : "out_len");
        f.add(Decode.field(second.name(), Value.Num.udec(b.u(second))));
        spare(b, PKEY.field("__spare"), f);
        out.add(new Value.Struct(f, false));
        out.add(Decode.cstring(c, c.arg(2)));
        out.add(Decode.buffer(c, op1, b.u(PKEY.field("in_len"))));
        out.add(!verify && c.failed() ? Decode.ptr(op2) : Decode.buffer(c, op2, b.u(second)));
    }

    /** The reserved words, in hex, when any is not zero. */
    private static void spare(Bytes b, Layout.Field spare, List<Value.Field> f) {
        Bytes s = b.slice(spare);
        List<Value> words = new ArrayList<>();
        boolean zero = true;
        for (int off = 0; off < s.length(); off += 4) {
            words.add(Value.Num.hex(s.u32(off)));
            zero &= s.u32(off) == 0;
        }
        if (!zero) {
            f.add(Decode.field(spare.name(), new Value.Arr(words, false)));
        }
    }

    /** KEYCTL_CAPABILITIES' bytes: the first two as flags, the rest in hex. */
    private static Value capabilities(Call c, long addr, long len) {
        int[] pos = {0};
        return IoArrays.array(c, addr, len, 1, b -> switch (pos[0]++) {
            case 0 -> Decode.flags("keyctl_caps0", b.u8(0), "KEYCTL_CAPS0_???");
            case 1 -> Decode.flags("keyctl_caps1", b.u8(0), "KEYCTL_CAPS1_???");
            default -> Value.Num.hex(b.u8(0));
        });
    }
}

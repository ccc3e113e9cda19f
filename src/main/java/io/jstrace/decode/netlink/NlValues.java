package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.NetSockaddr;
import io.jstrace.model.Value;
import io.jstrace.xlat.Xlat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Values as strace's xlat and address printers show them, with their -X forms. */
final class NlValues {
    private NlValues() {}

    /**
     * strace's printxval: the name from the first table that has {@code v}; else the number in hex
     * with {@code dflt} in a comment (none under -X raw), or the bare number when {@code dflt} is null.
     */
    static Value xval(long v, String dflt, String... tables) {
        return xval(v, dflt, Value.Radix.HEX, tables);
    }

    /** The same with the number shown in {@code radix} (strace's XLAT_STYLE_FMT_U and _D). */
    static Value xval(long v, String dflt, Value.Radix radix, String... tables) {
        for (String t : tables) {
            String name = t == null ? null : Xlat.of(t).name(v);
            if (name != null) {
                return radix == Value.Radix.HEX ? new Value.Sym(name, v) : new Value.Decoded(v, radix, new Value.Name(name), false);
            }
        }
        return unknown(v, radix, dflt);
    }

    /**
     * strace's XLAT_STYLE_VERBOSE constants (names from headers user space lacks): the number and
     * its name, or {@code dflt}, in a comment whatever -X says.
     */
    static Value xvalVerbose(long v, String dflt, String table) {
        String name = Xlat.of(table).name(v);
        return new Value.Commented(Value.Num.hex(v), name != null ? name : dflt);
    }

    /** A number no table names: {@code 0x28 /* IFLA_??? *}{@code /}, the bare number under -X raw. */
    static Value unknown(long v, Value.Radix radix, String dflt) {
        return dflt == null ? new Value.Num(v, radix) : new Value.Unknown(v, radix, dflt);
    }

    /**
     * strace's printflags_ex over one or more tables in turn: the names of the set bits, then the
     * rest in hex; no name at all gives the number with {@code dflt} in a comment; zero is {@code 0}.
     */
    static Value flags(long v, String dflt, String... tables) {
        List<String> names = new ArrayList<>();
        long rest = v;
        for (String t : tables) {
            if (t == null) {
                continue;
            }
            for (Xlat.Entry e : Xlat.of(t).entries()) {
                if (rest == 0 && !names.isEmpty()) {
                    break;
                }
                long bits = e.value();
                if (rest == bits || bits != 0 && (rest & bits) == bits) {
                    names.add(e.name());
                    rest &= ~bits;
                }
                // as strace's loop: a zero value matches only as a table's first entry
                if (rest == 0) {
                    break;
                }
            }
        }
        return new Value.Flags(names, rest, Value.Radix.HEX, v, dflt);
    }

    /** An unsigned number in hex, {@code %#x}. */
    static Value hex(long v) {
        return Value.Num.hex(v);
    }

    /** {@code %#0Nx}: hex padded to two digits per byte of a {@code size}-byte field (strace's PRINT_VAL_0X). */
    static Value hexPadded(long v, int size) {
        return new Value.Num(v, switch (size) {
            case 1 -> Value.Radix.WORD8;
            case 2 -> Value.Radix.WORD16;
            case 4 -> Value.Radix.WORD32;
            default -> Value.Radix.WORD;
        });
    }

    /** The bytes in hex, as strace's QUOTE_FORCE_HEX string. */
    static Value hexBytes(byte[] b) {
        return new Value.Str(b, false, true);
    }

    /**
     * strace's print_inet_addr: {@code inet_addr("1.2.3.4")} named {@code field}, or
     * {@code inet_pton(AF_INET6, "::1", &field)}; under -X raw the bytes in hex, under -X verbose
     * both. {@code field} may be null (an attribute's value). Other families: the bytes in hex.
     */
    static Value inetAddr(int family, byte[] a, String field) {
        Value raw = hexBytes(a);
        if (family == NetSockaddr.AF_INET && a.length >= 4) {
            Value call = new Value.Call("inet_addr", List.of(new Value.Str(NetSockaddr.ipv4(new Bytes(a), 0).getBytes(), false)));
            return named(field, new Value.Styled(raw, call, call));
        }
        if (family == NetSockaddr.AF_INET6 && a.length >= 16) {
            Value text = new Value.Str(NetSockaddr.ipv6(Arrays.copyOf(a, 16)).getBytes(), false);
            Value comment = new Value.Call("inet_pton", List.of(new Value.Name("AF_INET6"), text));
            if (field == null) {
                return new Value.Styled(raw, comment, comment);
            }
            Value abbrev = new Value.Call("inet_pton", List.of(new Value.Name("AF_INET6"), text, new Value.AddressOf(field)));
            return new Value.Styled(Decode.field(field, raw), abbrev, comment);
        }
        return named(field, raw);
    }

    private static Value named(String field, Value v) {
        return field == null ? v : Decode.field(field, v);
    }

    /** strace's PRINT_FIELD_NET_PORT: {@code htons(80)}; the two bytes in hex under -X raw. */
    static Value port(byte[] b) {
        Value call = new Value.Call("htons", List.of(Value.Num.udec((b[0] & 0xff) << 8 | (b[1] & 0xff))));
        return new Value.Styled(hexBytes(b), call, call);
    }

    static final int MAX_ADDR_LEN = 32;

    /**
     * strace's print_hwaddr: {@code 00:11:22:33:44:55} (at most {@code shown} bytes of it), the bytes
     * in hex under -X raw, both under -X verbose; only the hex when longer than MAX_ADDR_LEN.
     */
    static Value hwaddr(byte[] b, int shown) {
        Value raw = hexBytes(b);
        if (b.length > MAX_ADDR_LEN) {
            return raw;
        }
        String hex = HexFormat.ofDelimiter(":").formatHex(b, 0, Math.min(b.length, shown));
        Value text = new Value.Note(hex);
        return new Value.Styled(raw, text, text);
    }
}

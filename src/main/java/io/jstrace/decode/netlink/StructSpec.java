package io.jstrace.decode.netlink;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a struct's fields print, from a {@code struct} block of the netlink data files, read
 * through the struct's layout file. Printers (the word after each field's name):
 * {@code u} unsigned decimal, {@code d} signed, {@code x} hex, {@code 0x} hex zero-padded to the
 * field's width, {@code xval TABLE DFLT} a constant, {@code flags TABLE DFLT} flags,
 * {@code ifindex}, {@code cookie} (two u32s), {@code uarray}/{@code xarray} (a u32 array),
 * {@code dev} (makedev), {@code port} (htons), {@code inet FIELD} (an address of the family in
 * FIELD, or of the message with {@code inet -}), {@code mac}, {@code hex} (bytes as a hex
 * string), {@code cstr} (a NUL-padded string), {@code struct NAME} (a nested struct),
 * {@code htons TABLE DFLT} (a constant in network byte order), {@code htonl} (hex in network
 * byte order), {@code nonzero PRINTER...} (the field only when not zero), {@code err}.
 */
final class StructSpec {
    /** Prints one member: usually {@code name=value}; null leaves it out. */
    @FunctionalInterface
    interface Printer {
        Value member(NlCtx ctx, Bytes b, Layout.Field f);
    }

    private record Member(Layout.Field field, Printer printer) {}

    final String name;
    final Layout layout;
    private final List<Member> members;

    private StructSpec(String name, Layout layout, List<Member> members) {
        this.name = name;
        this.layout = layout;
        this.members = members;
    }

    static StructSpec of(String name, String layoutName, List<String[]> lines) {
        Layout layout = Layout.of(layoutName);
        List<Member> members = new ArrayList<>();
        for (String[] l : lines) {
            members.add(new Member(layout.field(l[0]), printer(l[0], Arrays.copyOfRange(l, 1, l.length), layout)));
        }
        return new StructSpec(name, layout, List.copyOf(members));
    }

    int size() {
        return layout.size();
    }

    Layout.Field field(String f) {
        return layout.field(f);
    }

    /** The struct, its members as far as {@code b} holds them (strace prints partial stats structs so). */
    Value print(NlCtx ctx, Bytes b) {
        return new Value.Struct(members(ctx, b, 0), false);
    }

    /** The members from the {@code from}-th on. */
    List<Value.Field> members(NlCtx ctx, Bytes b, int from) {
        List<Value.Field> out = new ArrayList<>();
        for (Member m : members.subList(from, members.size())) {
            if (m.field().offset() + m.field().size() > b.length()) {
                break;
            }
            Value v = m.printer().member(ctx, b, m.field());
            if (v instanceof Value.Field f) {
                out.add(f);
            } else if (v != null) {
                out.add(new Value.Field(null, v));
            }
        }
        return out;
    }

    private static Printer printer(String name, String[] p, Layout layout) {
        return switch (p[0]) {
            case "u" -> (c, b, f) -> Decode.field(name, Value.Num.udec(b.u(f)));
            case "d" -> (c, b, f) -> Decode.field(name, Value.Num.dec(b.s(f)));
            case "x" -> (c, b, f) -> Decode.field(name, Value.Num.hex(b.u(f)));
            case "0x" -> (c, b, f) -> Decode.field(name, NlValues.hexPadded(b.u(f), f.size()));
            case "xval" -> (c, b, f) -> Decode.field(name, NlValues.xval(b.u(f), NlSpec.dash(p[2]), p[1].split(",")));
            case "xval_verbose" -> (c, b, f) -> Decode.field(name, NlValues.xvalVerbose(b.u(f), p[2], p[1]));
            case "flags" -> (c, b, f) -> Decode.field(name, NlValues.flags(b.u(f), NlSpec.dash(p[2]), p[1]));
            case "ifindex" -> (c, b, f) -> Decode.field(name, io.jstrace.decode.NetSockaddr.ifindex(b.u(f)));
            case "cookie", "uarray" -> (c, b, f) -> Decode.field(name, words(b, f, Value.Radix.UDEC));
            case "xarray" -> (c, b, f) -> Decode.field(name, words(b, f, Value.Radix.HEX));
            case "dev" -> (c, b, f) -> Decode.field(name, Decode.dev(b.u(f)));
            case "port" -> (c, b, f) -> Decode.field(name, NlValues.port(bytes(b, f)));
            case "inet" -> {
                Layout.Field family = p[1].equals("-") ? null : layout.field(p[1]);
                yield (c, b, f) -> NlValues.inetAddr(family == null ? c.family : (int) b.u(family), bytes(b, f), name);
            }
            case "mac" -> (c, b, f) -> Decode.field(name, NlValues.hwaddr(bytes(b, f), f.size()));
            case "hex" -> (c, b, f) -> Decode.field(name, NlValues.hexBytes(bytes(b, f)));
            case "cstr" -> (c, b, f) -> Decode.field(name, cstring(bytes(b, f)));
            case "struct" -> {
                // A family word after the name: the nested struct's addresses are of that family.
                int family = p.length > 2 ? (int) NlSpec.constant("addrfams", p[2], name) : -1;
                yield (c, b, f) -> Decode.field(name, NlSpec.struct(p[1])
                        .print(family < 0 ? c : c.withHeader(family, c.header), new Bytes(bytes(b, f))));
            }
            case "structs" -> (c, b, f) -> {
                StructSpec s = NlSpec.struct(p[1]);
                List<Value> items = new ArrayList<>();
                for (int off = f.offset(); off + s.size() <= f.offset() + f.size(); off += s.size()) {
                    items.add(s.print(c, new Bytes(Arrays.copyOfRange(b.b(), off, off + s.size()))));
                }
                return Decode.field(name, new Value.Arr(items, false));
            };
            case "hexupto" -> {
                Layout.Field upto = layout.field(p[1]);
                yield (c, b, f) -> Decode.field(name, NlValues.hexBytes(Arrays.copyOf(bytes(b, f),
                        (int) Math.min(f.size(), b.u(upto)))));
            }
            case "htons" -> (c, b, f) -> Decode.field(name, new Value.Call("htons",
                    List.of(NlValues.xval(Short.toUnsignedInt(Short.reverseBytes((short) b.u(f))), NlSpec.dash(p[2]), p[1]))));
            case "htonl" -> (c, b, f) -> Decode.field(name, new Value.Call("htonl",
                    List.of(Value.Num.hex(Integer.toUnsignedLong(Integer.reverseBytes((int) b.u(f)))))));
            case "err" -> (c, b, f) -> Decode.field(name, Netlink.errno(b.s(f)));
            case "bytes" -> (c, b, f) -> {
                List<Value> items = new ArrayList<>();
                for (byte x : bytes(b, f)) {
                    items.add(Value.Num.udec(x & 0xff));
                }
                return Decode.field(name, new Value.Arr(items, false));
            };
            case "indexed" -> {
                AttrDecoders.Element e = AttrDecoders.element(p[1]);
                NlArrays.Index index = new NlArrays.Index(p[2], NlSpec.dash(p[3]), Value.Radix.UDEC);
                yield (c, b, f) -> {
                    List<Value> items = new ArrayList<>();
                    for (int i = 0; i < f.size() / e.size(); i++) {
                        Bytes el = new Bytes(Arrays.copyOfRange(b.b(), f.offset() + i * e.size(), f.offset() + (i + 1) * e.size()));
                        items.add(new Value.Indexed(NlValues.xval(i, index.dflt(), index.radix(), index.xlat()), e.print().apply(c, el)));
                    }
                    return Decode.field(name, new Value.Arr(items, false));
                };
            }
            case "nonzero" -> {
                Printer inner = printer(name, Arrays.copyOfRange(p, 1, p.length), layout);
                yield (c, b, f) -> allZero(bytes(b, f)) ? null : inner.member(c, b, f);
            }
            default -> throw new IllegalStateException("unknown netlink field printer " + p[0] + " for " + name);
        };
    }

    static byte[] bytes(Bytes b, Layout.Field f) {
        return Arrays.copyOfRange(b.b(), f.offset(), f.offset() + f.size());
    }

    private static Value words(Bytes b, Layout.Field f, Value.Radix radix) {
        List<Value> items = new ArrayList<>();
        for (int off = f.offset(); off + 4 <= f.offset() + f.size(); off += 4) {
            items.add(new Value.Num(b.u32(off), radix));
        }
        return new Value.Arr(items, false);
    }

    static boolean allZero(byte[] a) {
        for (byte x : a) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** strace's print_quoted_cstring of a fixed-size array: up to the NUL; {@code ...} when none. */
    static Value cstring(byte[] a) {
        int n = 0;
        while (n < a.length && a[n] != 0) {
            n++;
        }
        return new Value.Str(Arrays.copyOf(a, n), n == a.length);
    }

}

package io.jstrace.bpf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Field offsets of kernel structures, from the running kernel's BTF (/sys/kernel/btf/vmlinux):
 * what libbpf's CO-RE relocations would patch in, looked up once instead. Only direct members of
 * a named struct are found.
 */
final class KernelBtf {
    private static final int MAGIC = 0xeb9f;
    private static final int KIND_STRUCT = 4;

    private final ByteBuffer types;
    private final ByteBuffer strings;

    private KernelBtf(ByteBuffer types, ByteBuffer strings) {
        this.types = types;
        this.strings = strings;
    }

    static KernelBtf vmlinux() throws IOException {
        return parse(Files.readAllBytes(Path.of("/sys/kernel/btf/vmlinux")));
    }

    static KernelBtf parse(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if ((b.getShort(0) & 0xffff) != MAGIC) {
            throw new IllegalArgumentException("not BTF (or not little-endian)");
        }
        int hdrLen = b.getInt(4);
        int typeOff = b.getInt(8), typeLen = b.getInt(12), strOff = b.getInt(16), strLen = b.getInt(20);
        return new KernelBtf(b.slice(hdrLen + typeOff, typeLen).order(ByteOrder.LITTLE_ENDIAN),
                b.slice(hdrLen + strOff, strLen).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Byte offsets of the named members of {@code struct name}; absent members are left out. */
    Map<String, Integer> offsets(String struct, String... members) {
        Map<String, Integer> out = new HashMap<>();
        int p = 0;
        while (p < types.limit()) {
            int nameOff = types.getInt(p);
            int info = types.getInt(p + 4);
            int kind = (info >>> 24) & 0x1f;
            int vlen = info & 0xffff;
            boolean bitfields = info < 0;
            p += 12;
            if (kind == KIND_STRUCT && struct.equals(string(nameOff))) {
                for (int i = 0; i < vlen; i++) {
                    int m = p + i * 12;
                    String name = string(types.getInt(m));
                    int bits = types.getInt(m + 8);
                    for (String wanted : members) {
                        if (wanted.equals(name)) {
                            out.put(name, (bitfields ? bits & 0xffffff : bits) / 8);
                        }
                    }
                }
                return out;
            }
            p += extra(kind, vlen);
        }
        return out;
    }

    /** Bytes that follow a type's 12-byte header, by kind (include/uapi/linux/btf.h). */
    private static int extra(int kind, int vlen) {
        return switch (kind) {
            case 1, 14, 17 -> 4;            // INT, VAR, DECL_TAG
            case 3 -> 12;                   // ARRAY
            case 4, 5 -> 12 * vlen;         // STRUCT, UNION members
            case 6, 13 -> 8 * vlen;         // ENUM values, FUNC_PROTO params
            case 15, 19 -> 12 * vlen;       // DATASEC vars, ENUM64 values
            default -> 0;                   // PTR, FWD, TYPEDEF, qualifiers, FUNC, FLOAT, TYPE_TAG
        };
    }

    private String string(int off) {
        int end = off;
        while (strings.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - off];
        strings.get(off, b);
        return new String(b, StandardCharsets.US_ASCII);
    }
}

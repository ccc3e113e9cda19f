package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** Loop device requests (type 'L'), as strace's loop.c prints them; the encryption fields only when used or -v. */
final class LoopIoctls {
    private LoopIoctls() {}

    private static final int LO_KEY_SIZE = 32;

    private static final Layout INFO = Layout.of("loop_info"), INFO64 = Layout.of("loop_info64"),
            CONFIG = Layout.of("loop_config");
    private static final Layout.Field NUMBER = INFO.field("lo_number"), DEVICE = INFO.field("lo_device"),
            INODE = INFO.field("lo_inode"), RDEVICE = INFO.field("lo_rdevice"), OFFSET = INFO.field("lo_offset"),
            ENCRYPT_TYPE = INFO.field("lo_encrypt_type"), KEY_SIZE = INFO.field("lo_encrypt_key_size"),
            FLAGS = INFO.field("lo_flags"), NAME = INFO.field("lo_name"), KEY = INFO.field("lo_encrypt_key"),
            INIT = INFO.field("lo_init"), RESERVED = INFO.field("reserved");
    private static final Layout.Field DEVICE64 = INFO64.field("lo_device"), INODE64 = INFO64.field("lo_inode"),
            RDEVICE64 = INFO64.field("lo_rdevice"), OFFSET64 = INFO64.field("lo_offset"),
            SIZELIMIT64 = INFO64.field("lo_sizelimit"), NUMBER64 = INFO64.field("lo_number"),
            ENCRYPT_TYPE64 = INFO64.field("lo_encrypt_type"), KEY_SIZE64 = INFO64.field("lo_encrypt_key_size"),
            FLAGS64 = INFO64.field("lo_flags"), FILE_NAME64 = INFO64.field("lo_file_name"),
            CRYPT_NAME64 = INFO64.field("lo_crypt_name"), KEY64 = INFO64.field("lo_encrypt_key"),
            INIT64 = INFO64.field("lo_init");
    private static final Layout.Field FD = CONFIG.field("fd"), BLOCK_SIZE = CONFIG.field("block_size"),
            CONFIG_INFO = CONFIG.field("info"), CONFIG_RESERVED = CONFIG.field("__reserved");

    private static Value cryptType(long type) {
        return Decode.sym("loop_crypt_type_options", type, Value.Radix.HEX, "LO_CRYPT_???");
    }

    private static Value loFlags(long flags) {
        return Decode.flags("loop_flags_options", flags, "LO_FLAGS_???");
    }

    /** The first {@code size} bytes of the key (at most LO_KEY_SIZE; the size is an int the kernel takes unsigned). */
    private static Value key(Bytes b, Layout.Field key, long size) {
        int n = (int) Math.min(size & 0xffffffffL, LO_KEY_SIZE);
        return new Value.Str(Arrays.copyOfRange(b.b(), key.offset(), key.offset() + n), false);
    }

    /** struct loop_info (LOOP_SET_STATUS, LOOP_GET_STATUS). */
    private static Value info(Call c, Bytes b) {
        boolean full = c.options.verbose();
        boolean crypt = full || b.u(ENCRYPT_TYPE) != 0;
        List<Value.Field> f = new ArrayList<>();
        f.add(field("lo_number", Value.Num.dec(b.s(NUMBER))));
        if (full) {
            f.add(field("lo_device", Decode.dev(b.u(DEVICE))));
            f.add(field("lo_inode", Value.Num.udec(b.u(INODE))));
            f.add(field("lo_rdevice", Decode.dev(b.u(RDEVICE))));
        }
        f.add(field("lo_offset", Value.Num.hex(b.u(OFFSET))));
        if (crypt) {
            f.add(field("lo_encrypt_type", cryptType(b.u(ENCRYPT_TYPE))));
            f.add(field("lo_encrypt_key_size", Value.Num.udec(b.u(KEY_SIZE))));
        }
        f.add(field("lo_flags", loFlags(b.u(FLAGS))));
        f.add(field("lo_name", StructFields.cstring(b, NAME)));
        if (crypt) {
            f.add(field("lo_encrypt_key", key(b, KEY, b.u(KEY_SIZE))));
        }
        if (full) {
            f.add(field("lo_init", StructFields.xints(c, b, INIT, 8, -1)));
            f.add(field("reserved", StructFields.xints(c, b, RESERVED, 1, -1)));
        }
        return new Value.Struct(f, !full);
    }

    /** struct loop_info64 (LOOP_SET_STATUS64, LOOP_GET_STATUS64, LOOP_CONFIGURE's info). */
    private static Value info64(Call c, Bytes b) {
        boolean full = c.options.verbose();
        boolean crypt = full || b.u(ENCRYPT_TYPE64) != 0;
        List<Value.Field> f = new ArrayList<>();
        if (full) {
            f.add(field("lo_device", Decode.dev(b.u(DEVICE64))));
            f.add(field("lo_inode", Value.Num.udec(b.u(INODE64))));
            f.add(field("lo_rdevice", Decode.dev(b.u(RDEVICE64))));
        }
        f.add(field("lo_offset", Value.Num.hex(b.u(OFFSET64))));
        if (full) {
            f.add(field("lo_sizelimit", Value.Num.udec(b.u(SIZELIMIT64))));
        }
        f.add(field("lo_number", Value.Num.udec(b.u(NUMBER64))));
        if (crypt) {
            f.add(field("lo_encrypt_type", cryptType(b.u(ENCRYPT_TYPE64))));
            f.add(field("lo_encrypt_key_size", Value.Num.udec(b.u(KEY_SIZE64))));
        }
        f.add(field("lo_flags", loFlags(b.u(FLAGS64))));
        f.add(field("lo_file_name", StructFields.cstring(b, FILE_NAME64)));
        if (crypt) {
            f.add(field("lo_crypt_name", StructFields.cstring(b, CRYPT_NAME64)));
            f.add(field("lo_encrypt_key", key(b, KEY64, b.u(KEY_SIZE64))));
        }
        if (full) {
            f.add(field("lo_init", StructFields.xints(c, b, INIT64, 8, -1)));
        }
        return new Value.Struct(f, !full);
    }

    /** struct loop_config (LOOP_CONFIGURE); the reserved words only when some is set. */
    private static Value config(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("fd", Decode.fd(c, (int) b.u(FD))));
        f.add(field("block_size", Value.Num.udec(b.u(BLOCK_SIZE))));
        f.add(field("info", info64(c, StructFields.of(b, CONFIG_INFO))));
        if (!StructFields.zero(b, CONFIG_RESERVED)) {
            f.add(field("__reserved", StructFields.xints(c, b, CONFIG_RESERVED, 8, -1)));
        }
        return new Value.Struct(f, false);
    }

    private static final RequestMap MAP = new RequestMap()
            .put(in(structWith(INFO, LoopIoctls::info)), "LOOP_SET_STATUS")
            .put(out(structWith(INFO, LoopIoctls::info)), "LOOP_GET_STATUS")
            .put(in(structWith(INFO64, LoopIoctls::info64)), "LOOP_SET_STATUS64")
            .put(out(structWith(INFO64, LoopIoctls::info64)), "LOOP_GET_STATUS64")
            .put(in(structWith(CONFIG, LoopIoctls::config)), "LOOP_CONFIGURE")
            .put(IoctlArg.NONE, "LOOP_CLR_FD", "LOOP_SET_CAPACITY", "LOOP_CTL_GET_FREE")
            .put(in((c, arg) -> Decode.fd(c, (int) arg)), "LOOP_SET_FD", "LOOP_CHANGE_FD")
            .put(in((c, arg) -> Value.Num.dec((int) arg)), "LOOP_CTL_ADD", "LOOP_CTL_REMOVE")
            .put(in((c, arg) -> Value.Num.udec(arg)), "LOOP_SET_DIRECT_IO", "LOOP_SET_BLOCK_SIZE");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}

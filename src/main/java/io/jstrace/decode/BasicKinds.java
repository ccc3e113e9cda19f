package io.jstrace.decode;

import io.jstrace.model.Value;

/**
 * Kinds that need no knowledge of a particular syscall: integers in each radix, pointers,
 * fds, strings, buffers, flags and enums from an xlat table.
 */
final class BasicKinds implements KindFamily {
    static final int AT_FDCWD = -100;

    @Override
    public void register(Kinds k) {
        k.arg("int", (c, i) -> Value.Num.dec((int) c.arg(i)));
        k.arg("uint", (c, i) -> Value.Num.udec(c.arg(i) & 0xffffffffL));
        k.arg("long", (c, i) -> Value.Num.dec(c.arg(i)));
        k.arg("ulong", (c, i) -> Value.Num.udec(c.arg(i)));
        k.arg("hex", (c, i) -> Value.Num.hex(c.arg(i)));
        k.arg("hex32", (c, i) -> Value.Num.hex(c.arg(i) & 0xffffffffL));
        k.arg("ptr", (c, i) -> Decode.ptr(c.arg(i)));
        k.arg("fd", ArgKind.withRole(Role.FD, (c, i) -> Decode.fd(c, (int) c.arg(i))));
        k.arg("dirfd", ArgKind.withRole(Role.FD, (c, i) -> dirfd(c, (int) c.arg(i))));
        k.arg("path", ArgKind.withRole(Role.PATH, (c, i) -> Decode.path(c, c.arg(i))));
        // A symlink's target: printed as a path, but not a file the call touches (-P ignores it).
        k.arg("link_target", (c, i) -> Decode.path(c, c.arg(i)));
        k.arg("str", (c, i) -> Decode.cstring(c, c.arg(i)));
        // Input buffer whose length is argument N.
        k.argWithParam("wbuf", p -> {
            int n = Integer.parseInt(p);
            return ArgKind.withRole(new Role.Data(Role.Shape.BUFFER, true, n), (c, i) -> Decode.buffer(c, c.arg(i), c.arg(n)));
        });
        // A buffer whose length is argument N that is not data moved by I/O (a key's payload, a command line).
        k.argWithParam("bytes", p -> {
            int n = Integer.parseInt(p);
            return (c, i) -> Decode.buffer(c, c.arg(i), c.arg(n));
        });
        // Output buffer filled by the call: as many bytes as it returned; the address if it failed.
        k.arg("rbuf", ArgKind.withRole(new Role.Data(Role.Shape.BUFFER, false, -1), ArgKind.atExit((c, i) -> c.failed()
                ? Decode.ptr(c.arg(i)) : Decode.buffer(c, c.arg(i), c.ret()))));
        // flags:TABLE, or flags:TABLE:DEFAULT for strace's printflags with a default (MLOCK_???).
        k.argWithParam("flags", p -> flagsKind(p, -1L));
        k.argWithParam("flags32", p -> flagsKind(p, 0xffffffffL));
        k.argWithParam("enum", table -> (c, i) -> Decode.sym(table, (int) c.arg(i), Value.Radix.HEX, null));

        k.ret("dec", c -> Value.Num.dec(c.ret()));
        k.ret("udec", c -> Value.Num.udec(c.ret()));
        k.ret("hex", c -> Value.Num.hex(c.ret()));
        k.ret("oct", c -> Value.Num.oct(c.ret()));
        k.ret("fd", BasicKinds::fdReturn);
    }

    /** A returned fd; a value no int holds (an injected one) in decimal, as strace's RVAL_FD. */
    static Value fdReturn(Call c) {
        return c.ret() >= 0 && c.ret() <= Integer.MAX_VALUE ? Decode.fd(c, (int) c.ret()) : Value.Num.dec(c.ret());
    }

    /** Flags of the argument's {@code mask} bits from the table {@code spec} names, with its default if it gives one. */
    private static ArgKind flagsKind(String spec, long mask) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return (c, i) -> Decode.flags(spec, c.arg(i) & mask);
        }
        String table = spec.substring(0, colon), unknown = spec.substring(colon + 1);
        return (c, i) -> Decode.flags(table, c.arg(i) & mask, unknown);
    }

    /** strace's print_dirfd: AT_FDCWD by name (with the cwd when decode-fds has path), other values as fds. */
    static Value dirfd(Call c, int fd) {
        if (fd != AT_FDCWD) {
            return Decode.fd(c, fd);
        }
        return (c.options.fdDetail() & DecodeOptions.FD_PATH) != 0 && c.fdPaths.cwd(c.tid) != null
                ? new Value.WithPath(new Value.Sym("AT_FDCWD", AT_FDCWD), c.fdPaths.cwd(c.tid))
                : new Value.Sym("AT_FDCWD", AT_FDCWD);
    }
}

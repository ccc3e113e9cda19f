package io.jstrace.decode;

import io.jstrace.syscalls.Syscall;
import io.jstrace.syscalls.SyscallTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The syscall table's signatures resolve, and the kinds carry the roles -P, -e read=/write= and capture rely on. */
class SignaturesTest {
    private static final Signatures SIGS = Signatures.standard();

    private static List<Role> roles(String name) {
        Signature s = SIGS.of(name);
        assertNotNull(s, name);
        return s.args().stream().map(ArgKind::role).toList();
    }

    @Test
    void everySignatureResolves() {
        int n = 0;
        for (Syscall sc : SyscallTable.x86_64().all()) {
            Signature s = SIGS.of(sc.name());
            if (sc.signature() == null) {
                assertEquals(null, s, sc.name());
                continue;
            }
            assertNotNull(s, sc.name());
            n++;
        }
        assertTrue(n >= 275, n + " signatures");
    }

    @Test
    void pathsAndFdsHaveTheirRoles() {
        assertEquals(List.of(Role.FD, Role.PATH, Role.NONE, Role.NONE), roles("openat"));
        assertEquals(List.of(Role.PATH, Role.PATH), roles("rename"));
        assertInstanceOf(Role.PollFds.class, roles("poll").getFirst());
        assertInstanceOf(Role.FdSet.class, roles("select").get(1));
    }

    @Test
    void dataArgumentsSayTheirShapeDirectionAndLength() {
        assertEquals(new Role.Data(Role.Shape.BUFFER, false, -1), roles("read").get(1));
        assertEquals(new Role.Data(Role.Shape.BUFFER, true, 2), roles("write").get(1));
        assertEquals(new Role.Data(Role.Shape.IOV, true, 2), roles("writev").get(1));
        assertEquals(new Role.Data(Role.Shape.IOV, false, 2), roles("readv").get(1));
        assertEquals(new Role.Data(Role.Shape.MSGHDR, true, -1), roles("sendmsg").get(1));
        assertEquals(new Role.Data(Role.Shape.MSGHDR, false, -1), roles("recvmsg").get(1));
        assertEquals(new Role.Data(Role.Shape.MMSG, true, -1), roles("sendmmsg").get(1));
        assertEquals(new Role.Data(Role.Shape.MMSG, false, -1), roles("recvmmsg").get(1));
    }

    @Test
    void flagsComeFromTheSameRow() {
        SyscallTable t = SyscallTable.x86_64();
        assertTrue(t.byName("execve").has(Syscall.Flag.STACK_AT_ENTRY) && t.byName("execve").has(Syscall.Flag.MAPS));
        assertTrue(t.byName("exit_group").has(Syscall.Flag.STACK_AT_ENTRY) && !t.byName("exit_group").has(Syscall.Flag.MAPS));
        assertTrue(t.byName("mmap").has(Syscall.Flag.MAPS) && !t.byName("read").has(Syscall.Flag.MAPS));
    }
}

package io.jstrace.api;

import io.jstrace.model.ExitStatus;

import io.jstrace.model.Event;
import io.jstrace.model.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/api.md's example: a test that fails when a program opens an internet socket. */
class NoNetworkIT {
    /** The address families of the AF_INET/AF_INET6 sockets {@code argv} (and its children) created. */
    static List<String> inetSockets(String... argv) {
        List<String> opened = new ArrayList<>();
        ExitStatus status = JsTrace.command(argv).follow(true).syscalls("socket").onSyscall("socket", call -> {
            if (call.result() instanceof Event.Result.Success
                    && call.args().getFirst() instanceof Value.Sym(String family, long v) && family.startsWith("AF_INET")) {
                opened.add(family);
            }
        }).run();
        assertEquals(0, status.code(), "exit status of " + List.of(argv));
        return opened;
    }

    @Test
    void lsOpensNoNetworkSocket() throws Exception {
        assertEquals(List.of(), inetSockets("ls", "/"));
    }

    @Test
    void pythonOpeningAnInetSocketIsCaught() throws Exception {
        assertEquals(List.of("AF_INET"),
                inetSockets("python3", "-c", "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"));
    }
}

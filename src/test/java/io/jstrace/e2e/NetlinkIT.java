package io.jstrace.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Netlink messages of real programs (iproute2's ip and ss: NETLINK_ROUTE links, addresses and
 * routes, NETLINK_SOCK_DIAG inet and unix dumps) against /usr/bin/strace, line for line. Only
 * what legitimately differs between two runs is masked besides StraceDiff's masks: message
 * sequence numbers (ip takes the time), port ids and link statistics (lo's counters move
 * between two runs: any process on the machine may use it).
 */
class NetlinkIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsStraceAndIproute2() {
        Assumptions.assumeTrue(StraceDiff.straceAvailable(), "strace is not installed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip")),
                "iproute2's ip is not installed");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")) || Files.isExecutable(Path.of("/usr/sbin/ss")),
                "iproute2's ss is not installed");
    }

    @ParameterizedTest(name = "{0} :: {1}")
    @CsvSource(delimiter = '|', value = {
            "-e trace=sendto,recvmsg,recvfrom | exec ip -o addr show lo",
            "-e trace=sendto,recvmsg,recvfrom | exec ip route show table local",
            "-e trace=sendto,recvmsg,recvfrom | exec ip -6 route show table local",
            "-e trace=sendto,recvmsg | exec ip -o link show lo",
            "-e trace=sendto,recvmsg,recvfrom | exec ss -tln",
            "-e trace=sendto,recvmsg,recvfrom | exec ss -xln",
            "-v -e trace=sendto,recvmsg,recvfrom | exec ss -tln",
            "-X raw -e trace=sendto,recvmsg,recvfrom | exec ip -o addr show lo",
            "-X verbose -e trace=sendto,recvmsg,recvfrom | exec ss -tln",
            "-s 8 -e trace=sendto,recvmsg,recvfrom | exec ip -o -4 addr show lo",
            "-yy -e trace=sendto,recvmsg,recvfrom | exec ip -o -4 addr show lo",
            "-e trace=sendto,recvmsg,recvfrom -e write=3 -e read=3 | exec ip -o -4 addr show lo",
    })
    void sameLinesAsStrace(String options, String command) throws Exception {
        List<String> opts = Arrays.asList(options.trim().split(" +"));
        StraceDiff.Pair p = StraceDiff.run(tmp, opts, command);
        assertEquals(mask(p.strace()), mask(p.jstrace()));
    }

    private static String mask(List<String> lines) {
        return String.join("\n", lines)
                .replaceAll("nlmsg_seq=\\d+", "nlmsg_seq=SEQ")
                .replaceAll("nlmsg_pid=-?\\d+", "nlmsg_pid=PID")
                .replaceAll("nl_pid=\\d+", "nl_pid=PID")
                .replaceAll("(NETLINK:\\[\\w+):\\d+", "$1:PID")
                .replaceAll("\\{rx_packets=[^}]*}", "{STATS}")
                // -e read=/write= dumps hold sequence numbers and port ids too: their lines and sizes are compared
                .replaceAll("(?m)^(\\s*\\| [0-9a-f]{5}  ).*$", "$1BYTES");
    }
}

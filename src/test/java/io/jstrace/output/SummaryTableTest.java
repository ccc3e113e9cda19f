package io.jstrace.output;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The -c table against strace's printf formats, computed by hand from strace's count.c. */
class SummaryTableTest {
    private static final int READ = 0, SCHED_SETAFFINITY = 203, OPENAT = 257;

    /** read: 3 calls (1000, 2000, 500 ns); openat: 4 calls of 250 us, 2 failed; one 12.3 s call. */
    private static SyscallStats sample() {
        SyscallStats s = new SyscallStats(400);
        s.add(READ, "read", false, 1000);
        s.add(READ, "read", false, 2000);
        s.add(READ, "read", false, 500);
        for (int i = 0; i < 4; i++) {
            s.add(OPENAT, "openat", i % 2 == 0, 250_000);
        }
        s.add(SCHED_SETAFFINITY, "sched_setaffinity", false, 12_345_678_901L);
        return s;
    }

    private static String render(SyscallStats s, List<SummaryColumn> columns, SummaryOrder order) {
        return new SummaryTable(s, columns, order).render();
    }

    @Test
    void defaultTableSortedByTimeWithWidthsRoundingAndTotal() {
        assertEquals("""
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ------------------
                 99.99   12.345679    12345678         1           sched_setaffinity
                  0.01    0.001000         250         4         2 openat
                  0.00    0.000003           1         3           read
                ------ ----------- ----------- --------- --------- ------------------
                100.00   12.346682     1543335         8         2 total
                """, render(sample(), SummaryColumn.DEFAULT, SummaryOrder.TIME));
    }

    @Test
    void printfRoundsTheBinaryValueNotItsShortestDecimal() {
        // 3.5e-6 is stored just below 3.5e-6: glibc prints 0.000003 where Java's %.6f gives 0.000004.
        assertEquals("0.000003", SummaryTable.fixed(SummaryTable.seconds(3500), 6));
        assertEquals("0.000000", SummaryTable.fixed(SummaryTable.seconds(500), 6));
        assertEquals("0.000003", SummaryTable.fixed(SummaryTable.seconds(2500), 6));
        assertEquals("12.345679", SummaryTable.fixed(SummaryTable.seconds(12_345_678_901L), 6));
    }

    @Test
    void nameColumnNotLastIsPaddedAndMinMaxWidthsFollowTheSeconds() {
        assertEquals("""
                syscall                calls  shortest   longest
                ------------------ --------- --------- ---------
                openat                     4  0.000250  0.000250
                read                       3  0.000000  0.000002
                sched_setaffinity          1 12.345679 12.345679
                ------------------ --------- --------- ---------
                total                      8  0.000000 12.345679
                """, render(sample(), SummaryColumn.parseList("name,calls,min-time,max-time"), SummaryOrder.NAME));
    }

    @Test
    void nameColumnIsAddedWhenMissing() {
        assertEquals(List.of(SummaryColumn.CALLS, SummaryColumn.ERRORS, SummaryColumn.NAME),
                SummaryColumn.parseList("count,error"));
        assertEquals(List.of(SummaryColumn.AVG_TIME, SummaryColumn.TIME_PERCENT, SummaryColumn.NAME,
                        SummaryColumn.TOTAL_TIME),
                SummaryColumn.parseList("time-avg,time,syscall_name,total_time"));
    }

    @Test
    void everySortOrderKeepsSyscallNumberOrderForTies() {
        assertEquals(List.of("openat", "read", "sched_setaffinity"), names(SummaryOrder.CALLS));
        assertEquals(List.of("openat", "read", "sched_setaffinity"), names(SummaryOrder.ERRORS));
        assertEquals(List.of("read", "sched_setaffinity", "openat"), names(SummaryOrder.NOTHING));
        assertEquals(List.of("sched_setaffinity", "openat", "read"), names(SummaryOrder.AVG_TIME));
        assertEquals(List.of("sched_setaffinity", "openat", "read"), names(SummaryOrder.MIN_TIME));
        assertEquals(List.of("sched_setaffinity", "openat", "read"), names(SummaryOrder.MAX_TIME));
        assertEquals(List.of("openat", "read", "sched_setaffinity"), names(SummaryOrder.NAME));
    }

    private static List<String> names(SummaryOrder order) {
        String table = render(sample(), List.of(SummaryColumn.NAME), order);
        List<String> lines = table.lines().toList();
        return lines.subList(2, lines.size() - 2);
    }

    @Test
    void zeroTimesPrintZeroPercentAndAHundredInTotal() {
        SyscallStats s = new SyscallStats(10);
        s.add(1, "write", false, 0);
        s.add(3, "close", true, 0);
        assertEquals("""
                % time     seconds  usecs/call     calls    errors syscall
                ------ ----------- ----------- --------- --------- ----------------
                  0.00    0.000000           0         1           write
                  0.00    0.000000           0         1         1 close
                ------ ----------- ----------- --------- --------- ----------------
                100.00    0.000000           0         2         1 total
                """, render(s, SummaryColumn.DEFAULT, SummaryOrder.TIME));
    }

    @Test
    void countsWiderThanTheHeaderWidenTheColumn() {
        SyscallStats s = new SyscallStats(10);
        for (int i = 0; i < 3; i++) {
            s.add(0, "read", true, 1);
        }
        s.calls[0] = 1_234_567_890L;
        s.errors[0] = 1_234_567_890L;
        String header = render(s, SummaryColumn.parseList("calls,errors"), SummaryOrder.TIME)
                .lines().findFirst().orElseThrow();
        assertEquals("     calls     errors syscall", header);
    }

    @Test
    void nothingCountedPrintsNothing() {
        assertEquals("", render(new SyscallStats(10), SummaryColumn.DEFAULT, SummaryOrder.TIME));
    }

    @Test
    void columnErrorsAreWordedAsStrace() {
        assertEquals("unknown column name: 'foo'", message(() -> SummaryColumn.parseList("foo")));
        assertEquals("unknown column name: 'none'", message(() -> SummaryColumn.parseList("none")));
        assertEquals("unknown column name: ''", message(() -> SummaryColumn.parseList("calls,,name")));
        assertEquals("call summary column has been provided more than once: 'calls' (-U option residual: "
                + "'calls,name')", message(() -> SummaryColumn.parseList("calls,calls,name")));
        assertEquals("call summary column has been provided more than once: 'time-percent' (-U option residual: "
                + "'time-percent')", message(() -> SummaryColumn.parseList("time,total-time,time-percent")));
    }

    @Test
    void sortNamesAreTheColumnNamesPlusNothing() {
        assertEquals(SummaryOrder.TIME, SummaryOrder.parse("time-percent"));
        assertEquals(SummaryOrder.TIME, SummaryOrder.parse("total_time"));
        assertEquals(SummaryOrder.MIN_TIME, SummaryOrder.parse("shortest"));
        assertEquals(SummaryOrder.MAX_TIME, SummaryOrder.parse("longest"));
        assertEquals(SummaryOrder.AVG_TIME, SummaryOrder.parse("avg-time"));
        assertEquals(SummaryOrder.CALLS, SummaryOrder.parse("count"));
        assertEquals(SummaryOrder.ERRORS, SummaryOrder.parse("error"));
        assertEquals(SummaryOrder.NAME, SummaryOrder.parse("syscall"));
        assertEquals(SummaryOrder.NOTHING, SummaryOrder.parse("none"));
        assertEquals(SummaryOrder.NOTHING, SummaryOrder.parse("nothing"));
        assertEquals("invalid sortby: 'Calls'", message(() -> SummaryOrder.parse("Calls")));
    }

    @Test
    void overheadParsesAsStraceParseTs() {
        assertEquals(5000, SummaryOptions.parseOverhead("5"));
        assertEquals(5000, SummaryOptions.parseOverhead("+5"));
        assertEquals(5000, SummaryOptions.parseOverhead(" 5"));
        assertEquals(1_500_000, SummaryOptions.parseOverhead("1.5ms"));
        assertEquals(1_000_000, SummaryOptions.parseOverhead("1e3"));
        assertEquals(500, SummaryOptions.parseOverhead(".5"));
        assertEquals(0, SummaryOptions.parseOverhead("-0"));
        assertEquals(5_000_000_000L, SummaryOptions.parseOverhead("5s"));
        assertEquals(2_500_000_000L, SummaryOptions.parseOverhead("2.5s"));
        assertEquals(5, SummaryOptions.parseOverhead("5ns"));
        for (String bad : List.of("", "5MS", "5 ", "0x10", "1e", "inf", "1e400", "-1", "5m", "foo")) {
            assertThrows(IllegalArgumentException.class, () -> SummaryOptions.parseOverhead(bad), bad);
        }
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}

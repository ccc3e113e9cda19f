package io.jstrace.xlat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IoctlRequestsTest {
    @Test
    void searchFindsWhatTheParsedTableHolds() {
        Map<Long, List<String>> parsed = new LinkedHashMap<>();
        for (Xlat.Entry e : Xlat.of("ioctl_requests").entries()) {
            parsed.computeIfAbsent(e.value(), k -> new ArrayList<>()).add(e.name());
        }
        assertTrue(parsed.size() > 3000, "codes: " + parsed.size());
        parsed.forEach((code, names) -> assertEquals(names, IoctlRequests.names(code), Long.toHexString(code)));
    }

    @Test
    void sharedCodesKeepEveryNameAndUnknownCodesHaveNone() {
        assertEquals(List.of("SNDCTL_TMR_START", "TCSETS"), IoctlRequests.names(0x5402));
        assertEquals(List.of("BTRFS_IOC_CLONE", "FICLONE"), IoctlRequests.names(0x40049409L));
        assertEquals(List.of(), IoctlRequests.names(0));
        assertEquals(List.of(), IoctlRequests.names(0x5400));
        assertEquals(List.of(), IoctlRequests.names(0xffffffffL));
    }

    @Test
    void codesByName() {
        assertEquals(OptionalLong.of(0x5401), IoctlRequests.code("TCGETS"));
        assertEquals(OptionalLong.of(0x5404), IoctlRequests.code("TCSETSF"));
        assertEquals(OptionalLong.of(0x1), IoctlRequests.code("FIBMAP"));
        assertEquals(OptionalLong.empty(), IoctlRequests.code("TCSET"));
    }
}

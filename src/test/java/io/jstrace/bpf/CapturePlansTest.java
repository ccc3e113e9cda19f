package io.jstrace.bpf;

import io.jstrace.data.DataFiles;
import io.jstrace.decode.Kinds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The capture rules name kinds that exist: a renamed kind must not silently lose its capture under --backend=bpf. */
class CapturePlansTest {
    @Test
    void everyCaptureRuleNamesARegisteredKind() {
        Kinds kinds = Kinds.standard();
        List<String> unknown = DataFiles.lines(CapturePlans.class, "captures").stream()
                .map(line -> line.split("\\s+")[0].replaceFirst("/verbose$", ""))
                .filter(kind -> !kinds.knowsArg(kind)).toList();
        assertEquals(List.of(), unknown, "capture rules for kinds that do not exist");
    }
}

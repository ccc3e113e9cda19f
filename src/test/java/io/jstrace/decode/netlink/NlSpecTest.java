package io.jstrace.decode.netlink;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every table of the netlink data files loads: attribute names resolve in their xlat tables,
 * decoders and printers exist, struct fields exist in their layouts. (A broken table would
 * otherwise show only when a program sends that message.)
 */
class NlSpecTest {
    @Test
    void everyTableAndStructLoads() {
        assertTrue(NlSpec.attrNames().size() > 60, "attrs: " + NlSpec.attrNames().size());
        for (String name : NlSpec.attrNames()) {
            NlSpec.attrs(name);
        }
        assertTrue(NlSpec.structNames().size() > 90, "structs: " + NlSpec.structNames().size());
        for (String name : NlSpec.structNames()) {
            NlSpec.struct(name);
        }
        // the message tables, by forcing the classes that read them
        assertTrue(NlTypes.protocol("NETLINK_ROUTE") == 0);
        RouteMessages.class.getName();
        new Wire().hdr(16, 0x101, 0, 0, 0).decode(12);
        new Wire().hdr(20, 20, 1, 0, 0).u8(1).zeros(3).decode(4);
        new Wire().hdr(20, 16, 0, 0, 0).u8(0).zeros(3).decode(0);
        new Wire().hdr(20, 0x10, 0, 0, 0).u32(0).decode(7);
        new Wire().hdr(20, 0x10, 0, 0, 0).u32(0).decode(21);
    }
}

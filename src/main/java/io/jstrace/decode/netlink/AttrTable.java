package io.jstrace.decode.netlink;

import java.util.Map;

/**
 * An attribute list's types: names from the xlat table {@code xlat} ({@code dflt} for the
 * others) and a decoder per type, or one decoder for every type ({@code all}, which strace
 * calls with the attribute's type as its opaque data). A type without a decoder prints as hex.
 */
record AttrTable(String name, String xlat, String dflt, Map<Integer, AttrDecoder> decoders, AttrDecoder all) {
    AttrDecoder decoder(int type) {
        return all != null ? all : decoders.get(type);
    }
}

package io.jstrace.decode;

/** A family of related kinds (files, memory, sockets, ...) that registers itself by name. */
public interface KindFamily {
    void register(Kinds kinds);
}

package io.jstrace.decode;

/** Kinds for the memory family of syscalls. */
final class MemoryKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

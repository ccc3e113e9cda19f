package io.jstrace.decode;

/** Kinds for the network family of syscalls. */
final class NetworkKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

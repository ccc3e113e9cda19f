package io.jstrace.decode;

/** Kinds for the io family of syscalls. */
final class IoKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

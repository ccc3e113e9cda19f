package io.jstrace.decode;

/** Kinds for the signal family of syscalls. */
final class SignalKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

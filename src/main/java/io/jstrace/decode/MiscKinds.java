package io.jstrace.decode;

/** Kinds for the misc family of syscalls. */
final class MiscKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

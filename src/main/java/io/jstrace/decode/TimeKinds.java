package io.jstrace.decode;

/** Kinds for the time family of syscalls. */
final class TimeKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

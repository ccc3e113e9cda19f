package io.jstrace.decode;

/** Kinds for the file family of syscalls. */
final class FileKinds implements KindFamily {
    @Override
    public void register(Kinds k) {
    }
}

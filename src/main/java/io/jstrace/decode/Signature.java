package io.jstrace.decode;

import java.util.List;

/** How a syscall decodes: one kind per printed argument and one for the return value. */
public record Signature(String name, ReturnKind ret, List<ArgKind> args) {}

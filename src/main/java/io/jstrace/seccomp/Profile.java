package io.jstrace.seccomp;

import java.util.List;
import java.util.Map;

/**
 * A Docker/OCI seccomp profile as jstrace enforces it: the default action, the architectures it
 * names, and an action per syscall name (x86_64 names, no argument conditions).
 */
public record Profile(Action defaultAction, List<String> architectures, Map<String, Action> actions) {
    public Profile {
        architectures = List.copyOf(architectures);
        actions = Map.copyOf(actions);
    }

    /** The action for the call named {@code name}. */
    public Action of(String name) {
        return actions.getOrDefault(name, defaultAction);
    }
}

package io.jstrace.seccomp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seccomp profile as jstrace enforces it: the default action, the architectures it names, and
 * for each x86_64 call it names the rules the filter tries, in the order it tries them (see
 * {@link Rules}). A call without rules gets the default action.
 */
public record Profile(Action defaultAction, List<String> architectures, Map<String, List<Rule>> rules) {
    public Profile {
        architectures = List.copyOf(architectures);
        Map<String, List<Rule>> copy = new LinkedHashMap<>();
        rules.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        rules = java.util.Collections.unmodifiableMap(copy);
    }

    /** The action for a call of {@code name} with arguments {@code args}: the first rule that matches, else the default. */
    public Action of(String name, long[] args) {
        long[] all = args.length >= Condition.ARGS ? args : java.util.Arrays.copyOf(args, Condition.ARGS);
        for (Rule r : rules.getOrDefault(name, List.of())) {
            if (r.matches(all)) {
                return r.action();
            }
        }
        return defaultAction;
    }

    /** Whether the action for {@code name} depends on its arguments. */
    boolean conditional(String name) {
        return rules.getOrDefault(name, List.of()).stream().anyMatch(r -> !r.unconditional());
    }
}

package io.jstrace.seccomp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a profile's rules with the semantics an OCI runtime gives them (runc's matchCall over
 * libseccomp): a rule whose action is the default action is dropped; conditions on distinct
 * arguments must all hold, but when one argument is tested twice each condition becomes a rule
 * of its own (libseccomp takes one condition per argument); an unconditional rule decides the
 * call whatever its conditional rules say, and the first unconditional rule is the one kept.
 * Conditional rules are tried in libseccomp's order ({@link Rule#LIBSECCOMP_ORDER}).
 */
final class Rules {
    private final Action defaultAction;
    private final Map<String, List<Rule>> rules = new LinkedHashMap<>();

    Rules(Action defaultAction) {
        this.defaultAction = defaultAction;
    }

    void add(String name, Action action, List<Condition> conditions) {
        long args = conditions.stream().mapToInt(Condition::arg).distinct().count();
        if (args < conditions.size()) {
            for (Condition c : conditions) {
                add(name, new Rule(action, List.of(c)));
            }
        } else {
            add(name, new Rule(action, conditions));
        }
    }

    /** Adds {@code rule} as it stands (its conditions already one per argument). */
    void add(String name, Rule rule) {
        if (rule.action().equals(defaultAction)) {
            return;
        }
        List<Rule> list = rules.computeIfAbsent(name, n -> new ArrayList<>());
        if (list.stream().anyMatch(Rule::unconditional)) {
            return;
        }
        if (rule.unconditional()) {
            list.clear();
        }
        list.add(rule);
    }

    Profile profile(List<String> architectures) {
        rules.values().forEach(list -> list.sort(Rule.LIBSECCOMP_ORDER));
        return new Profile(defaultAction, architectures, rules);
    }
}

package io.jstrace.seccomp;

/**
 * The seccomp options of the command line.
 *
 * @param bpf         --seccomp-bpf / --no-seccomp-bpf, or AUTO: on when it is correct and spares stops
 * @param profile     --seccomp-profile FILE to write, or null
 * @param policy      --seccomp-policy FILE to enforce, or null
 * @param profileBase --seccomp-profile-base FILE whose rules the written profile adds, or null
 * @param learnArgs   --seccomp-profile-args: the written profile allows some calls only with the arguments seen
 */
public record SeccompOptions(Bpf bpf, String profile, String policy, String profileBase, boolean learnArgs) {
    public static final SeccompOptions DEFAULT = new SeccompOptions(Bpf.AUTO, null, null, null, false);

    public enum Bpf { AUTO, ON, OFF }

    public SeccompOptions withBpf(Bpf b) {
        return new SeccompOptions(b, profile, policy, profileBase, learnArgs);
    }

    public SeccompOptions withProfile(String file) {
        return new SeccompOptions(bpf, file, policy, profileBase, learnArgs);
    }

    public SeccompOptions withPolicy(String file) {
        return new SeccompOptions(bpf, profile, file, profileBase, learnArgs);
    }

    public SeccompOptions withProfileBase(String file) {
        return new SeccompOptions(bpf, profile, policy, file, learnArgs);
    }

    public SeccompOptions withLearnArgs() {
        return new SeccompOptions(bpf, profile, policy, profileBase, true);
    }
}

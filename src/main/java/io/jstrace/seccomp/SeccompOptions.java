package io.jstrace.seccomp;

/**
 * The seccomp options of the command line.
 *
 * @param bpf     --seccomp-bpf / --no-seccomp-bpf, or AUTO: on when it is correct and spares stops
 * @param profile --seccomp-profile FILE to write, or null
 * @param policy  --seccomp-policy FILE to enforce, or null
 */
public record SeccompOptions(Bpf bpf, String profile, String policy) {
    public static final SeccompOptions DEFAULT = new SeccompOptions(Bpf.AUTO, null, null);

    public enum Bpf { AUTO, ON, OFF }

    public SeccompOptions withBpf(Bpf b) {
        return new SeccompOptions(b, profile, policy);
    }

    public SeccompOptions withProfile(String file) {
        return new SeccompOptions(bpf, file, policy);
    }

    public SeccompOptions withPolicy(String file) {
        return new SeccompOptions(bpf, profile, file);
    }
}

package io.jstrace.decode;

/**
 * What the user asked decoders for: string size (-s), verbosity (-v), fd paths (-y, -yy),
 * and -X style (raw, abbrev, verbose).
 */
public record DecodeOptions(int stringLimit, boolean verbose, int fdDetail, Xstyle xstyle) {
    public enum Xstyle { ABBREV, RAW, VERBOSE }

    public static final DecodeOptions DEFAULT = new DecodeOptions(32, false, 0, Xstyle.ABBREV);
}

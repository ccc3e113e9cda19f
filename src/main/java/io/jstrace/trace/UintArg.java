package io.jstrace.trace;

import java.math.BigInteger;

/**
 * strace's string_to_uint_ex, which reads every number of its command line: strtoll in base 10
 * (leading white space and a sign allowed), then a value from 0 to a maximum, followed by the end
 * of the string or by one of the accepted endings. Shared by the command line and -e parsing.
 */
public record UintArg(long value, int end) {
    /** The whole string as such a number, at most {@code max}; -1 if it is not one. */
    public static long parse(String s, long max) {
        UintArg n = parse(s, 0, max, "");
        return n == null ? -1 : n.value;
    }

    /** From {@code from}: at most {@code max}, followed by the end or one of {@code endings}; else null. */
    public static UintArg parse(String s, int from, long max, String endings) {
        int i = from;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i++) == '-';
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return null;
        }
        // Beyond LLONG_MAX strtoll saturates and sets ERANGE, which strace refuses: beyond max either way.
        BigInteger b = new BigInteger(s.substring(start, i));
        if (negative && b.signum() != 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
            return null;
        }
        if (i < s.length() && endings.indexOf(s.charAt(i)) < 0) {
            return null;
        }
        return new UintArg(b.longValue(), i);
    }
}
